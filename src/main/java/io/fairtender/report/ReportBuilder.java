package io.fairtender.report;

import io.fairtender.analyse.Match;
import io.fairtender.analyse.Rule;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.Page;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns matches on normalised text into findings on the extracted text, through the offset map. */
public final class ReportBuilder {
  private static final int MAX_CONTEXT = 300;
  private final ExtractedText extracted;
  private final SegmentedText segmented;
  private final boolean english;
  private final CodePoints cp;
  private final List<Finding> findings = new ArrayList<>();
  private final List<ProcessingError> errors = new ArrayList<>();

  private final io.fairtender.analyse.Regime regime;
  private final io.fairtender.analyse.Profile profile;

  public ReportBuilder(ExtractedText extracted, SegmentedText segmented, boolean english,
      io.fairtender.analyse.Regime regime, io.fairtender.analyse.Profile profile) {
    this.regime = regime;
    this.profile = profile;
    this.extracted = extracted;
    this.segmented = segmented;
    this.english = english;
    this.cp = new CodePoints(extracted.text());
  }

  public int codePointLength() {
    return cp.length();
  }

  public void addMatches(List<Match> matches) {
    for (Match m : matches) {
      findings.add(toFinding(m));
    }
  }

  public void addError(ProcessingError e) {
    errors.add(e);
  }

  private Finding toFinding(Match m) {
    NormalisedText nt = segmented.text();
    String src = extracted.text();
    int s = nt.sourceStart(m.start());
    int e = nt.sourceEnd(m.end());
    Unit unit = unitAt(m.start());
    int cs = nt.sourceStart(unit.start());
    int ce = nt.sourceEnd(unit.end());
    String context = src.substring(cs, ce);
    if (context.length() > MAX_CONTEXT) {
      int from = Math.max(cs, Math.min(s - 100, ce - MAX_CONTEXT));
      context = src.substring(from, Math.min(ce, from + MAX_CONTEXT));
    }
    Page page = extracted.pageAt(s);
    Rule r = m.rule();
    return new Finding(r.id(), r.category().id(), profile.cap(r.severity()).id(), page.number(), page.entry(), lineOf(s), cp.of(s), cp.of(e),
        cp.of(s) - cp.of(page.start()), src.substring(s, e), context.strip(), displayPath(unit.section()),
        unit.role().id(), r.title().in(english), r.message().in(english), Bases.forRegime(r, regime),
        r.suggestion().in(english), m.values(), "rule", "/v1/rules/" + r.id() + "/doc");
  }

  private final java.util.Map<io.fairtender.analyse.policy.Facts.Evidence, int[]> evidenceSpans = new java.util.IdentityHashMap<>();

  /** Evidence for a normalised span: page, code point offsets and the extracted text. */
  public io.fairtender.analyse.policy.Facts.Evidence evidence(int normStart, int normEnd) {
    NormalisedText nt = segmented.text();
    int s = nt.sourceStart(normStart);
    int e = Math.max(s + 1, nt.sourceEnd(normEnd));
    e = Math.min(e, extracted.text().length());
    Page page = extracted.pageAt(s);
    io.fairtender.analyse.policy.Facts.Evidence ev = new io.fairtender.analyse.policy.Facts.Evidence(page.number(), cp.of(s), cp.of(e),
        extracted.text().substring(s, e));
    evidenceSpans.put(ev, new int[] {normStart, Math.max(normStart + 1, normEnd)});
    return ev;
  }

  private static final List<io.fairtender.analyse.LegalBasis> MODEL_BASIS = List.of(
      new io.fairtender.analyse.LegalBasis("《中华人民共和国中小企业促进法》", "第四十条第三款", "政府采购不得在企业股权结构、经营年限、经营规模和财务指标等方面对中小企业实行差别待遇或者歧视待遇"),
      new io.fairtender.analyse.LegalBasis("《中华人民共和国政府采购法实施条例》", "第二十条", "对供应商实行差别待遇或者歧视待遇的情形"));

