package io.fairtender.report.view;

import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Rule;
import io.fairtender.analyse.RuleSet;
import io.fairtender.analyse.policy.PolicyCatalogue;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.i18n.Messages;
import io.fairtender.i18n.Phrase;
import io.fairtender.report.Finding;
import io.fairtender.report.ProcessingError;
import io.fairtender.report.Report;
import io.fairtender.report.view.FindingGroup.Mark;
import io.fairtender.report.view.FindingGroup.Piece;
import io.fairtender.report.view.FindingGroup.Place;
import io.fairtender.report.view.ReportView.Count;
import io.fairtender.report.view.ReportView.Option;
import io.fairtender.report.view.ReportView.PolicyRow;
import io.fairtender.report.view.ReportView.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ReportView} of a report in one language. Rule texts come from the rule catalogue when it is given,
 * so a report checked in Chinese can be shown in English; policy names and values come from the message bundles.
 */
public final class ReportViews {
  private static final List<String> SEVERITIES = List.of("violation", "risk", "info");
  private static final List<String> MARK_STATES = List.of("fixed", "accepted", "false-alarm");

  private ReportViews() {}

  /**
   * The view of {@code r}.
   *
   * @param rules the rule catalogue, or null to show the findings' own texts
   * @param marks an officer's marks by finding id (state fixed, accepted or false-alarm, and a reason); may be empty
   */
  public static ReportView build(Report r, RuleSet rules, Messages m, Map<String, RawMark> marks) {
    return build(r, rules, m, marks, "");
  }

  /** As above, with rule-page links made absolute by {@code linkBase} (e.g. {@code http://host:8080}) for exported files. */
  public static ReportView build(Report r, RuleSet rules, Messages m, Map<String, RawMark> marks, String linkBase) {
    List<FindingGroup> groups = groups(r, rules, m, marks, linkBase == null ? "" : linkBase);
    List<PolicyRow> policy = policy(r, m);
    int violations = count(groups, "violation");
    int risks = count(groups, "risk");
    int notes = count(groups, "info");
    int policyFails = (int) policy.stream().filter(p -> p.status().equals(PolicyCheck.FAIL)).count();
    String docName = r.document().name() == null ? "-" : r.document().name();
    return new ReportView(m.lang(), m.get("report.title"), meta(r, m, docName), r.document().sha256(),
        verdict(m, violations, risks, notes, policyFails), groups, categories(groups, m), severities(groups, m), policy,
        r.policy() == null ? null : m.get("policy.asOf", r.policy().regime().date()),
        r.document().ocrPages() == null ? List.of() : List.copyOf(r.document().ocrPages()), notChecked(r, m));
  }

  /** A mark as the page sends it. */
  public record RawMark(String state, String reason) {}

  /** The finding id marks are keyed by: rule id and start offset. */
  public static String findingId(Finding f) {
    return f.ruleId() + "@" + f.start();
  }

  private static String meta(Report r, Messages m, String docName) {
    List<String> parts = new ArrayList<>();
    parts.add(docName);
    parts.add(m.get("report.pages", r.document().pages()));
    if (r.regime() != null) {
      parts.add(m.getOr("regime." + r.regime().id(), r.regime().name()));
    }
    if (r.asOf() != null) {
      parts.add(m.get("report.asOf", r.asOf().date()));
    }
    parts.add(r.checker().name() + " " + r.checker().version());
    return String.join(" · ", parts);
  }

