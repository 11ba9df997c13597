package io.fairtender.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.analyse.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document's row in the scan summaries: where it is, what it is (buyer, date, regime, type, budget, reserved),
 * what was found (counts by category and severity, failed policy checks) or why it could not be checked.
 */
public record DocumentSummary(String path, String sha256, String buyer, String date, String regime, String type,
    Double budget, Boolean reserved, int pages, Map<String, Integer> byCategory, int violations, int risks, int infos,
    List<String> failedChecks, String errorCode, String errorMessage, Map<String, Integer> byRule) {

  /** The category ids in catalogue order: one column each. */
  public static List<String> categories() {
    List<String> out = new ArrayList<>();
    for (Category c : Category.values()) {
      out.add(c.id());
    }
    return out;
  }

  public int findings() {
    return violations + risks + infos;
  }

  public boolean failed() {
    return errorCode != null;
  }

  /** The year of the document's date, or null. */
  public String year() {
    return date != null && date.length() >= 4 ? date.substring(0, 4) : null;
  }

  /** The row of a recorded document and its report (null when it failed). */
  public static DocumentSummary of(ScanState.Row row, JsonNode report) {
    if (row.failed() || report == null) {
      return new DocumentSummary(row.path(), row.sha256(), null, null, null, null, null, null, 0, Map.of(), 0, 0, 0,
          List.of(), row.failed() ? row.errorCode() : "NO_REPORT", row.errorMessage(), Map.of());
    }
    JsonNode facts = report.path("facts");
    Map<String, Integer> byCategory = new LinkedHashMap<>();
    Map<String, Integer> byRule = new LinkedHashMap<>();
    int v = 0;
    int r = 0;
    int i = 0;
    for (JsonNode f : report.path("findings")) {
      byCategory.merge(f.path("category").asText(), 1, Integer::sum);
      if (!"info".equals(f.path("severity").asText())) {
        byRule.merge(f.path("ruleId").asText(), 1, Integer::sum);
      }
      switch (f.path("severity").asText()) {
        case "violation" -> v++;
        case "risk" -> r++;
        default -> i++;
      }
    }
    List<String> failed = new ArrayList<>();
    for (JsonNode c : report.path("policy").path("checks")) {
      if ("fail".equals(c.path("status").asText())) {
        failed.add(c.path("ruleId").asText());
      }
    }
    String date = text(facts.path("documentDate"));
    return new DocumentSummary(row.path(), row.sha256(), text(facts.path("buyer")), date,
        report.path("regime").path("id").asText(null), text(facts.path("procurementType")), number(facts.path("budgetCny")),
        bool(facts.path("reserved")), report.path("document").path("pages").asInt(), byCategory, v, r, i, failed, null, null,
        byRule);
  }

  private static JsonNode value(JsonNode fact) {
    return fact.isObject() && fact.has("value") ? fact.get("value") : fact;
  }

  private static String text(JsonNode fact) {
    JsonNode v = value(fact);
    return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  private static Double number(JsonNode fact) {
    JsonNode v = value(fact);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  private static Boolean bool(JsonNode fact) {
    JsonNode v = value(fact);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }
}