  /**
   * The clause classifier's suggestions: qualification and scoring clauses that no rule flagged but the model rates
   * above its threshold, as {@code risk} findings marked {@code source: "model"}. Rule findings are never touched.
   */
  public void addModelFindings(io.fairtender.analyse.model.Models models, List<Match> ruleMatches,
      io.fairtender.analyse.Profile profile, io.fairtender.analyse.RuleSelection selection) {
    String text = segmented.text().text();
    List<Match> sorted = new ArrayList<>(ruleMatches);
    sorted.sort(Comparator.comparingInt(Match::start));
    int k = 0;
    for (Unit u : segmented.units()) {
      if (u.role() != io.fairtender.segment.SectionRole.QUALIFICATION && u.role() != io.fairtender.segment.SectionRole.SCORING
          || u.block() != io.fairtender.segment.BlockRole.NONE && u.block() != io.fairtender.segment.BlockRole.CONDITIONAL) {
        continue; // the model rates the document's own clauses, not templates, quoted text or accommodations
      }
      while (k < sorted.size() && sorted.get(k).end() <= u.start()) {
        k++;
      }
      if (k < sorted.size() && sorted.get(k).start() < u.end()) {
        continue; // a rule already speaks for this clause
      }
      if (io.fairtender.analyse.UnitFeature.DISCLAIMER.in(text.subSequence(u.start(), u.end()))
          || io.fairtender.analyse.UnitFeature.TEMPLATE.in(text.subSequence(u.start(), u.end()))) {
        continue;
      }
      io.fairtender.analyse.model.Models.Rating r = models.rate(text.subSequence(u.start(), u.end()));
      if (!r.flags(models.threshold())) {
        continue;
      }
      String cat = r.category();
      if (profile.excludeCategories().contains(cat) || selection.disableCategories().contains(cat)
          || (!selection.onlyCategories().isEmpty() && !selection.onlyCategories().contains(cat)) || !selection.onlyRules().isEmpty()) {
        continue;
      }
      NormalisedText nt = segmented.text();
      int s = nt.sourceStart(u.start());
      int e = nt.sourceEnd(u.end());
      Page page = extracted.pageAt(s);
      String name = io.fairtender.analyse.Category.fromId(cat).nameZh();
      java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
      values.put("modelCategory", cat);
      values.put("score", Math.round(r.score() * 1000) / 1000.0);
      String msg = english
          ? String.format(java.util.Locale.ROOT, "Model suggestion for review: this clause may discriminate by %s (score %.2f); no rule matched it.", cat, r.score())
          : String.format(java.util.Locale.ROOT, "统计模型提示（需人工复核）：该条款可能涉及“%s”方面的差别待遇（得分%.2f），规则未能识别。", name, r.score());
      findings.add(new Finding("MODEL-CLAUSE", cat, "risk", page.number(), page.entry(), lineOf(s), cp.of(s), cp.of(e), cp.of(s) - cp.of(page.start()),
          extracted.text().substring(s, e), extracted.text().substring(s, e).strip(), displayPath(u.section()), u.role().id(),
          english ? "Clause the model rates as discriminatory" : "模型识别的疑似歧视性条款", msg, MODEL_BASIS,
          english ? "Check the clause against the rule catalogue; remove the condition if it restricts suppliers without need."
              : "请对照规则目录人工判断；如该条件无必要地限制供应商，予以删除或改写。", values, "model", null));
    }
  }

  /** How to fix a failed policy check, in the report's language (the catalogue's Chinese text is the fallback). */
  private String fix(io.fairtender.analyse.policy.PolicyCatalogue.Entry e) {
    return io.fairtender.i18n.Messages.of(english).getOr("policy.fix." + e.id(), e.fix());
  }