  static Verdict verdict(Messages m, int violations, int risks, int notes, int policyFails) {
    List<Count> counts = List.of(new Count("violation", m.get("count.violation"), violations),
        new Count("risk", m.get("count.risk"), risks), new Count("info", m.get("count.info"), notes),
        new Count("policy-fail", m.get("count.policyFail"), policyFails));
    if (violations > 0 || policyFails > 0) {
      List<String> parts = new ArrayList<>();
      if (violations > 0) {
        parts.add(m.get("verdict.part.violations", violations));
      }
      if (policyFails > 0) {
        parts.add(m.get("verdict.part.policyFails", policyFails));
      }
      String text = m.get("verdict.bad", String.join(m.get("verdict.and"), parts))
          + (risks > 0 ? m.get("verdict.alsoRisks", risks) : "") + m.get("verdict.end");
      return new Verdict(false, "bad", text, counts);
    }
    if (risks > 0) {
      return new Verdict(true, "warn", m.get("verdict.warn", risks), counts);
    }
    return new Verdict(true, "ok", m.get("verdict.ok"), counts);
  }

  private static List<FindingGroup> groups(Report r, RuleSet rules, Messages m, Map<String, RawMark> marks, String linkBase) {
    Map<String, List<Finding>> byClause = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      String key = f.ruleId() + "\u0000" + f.entry() + "\u0000" + f.context();
      byClause.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Integer> ocr = r.document().ocrPages() == null ? List.of() : r.document().ocrPages();
    Map<String, PolicyCheck> checks = new LinkedHashMap<>();
    if (r.policy() != null) {
      r.policy().checks().forEach(c -> checks.put(c.ruleId(), c));
    }
    List<FindingGroup> out = new ArrayList<>();
    for (List<Finding> fs : byClause.values()) {
      Finding f = fs.get(0);
      Rule rule = rules == null || !"rule".equals(f.source()) ? null : rules.get(f.ruleId()).orElse(null);
      boolean en = m.english();
      String title;
      String why;
      String suggestion;
      if (rule != null) {
        title = rule.title().in(en);
        why = rule.message().in(en);
        suggestion = rule.suggestion().in(en);
      } else if ("policy".equals(f.source()) && m.has("policy.check." + f.ruleId())) {
        title = m.get("policy.check." + f.ruleId());
        PolicyCheck c = checks.get(f.ruleId());
        why = c == null ? f.message() : policyNote(c, m, true);
        suggestion = m.getOr("policy.fix." + f.ruleId(), f.suggestion());
      } else if ("model".equals(f.source())) {
        title = m.get("model.title");
        why = f.message();
        suggestion = m.get("model.suggestion");
      } else {
        title = f.title();
        why = f.message();
        suggestion = f.suggestion();
      }
      List<Place> places = new ArrayList<>();
      for (Finding x : fs) {
        places.add(new Place(findingId(x), x.page(), x.start(), x.end(), x.quote()));
      }
      String id = findingId(f);
      RawMark raw = marks == null ? null : marks.get(id);
      Mark mark = raw == null || !MARK_STATES.contains(raw.state()) ? null
          : new Mark(raw.state(), m.get("mark." + raw.state()), raw.reason() == null ? "" : raw.reason());
      out.add(new FindingGroup(id, f.ruleId(), f.category(), m.getOr("category." + f.category(), f.category()),
          f.severity(), m.getOr("severity." + f.severity(), f.severity()), title, where(f, fs.size(), m, paragraphs(r)),
          pieces(f.context(), fs), why, basis(f.legalBasis()), suggestion, f.doc() == null ? null : linkBase + f.doc(), places, ocr.contains(f.page()), mark));
    }
    return out;
  }

  /** Word and other flowing text: a line of the extracted text is a paragraph (PDF lines are layout lines). */
  private static boolean paragraphs(Report r) {
    String type = r.document().mediaType();
    return type != null && !type.equals("application/pdf") && !type.equals("application/ofd");
  }

  private static String where(Finding f, int places, Messages m, boolean paragraphs) {
    List<String> parts = new ArrayList<>();
    parts.add(m.get("where.page", f.page()));
    if (paragraphs && f.entry() == null && f.line() > 0) {
      parts.add(m.get("where.paragraph", f.line()));
    }
    if (f.entry() != null) {
      parts.add(f.entry());
    }
    if (f.section() != null && !f.section().isBlank()) {
      parts.add(f.section());
    }
    if (places > 1) {
      parts.add(m.get("where.places", places));
    }
    return String.join(" · ", parts);
  }

