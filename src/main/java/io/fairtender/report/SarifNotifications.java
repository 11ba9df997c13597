package io.fairtender.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF {@code toolExecutionNotifications}: what the checker could not do. A page or package entry left unchecked is
 * an {@code error}, other processing errors (a rule that failed, findings past the limit) a {@code warning}; an
 * unreadable document is an {@code error} of a run whose execution did not succeed.
 */
final class SarifNotifications {
  private SarifNotifications() {}

  /** One notification per processing error, located on its page when it has one. */
  static List<Object> of(List<ProcessingError> errors, String uri) {
    List<Object> out = new ArrayList<>();
    for (ProcessingError e : errors) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("descriptor", Map.of("id", e.code()));
      n.put("level", e.leftTextUnchecked() ? "error" : "warning");
      n.put("message", Map.of("text", e.message() + (e.page() == null ? "" : " (page " + e.page() + ")")));
      if (e.page() != null) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri, "index", 0)));
        location.put("logicalLocations", List.of(Map.of("name", "page " + e.page(), "kind", "page")));
        n.put("locations", List.of(location));
      }
      if (e.ruleId() != null) {
        n.put("associatedRule", Map.of("id", e.ruleId()));
      }
      out.add(n);
    }
    return out;
  }

  /** The notification for a document that could not be read at all. */
  static Map<String, Object> unreadable(ReportSarif.Unreadable u) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("descriptor", Map.of("id", u.code()));
    n.put("level", "error");
    n.put("message", Map.of("text", u.message()));
    n.put("locations", List.of(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", u.name(), "index", 0)))));
    return n;
  }
}