  /** Failed policy checks become findings, placed on their first evidence (else on the document's first clause). */
  public void addPolicy(io.fairtender.analyse.policy.PolicyResult policy, io.fairtender.analyse.Profile profile,
      io.fairtender.analyse.RuleSelection selection) {
    for (io.fairtender.analyse.policy.PolicyCheck c : policy.checks()) {
      if (!c.status().equals(io.fairtender.analyse.policy.PolicyCheck.FAIL)) {
        continue;
      }
      io.fairtender.analyse.policy.PolicyCatalogue.Entry e = io.fairtender.analyse.policy.PolicyCatalogue.get(c.ruleId());
      String cat = e.category().id();
      if (profile.excludeCategories().contains(cat) || profile.excludeRules().contains(c.ruleId())
          || (!selection.onlyRules().isEmpty() && !selection.onlyRules().contains(c.ruleId())) || selection.disableRules().contains(c.ruleId())
          || (!selection.onlyCategories().isEmpty() && !selection.onlyCategories().contains(cat)) || selection.disableCategories().contains(cat)) {
        continue;
      }
      boolean absence = io.fairtender.analyse.policy.AbsenceAnchor.ABSENCES.contains(c.ruleId());
      io.fairtender.analyse.policy.AbsenceAnchor.Anchor anchor = absence
          ? io.fairtender.analyse.policy.AbsenceAnchor.of(c.ruleId(), segmented) : null;
      int[] span = absence ? (anchor == null ? null : new int[] {anchor.start(), anchor.end()})
          : c.evidence().isEmpty() ? null : evidenceSpans.get(c.evidence().get(0));
      boolean nowhere = absence && anchor == null; // no section is the place: the document start, quoting nothing
      if (span == null) {
        if (segmented.units().isEmpty()) {
          continue;
        }
        Unit first = segmented.units().get(0);
        span = nowhere ? new int[] {0, 0} : new int[] {first.start(), first.end()};
      }
      NormalisedText nt = segmented.text();
      String src = extracted.text();
      int s = nt.sourceStart(span[0]);
      int en = nowhere ? s : Math.max(s + 1, nt.sourceEnd(span[1]));
      Unit unit = unitAt(span[0]);
      io.fairtender.segment.Section section = anchor != null ? anchor.section() : unit.section();
      String context = nowhere ? "" : anchor != null && anchor.heading() ? src.substring(s, en).strip()
          : src.substring(nt.sourceStart(unit.start()), nt.sourceEnd(unit.end())).strip();
      io.fairtender.segment.SectionRole role = anchor != null ? anchor.section().role() : unit.role();
      Page page = extracted.pageAt(s);
      java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
      if (c.expected() != null) {
        values.put("expected", c.expected());
      }
      if (c.found() != null) {
        values.put("found", c.found());
      }
      findings.add(new Finding(c.ruleId(), cat, profile.cap(e.severity()).id(), page.number(), page.entry(), lineOf(s), cp.of(s), cp.of(en),
          cp.of(s) - cp.of(page.start()), src.substring(s, en), context,
          displayPath(section), role.id(), english ? e.en() : e.zh(), c.message(), c.legalBasis(), fix(e), values,
          "policy", null));
    }
  }

  private int[] lineStarts;

  /** The 1-based line of a UTF-16 index of the extracted text. */
  private int lineOf(int pos) {
    if (lineStarts == null) {
      String t = extracted.text();
      int n = 1;
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) == '\n') {
          n++;
        }
      }
      lineStarts = new int[n];
      int k = 1;
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) == '\n') {
          lineStarts[k++] = i + 1;
        }
      }
    }
    int i = java.util.Arrays.binarySearch(lineStarts, pos);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** The section path as the document wrote its headings (not normalised). */
  private String displayPath(io.fairtender.segment.Section section) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    NormalisedText nt = segmented.text();
    for (io.fairtender.segment.Section s = section; s != null && s.parent() != null; s = s.parent()) {
      String heading = extracted.text().substring(nt.sourceStart(s.start()), nt.sourceEnd(s.end()));
      parts.addFirst(heading.replaceAll("\\s+", " ").strip());
    }
    return String.join(" > ", parts);
  }

  private Unit unitAt(int pos) {
    List<Unit> units = segmented.units();
    int lo = 0;
    int hi = units.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (units.get(mid).start() <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return units.get(lo);
  }

  public Report build(Report.CheckerInfo checker, DocumentInfo doc, Report.AsOf asOf, Report.RegimeInfo regimeInfo,
      io.fairtender.analyse.policy.Facts facts, io.fairtender.analyse.policy.PolicyResult policy, String text) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId).thenComparingInt(Finding::end));
    List<ProcessingError> errs = new ArrayList<>(errors);
    errs.sort(Comparator.comparing((ProcessingError p) -> p.page() == null ? 0 : p.page())
        .thenComparing(ProcessingError::code).thenComparing(p -> p.ruleId() == null ? "" : p.ruleId()));
    return new Report(Report.FORMAT_VERSION, checker, doc, asOf, regimeInfo, facts, policy, sorted, errs, text);
  }
}
