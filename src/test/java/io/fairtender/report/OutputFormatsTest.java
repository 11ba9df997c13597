package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SARIF validated against the OASIS 2.1.0 schema; the HTML report self-contained and complete. */
class OutputFormatsTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Report check(String name) throws Exception {
    return CHECKER.check(DocumentInput.of(DOCS.resolve(name)), new CheckOptions(LocalDate.of(2025, 3, 10), false, false));
  }

  @Test
  void sarifValidatesAgainstTheSchemaAndCarriesEveryFinding() throws Exception {
    Report withFindings = check("01-goods-open-tender.pdf");
    Report policy = check("08-services-fixed-rate.docx");
    Report clean = check("05-clean-tender.html");
    JsonNode sarif = JSON.readTree(ReportJson.line(ReportSarif.render(List.of(withFindings, policy, clean), CHECKER.rules(), false)));
    JsonSchema schema;
    try (InputStream in = OutputFormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertEquals(Set.of(), errors);
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(withFindings.findings().size(), run.get("results").size());
    JsonNode first = run.get("results").get(0);
    assertEquals("error", first.get("level").asText());
    JsonNode region = first.get("locations").get(0).get("physicalLocation").get("region");
    assertEquals(withFindings.findings().get(0).quote(), region.get("snippet").get("text").asText());
    assertTrue(region.get("startLine").asInt() >= 1);
    assertEquals("page 1", first.get("locations").get(0).get("logicalLocations").get(0).get("name").asText());
    assertEquals(first.get("ruleId").asText(), run.get("tool").get("driver").get("rules").get(first.get("ruleIndex").asInt()).get("id").asText());
    assertTrue(sarif.get("runs").get(1).get("results").size() >= 1, "policy failures are results too");
    assertEquals(0, sarif.get("runs").get(2).get("results").size());
  }

  @Test
  void theHtmlReportIsSelfContainedAndShowsFindingsPolicyAndFixes() throws Exception {
    Report r = check("08-services-fixed-rate.docx");
    Report d = check("02-services-consultation.pdf");
    String html = ReportHtml.render(d, false);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("name=\"viewport\"") && html.contains("@media print"));
    assertFalse(html.matches("(?s).*(<script src|<link|<img|src=\"http|href=\"http|url\\().*"), "no external assets");
    assertTrue(html.contains("<mark>资产总额不低于3000万元</mark>"), "the quoted clause is highlighted in its context");
    assertTrue(html.contains("企业规模") && html.contains("财务指标"), "grouped by category");
    assertTrue(html.contains("修改建议") && html.contains("第1页"));
    String policy = ReportHtml.render(r, false);
    assertTrue(policy.contains("中小企业政策落实情况") && policy.contains(">履约保证金比例</td>") && policy.contains("不符合"), policy);
    assertTrue(ReportHtml.render(r, true).contains("Suggested rewrite"));
  }
}
