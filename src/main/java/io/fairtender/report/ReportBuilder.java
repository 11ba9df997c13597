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
    return new Finding(r.id(), r.category().id(), profile.cap(r.severity()).id(), page.number(), cp.of(s), cp.of(e),
        cp.of(s) - cp.of(page.start()), src.substring(s, e), context.strip(), displayPath(unit.section()),
        unit.role().id(), r.title().in(english), r.message().in(english), Bases.forRegime(r, regime),
        r.suggestion().in(english), m.values(), "rule", "/v1/rules/" + r.id() + "/doc");
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
      String text) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId).thenComparingInt(Finding::end));
    List<ProcessingError> errs = new ArrayList<>(errors);
    errs.sort(Comparator.comparing((ProcessingError p) -> p.page() == null ? 0 : p.page())
        .thenComparing(ProcessingError::code).thenComparing(p -> p.ruleId() == null ? "" : p.ruleId()));
    return new Report(Report.FORMAT_VERSION, checker, doc, asOf, regimeInfo, sorted, errs, text);
  }
}
