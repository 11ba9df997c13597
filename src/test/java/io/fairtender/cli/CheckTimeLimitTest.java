package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.PartialResultsTest;
import io.fairtender.TestPaths;
import io.fairtender.extract.Ocr;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --time-limit} and exit code 8 when a page went unchecked. */
class CheckTimeLimitTest {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aScannedPageLeftUnreadExitsEight(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("text-then-scans.pdf");
    Files.write(pdf, PartialResultsTest.textThenScans(2));
    Run r = run("check", "--no-ocr", "--models", "off", pdf.toString());
    assertEquals(Main.EXIT_PAGES_UNCHECKED, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertTrue(report.get("findings").size() > 0, "the text pages were checked");
    assertEquals("NO_TEXT_LAYER", report.get("processingErrors").get(0).get("code").asText(), r.out());
    assertEquals(Main.EXIT_FINDINGS, run("check", "--models", "off", DOCS.resolve("01-goods-open-tender.pdf").toString()).code(),
        "a document read in full keeps exit code 4");
  }

  @Test
  void theTimeLimitInTheMiddleOfOcrKeepsThePagesReadAndExitsEight(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Ocr.defaults().available(), "Tesseract with chi_sim is installed");
    Path pdf = dir.resolve("long-scan.pdf");
    Files.write(pdf, PartialResultsTest.textThenScans(40)); // forty pages of OCR take far longer than 3 s
    long t0 = System.nanoTime();
    Run r = run("check", "--time-limit", "3", "--models", "off", pdf.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(Main.EXIT_PAGES_UNCHECKED, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals(43, report.get("document").get("pages").asInt());
    assertTrue(report.get("findings").size() > 0, "the text pages were checked");
    int listed = 0;
    for (JsonNode e : report.get("processingErrors")) {
      if (e.get("code").asText().equals("TIME_LIMIT")) {
        String[] range = e.get("message").asText().replaceAll("[^0-9–]", "").split("–");
        listed += Integer.parseInt(range[range.length - 1]) - Integer.parseInt(range[0]) + 1;
      }
    }
    int ocrPages = report.get("document").get("ocrPages").size();
    assertEquals(40 - ocrPages, listed, "every scanned page not read is listed: " + report.get("processingErrors"));
    assertTrue(listed > 0);
    assertTrue(ms < 20_000, "stopped near the limit: " + ms + " ms");
  }

  @Test
  void aTimeLimitMustBePositive() {
    assertEquals(Main.EXIT_USAGE, run("check", "--time-limit", "0", "x.pdf").code());
    assertEquals(Main.EXIT_USAGE, run("check", "--time-limit", "soon", "x.pdf").code());
  }
}