  /** The clause cut at each finding's quote, in order; quotes not found in the clause are appended as hits. */
  static List<Piece> pieces(String context, List<Finding> fs) {
    String c = context == null ? "" : context;
    List<Piece> out = new ArrayList<>();
    int at = 0;
    List<String> unplaced = new ArrayList<>();
    for (Finding f : fs) {
      String q = f.quote() == null ? "" : f.quote().strip();
      if (q.isEmpty()) {
        continue;
      }
      int i = c.indexOf(q, at);
      if (i < 0) {
        if (!c.contains(q)) {
          unplaced.add(q);
        }
        continue;
      }
      if (i > at) {
        out.add(new Piece(c.substring(at, i), false));
      }
      out.add(new Piece(q, true));
      at = i + q.length();
    }
    if (at < c.length()) {
      out.add(new Piece(c.substring(at), false));
    }
    for (String q : unplaced) {
      out.add(new Piece(" ", false));
      out.add(new Piece(q, true));
    }
    return out;
  }

  private static List<String> basis(List<LegalBasis> bases) {
    List<String> out = new ArrayList<>();
    for (LegalBasis b : bases) {
      out.add(b.document() + (b.article() == null ? "" : b.article()));
    }
    return out;
  }

  private static int count(List<FindingGroup> groups, String severity) {
    return (int) groups.stream().filter(g -> g.severity().equals(severity)).count();
  }

  private static List<Option> categories(List<FindingGroup> groups, Messages m) {
    Map<String, Integer> n = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (FindingGroup g : groups) {
      n.merge(g.category(), 1, Integer::sum);
      names.put(g.category(), g.categoryName());
    }
    return n.entrySet().stream().map(e -> new Option(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
  }

  private static List<Option> severities(List<FindingGroup> groups, Messages m) {
    List<Option> out = new ArrayList<>();
    for (String s : SEVERITIES) {
      int n = count(groups, s);
      if (n > 0) {
        out.add(new Option(s, m.get("severity." + s), n));
      }
    }
    return out;
  }

  private static List<PolicyRow> policy(Report r, Messages m) {
    if (r.policy() == null) {
      return List.of();
    }
    List<PolicyRow> rows = new ArrayList<>();
    for (PolicyCheck c : r.policy().checks()) {
      if (c.status().equals(PolicyCheck.NA)) {
        continue;
      }
      rows.add(new PolicyRow(c.ruleId(), m.getOr("policy.check." + c.ruleId(), c.ruleId()), c.status(),
          m.get("policy.status." + c.status()), text(m, c.expectedPhrase()), text(m, c.foundPhrase()), policyNote(c, m, false)));
    }
    return rows;
  }

  /** What a check verifies (with {@code withName}) and its notes, in {@code m}'s language. */
  private static String policyNote(PolicyCheck c, Messages m, boolean withName) {
    List<String> parts = new ArrayList<>();
    if (withName) {
      PolicyCatalogue.Entry e = PolicyCatalogue.entries().get(c.ruleId());
      if (e != null) {
        parts.add(m.english() ? e.en() : e.zh());
      }
    }
    for (Phrase p : c.notes()) {
      parts.add(m.render(p));
    }
    return String.join(m.get("policy.note.join"), parts);
  }

  private static String text(Messages m, Phrase p) {
    return p == null ? m.get("policy.v.dash") : m.render(p);
  }

  private static List<String> notChecked(Report r, Messages m) {
    List<String> out = new ArrayList<>();
    for (ProcessingError pe : r.processingErrors()) {
      out.add((pe.page() == null ? "" : m.get("where.page", pe.page()) + m.get("colon")) + pe.message());
    }
    return out;
  }
}
