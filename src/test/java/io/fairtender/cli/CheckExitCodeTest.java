package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} exits non-zero when a document could not be read or part of it went unchecked, and says so. */
class CheckExitCodeTest {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The clean tender with a page more that has no text (and OCR off, so it stays unread). */
  private static Path cleanWithBlankPage(Path dir) throws IOException {
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(DOCS.resolve("05-clean-tender.pdf")))) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return Files.write(dir.resolve("clean-plus-blank.pdf"), out.toByteArray());
    }
  }

  @Test
  void aPageLeftUncheckedExitsThreeEvenWithoutFindings(@TempDir Path dir) throws IOException {
    Path pdf = cleanWithBlankPage(dir);
    Run r = run("check", "--no-ocr", "--format", "text", pdf.toString());
    assertEquals(Main.EXIT_INCOMPLETE, r.code(), r.err());
    assertTrue(r.err().contains("NO_TEXT_LAYER page 2"), r.err());
    assertEquals(Main.EXIT_CLEAN, run("check", "--no-ocr", DOCS.resolve("05-clean-tender.pdf").toString()).code());
  }

  @Test
  void uncheckedPagesOutrankFindingsAndUnreadableFilesOutrankBoth(@TempDir Path dir) throws IOException {
    Path pdf = cleanWithBlankPage(dir);
    String findings = DOCS.resolve("01-goods-open-tender.pdf").toString();
    assertEquals(Main.EXIT_FINDINGS, run("check", "--no-ocr", findings).code());
    assertEquals(Main.EXIT_INCOMPLETE, run("check", "--no-ocr", findings, pdf.toString()).code());
    Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII));
    assertEquals(Main.EXIT_ERROR, run("check", "--no-ocr", findings, pdf.toString(), broken.toString()).code());
  }

  @Test
  void sarifCarriesTheUnreadableFileAndTheUncheckedPage(@TempDir Path dir) throws IOException {
    Path pdf = cleanWithBlankPage(dir);
    Path broken = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII));
    Run r = run("check", "--no-ocr", "--format", "sarif", broken.toString(), pdf.toString());
    assertEquals(Main.EXIT_ERROR, r.code());
    JsonNode runs = new ObjectMapper().readTree(r.out()).get("runs");
    assertEquals(2, runs.size(), "one run per file, the unreadable one too");
    JsonNode failed = runs.get(0).get("invocations").get(0);
    assertFalse(failed.get("executionSuccessful").asBoolean());
    assertEquals("broken.pdf", runs.get(0).get("artifacts").get(0).get("location").get("uri").asText());
    assertEquals("error", failed.get("toolExecutionNotifications").get(0).get("level").asText());
    JsonNode partial = runs.get(1).get("invocations").get(0);
    assertTrue(partial.get("executionSuccessful").asBoolean());
    JsonNode page = partial.get("toolExecutionNotifications").get(0);
    assertEquals("error", page.get("level").asText());
    assertEquals("page 2", page.get("locations").get(0).get("logicalLocations").get(0).get("name").asText());
  }

  @Test
  void theHelpDocumentsEveryExitCode() {
    Run r = run("check", "--help");
    assertEquals(Main.EXIT_CLEAN, r.code());
    for (int code : new int[] {Main.EXIT_CLEAN, Main.EXIT_FINDINGS, Main.EXIT_INCOMPLETE, Main.EXIT_ERROR, Main.EXIT_USAGE}) {
      assertTrue(r.out().contains("  " + code + "  "), "exit code " + code + " in:\n" + r.out());
    }
    assertTrue(r.out().contains("processingErrors"));
  }
}
