package io.fairtender.report;

import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Rule;
import io.fairtender.analyse.RuleSet;
import io.fairtender.analyse.policy.PolicyCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for portals and CI pipelines: one run per document, the rules that fired as {@code tool.driver.rules},
 * each finding a result with its region (line, code point offset and length, snippet), the page and section as
 * logical locations, and a {@link ClauseFingerprint} that survives revisions of the tender. Parts that could not be
 * checked are {@code toolExecutionNotifications}; a document that could not be read is a run without results whose
 * execution did not succeed.
 */
public final class ReportSarif {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String INFORMATION_URI = "https://github.com/fairtender/fairtender";

  /** What checking one document gave: its report, or why it could not be read. */
  public sealed interface Outcome permits Checked, Unreadable {}

  /** A document that was checked. */
  public record Checked(Report report) implements Outcome {}

  /**
   * A document that could not be read.
   *
   * @param name its file name
   * @param code the error code (CORRUPT, ENCRYPTED, ...)
   * @param message why
   */
  public record Unreadable(String name, String code, String message) implements Outcome {}

  private ReportSarif() {}

  /** A log of checked documents. */
  public static Map<String, Object> render(List<Report> reports, RuleSet rules, boolean english) {
    return render(reports.stream().<Outcome>map(Checked::new).toList(), null, rules, english);
  }

  /**
   * A log with one run per document in the given order.
   *
   * @param tool name and version for the runs of unreadable documents (those of checked ones come from their report)
   */
  public static Map<String, Object> render(List<Outcome> outcomes, Report.CheckerInfo tool, RuleSet rules, boolean english) {
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    List<Object> runs = new ArrayList<>();
    for (Outcome o : outcomes) {
      runs.add(o instanceof Checked c ? run(c.report(), rules, english) : unreadableRun((Unreadable) o, tool));
    }
    log.put("runs", runs);
    return log;
  }

  private static Map<String, Object> unreadableRun(Unreadable u, Report.CheckerInfo tool) {
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", tool.name());
    driver.put("version", tool.version());
    driver.put("informationUri", INFORMATION_URI);
    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("executionSuccessful", false);
    invocation.put("toolExecutionNotifications", List.of(SarifNotifications.unreadable(u)));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("artifacts", List.of(Map.of("location", Map.of("uri", u.name()))));
    run.put("invocations", List.of(invocation));
    run.put("results", List.of());
    return run;
  }

  private static Map<String, Object> run(Report r, RuleSet rules, boolean en) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<Object> ruleList = new ArrayList<>();
    List<Object> results = new ArrayList<>();
    String uri = r.document().name() == null ? "document" : r.document().name();
    List<String> fingerprints = ClauseFingerprint.of(r.findings());
    for (Finding f : r.findings()) {
      Integer ri = index.get(f.ruleId());
      if (ri == null) {
        ri = ruleList.size();
        index.put(f.ruleId(), ri);
        ruleList.add(rule(f, rules, en));
      }
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("ruleId", f.ruleId());
      res.put("ruleIndex", ri);
      res.put("level", switch (f.severity()) {
        case "violation" -> "error";
        case "risk" -> "warning";
        default -> "note";
      });
      res.put("message", Map.of("text", f.message()));
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", f.line());
      region.put("charOffset", f.start());
      region.put("charLength", f.end() - f.start());
      region.put("snippet", Map.of("text", f.quote()));
      Map<String, Object> physical = new LinkedHashMap<>();
      physical.put("artifactLocation", Map.of("uri", f.entry() == null ? uri : uri + "!/" + f.entry(), "index", 0));
      physical.put("region", region);
      List<Object> logical = new ArrayList<>();
      logical.add(Map.of("name", "page " + f.page(), "kind", "page"));
      if (f.section() != null && !f.section().isEmpty()) {
        logical.add(Map.of("fullyQualifiedName", f.section(), "kind", "section"));
      }
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("physicalLocation", physical);
      location.put("logicalLocations", logical);
      res.put("locations", List.of(location));
      res.put("partialFingerprints", Map.of(ClauseFingerprint.KEY, fingerprints.get(results.size())));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("category", f.category());
      props.put("severity", f.severity());
      props.put("page", f.page());
      props.put("source", f.source());
      props.put("sectionRole", f.sectionRole());
      props.put("suggestion", f.suggestion());
      props.put("legalBasis", basis(f.legalBasis()));
      if (!f.values().isEmpty()) {
        props.put("values", new java.util.TreeMap<>(f.values()));
      }
      res.put("properties", props);
      results.add(res);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", r.checker().name());
    driver.put("version", r.checker().version());
    driver.put("informationUri", INFORMATION_URI);
    driver.put("rules", ruleList);
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("location", Map.of("uri", uri));
    artifact.put("mimeType", r.document().mediaType());
    artifact.put("length", r.document().bytes());
    artifact.put("hashes", Map.of("sha-256", r.document().sha256()));
    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("executionSuccessful", true);
    invocation.put("toolExecutionNotifications", SarifNotifications.of(r.processingErrors(), uri));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("artifacts", List.of(artifact));
    run.put("invocations", List.of(invocation));
    run.put("results", results);
    Map<String, Object> props = new LinkedHashMap<>();
    if (r.regime() != null) {
      props.put("regime", r.regime().id());
      props.put("profile", r.regime().profile());
    }
    if (r.asOf() != null) {
      props.put("asOf", r.asOf().date());
    }
    run.put("properties", props);
    return run;
  }

  private static Map<String, Object> rule(Finding f, RuleSet rules, boolean en) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", f.ruleId());
    Rule rule = rules.get(f.ruleId()).orElse(null);
    if (rule != null) {
      d.put("name", rule.id());
      d.put("shortDescription", Map.of("text", rule.title().in(en)));
      d.put("fullDescription", Map.of("text", rule.message().in(en)));
      d.put("helpUri", "https://fairtender.io/v1/rules/" + rule.id() + "/doc");
      d.put("help", Map.of("text", rule.suggestion().in(en)));
    } else if (PolicyCatalogue.entries().containsKey(f.ruleId())) {
      PolicyCatalogue.Entry e = PolicyCatalogue.get(f.ruleId());
      d.put("shortDescription", Map.of("text", en ? e.en() : e.zh()));
      d.put("help", Map.of("text", e.fix()));
    } else {
      d.put("shortDescription", Map.of("text", f.title()));
    }
    d.put("defaultConfiguration", Map.of("level", "violation".equals(f.severity()) ? "error" : "warning"));
    d.put("properties", Map.of("category", f.category()));
    return d;
  }

  private static List<String> basis(List<LegalBasis> bases) {
    List<String> out = new ArrayList<>();
    for (LegalBasis b : bases) {
      out.add(b.document() + " " + b.article());
    }
    return out;
  }
}
