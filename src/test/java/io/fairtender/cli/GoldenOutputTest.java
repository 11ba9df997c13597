package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairtender.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files for each output shape: a report with findings, an empty report, a report with processing errors,
 * the text format and jsonl with a refused document. Volatile fields (checker version, rule count) are masked.
 * Regenerate with {@code mvn test -Dtest=GoldenOutputTest -Dgolden.update=true} and review the diff.
 */
class GoldenOutputTest {
  private static final Path GOLDEN = TestPaths.project().resolve("src/test/resources/golden");
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final Path FIXTURES = TestPaths.project().resolve("src/test/resources/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportWithFindings() throws IOException {
    golden("report-findings.json", json(run("check", "--as-of", "2024-06-30", DOCS.resolve("04-inquiry-notice.txt").toString())));
  }

  @Test
  void emptyReport() throws IOException {
    golden("report-empty.json", json(run("check", "--as-of", "2025-09-01", DOCS.resolve("05-clean-tender.html").toString())));
  }

  @Test
  void reportWithProcessingErrorsAndEnglishMessages() throws IOException {
    golden("report-processing-error.json", json(run("check", "--as-of", "2023-06-01", "--lang", "en",
        FIXTURES.resolve("03-announcement-with-blank-page.pdf").toString())));
  }

  @Test
  void textFormat() throws IOException {
    golden("report.txt", run("check", "--format", "text", "--as-of", "2024-06-30", DOCS.resolve("02-services-consultation.docx").toString()));
  }

  @Test
  void jsonlWithARefusedDocument() throws IOException {
    String out = run("check", "--format", "jsonl", "--as-of", "2024-06-30",
        DOCS.resolve("03-announcement.txt").toString(), FIXTURES.resolve("not-a-tender.png").toString());
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      lines.add(JSON.writeValueAsString(mask(JSON.readTree(line))));
    }
    golden("reports.jsonl", String.join("\n", lines) + "\n");
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    return out.toString();
  }

  private static String json(String s) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mask(JSON.readTree(s))) + "\n";
  }

  private static JsonNode mask(JsonNode n) {
    if (n.has("checker")) {
      ObjectNode c = (ObjectNode) n.get("checker");
      c.put("version", "<version>");
      c.put("rules", "<rule count>");
    }
    return n;
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + name + " differs");
  }
}
