package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What could not be checked reaches SARIF: unchecked pages as error notifications located on their page, other
 * processing errors as warnings, an unreadable document as a run whose execution failed; every log validates against
 * the bundled OASIS SARIF 2.1.0 schema and every result carries its clause fingerprint.
 */
class SarifNotificationsTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults().withOcr(false));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema sarifSchema;

  @BeforeAll
  static void schema() throws IOException {
    try (InputStream in = SarifNotificationsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static JsonNode sarif(List<ReportSarif.Outcome> outcomes) {
    JsonNode log = JSON.valueToTree(ReportSarif.render(outcomes, new Report.CheckerInfo(Checker.NAME, Checker.VERSION, 1),
        CHECKER.rules(), false));
    assertEquals(Set.of(), sarifSchema.validate(log));
    return log;
  }

  /** A tender of the team's with one page more, which has no text. */
  private static Report withBlankPage() throws IOException {
    byte[] pdf = Files.readAllBytes(TestPaths.project().resolve("test-docs/01-goods-open-tender.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return CHECKER.check(new DocumentInput(out.toByteArray(), "blank.pdf", "application/pdf"),
          new CheckOptions(LocalDate.of(2025, 3, 10), false, false));
    }
  }

  @Test
  void anUncheckedPageIsAnErrorNotificationOnItsPage() throws IOException {
    Report r = withBlankPage();
    int blank = r.document().pages();
    JsonNode run = sarif(List.of(new ReportSarif.Checked(r))).get("runs").get(0);
    JsonNode invocation = run.get("invocations").get(0);
    assertTrue(invocation.get("executionSuccessful").asBoolean(), "the rest of the document was checked");
    JsonNode n = invocation.get("toolExecutionNotifications").get(0);
    assertEquals("NO_TEXT_LAYER", n.get("descriptor").get("id").asText());
    assertEquals("error", n.get("level").asText());
    assertEquals("page " + blank, n.get("locations").get(0).get("logicalLocations").get(0).get("name").asText());
    assertEquals("blank.pdf", n.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    assertEquals(r.findings().size(), run.get("results").size());
    List<String> prints = ClauseFingerprint.of(r.findings());
    for (int i = 0; i < prints.size(); i++) {
      assertEquals(prints.get(i), run.get("results").get(i).get("partialFingerprints").get(ClauseFingerprint.KEY).asText());
    }
  }

  @Test
  void errorsThatLeaveTheTextCheckedAreWarnings() throws IOException {
    Report base = withBlankPage();
    List<ProcessingError> errors = new ArrayList<>(base.processingErrors());
    errors.add(new ProcessingError("RULE_ERROR", "该规则处理本文件时出错，已跳过", null, "SME-SCALE-REGCAP"));
    errors.add(new ProcessingError("FINDINGS_LIMIT", "另有3条问题未列出", null, null));
    Report r = new Report(base.formatVersion(), base.checker(), base.document(), base.asOf(), base.regime(), base.facts(),
        base.policy(), base.findings(), errors, null);
    JsonNode notes = sarif(List.of(new ReportSarif.Checked(r))).get("runs").get(0).get("invocations").get(0)
        .get("toolExecutionNotifications");
    assertEquals(3, notes.size());
    assertEquals("warning", notes.get(1).get("level").asText());
    assertEquals("SME-SCALE-REGCAP", notes.get(1).get("associatedRule").get("id").asText());
    assertFalse(notes.get(1).has("locations"));
    assertEquals("warning", notes.get(2).get("level").asText());
  }

  @Test
  void anUnreadableDocumentIsARunThatDidNotSucceed() throws IOException {
    Report checked = CHECKER.check(DocumentInput.of(TestPaths.project().resolve("test-docs/03-announcement.pdf")),
        CheckOptions.defaults());
    JsonNode runs = sarif(List.of(new ReportSarif.Unreadable("broken.pdf", "CORRUPT", "文件已损坏或格式不正确"),
        new ReportSarif.Checked(checked))).get("runs");
    assertEquals(2, runs.size(), "one run per document, in order");
    JsonNode failed = runs.get(0);
    assertFalse(failed.get("invocations").get(0).get("executionSuccessful").asBoolean());
    JsonNode n = failed.get("invocations").get(0).get("toolExecutionNotifications").get(0);
    assertEquals("error", n.get("level").asText());
    assertEquals("CORRUPT", n.get("descriptor").get("id").asText());
    assertEquals("broken.pdf", n.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    assertEquals(0, failed.get("results").size());
    assertEquals(Checker.NAME, failed.get("tool").get("driver").get("name").asText());
    assertTrue(runs.get(1).get("invocations").get(0).get("executionSuccessful").asBoolean());
    assertEquals(0, runs.get(1).get("invocations").get(0).get("toolExecutionNotifications").size());
  }
}
