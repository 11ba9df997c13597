package io.fairtender.report;

import io.fairtender.analyse.RuleSet;
import io.fairtender.i18n.Messages;
import io.fairtender.report.view.ReportView;
import io.fairtender.report.view.ReportViews;
import java.util.Map;

/**
 * The report as one self-contained HTML page (no external assets; readable on a phone and printable), and the same
 * report body as a fragment for the workbench page, both from the templates {@code report.jte} and
 * {@code reportBody.jte}.
 */
public final class ReportHtml {
  private ReportHtml() {}

  /** The whole page, with the findings' own texts. */
  public static String render(Report r, boolean en) {
    return render(r, null, en, Map.of());
  }

  /**
   * The whole page in the language {@code en} asks for, rule texts from {@code rules} (null: the findings' own), with an
   * officer's marks.
   */
  public static String render(Report r, RuleSet rules, boolean en, Map<String, ReportViews.RawMark> marks) {
    return render(r, rules, en, marks, "");
  }

  /** As above, with the rule-page links made absolute by {@code linkBase} (a file saved from the server keeps them). */
  public static String render(Report r, RuleSet rules, boolean en, Map<String, ReportViews.RawMark> marks, String linkBase) {
    Messages m = Messages.of(en);
    ReportView v = ReportViews.build(r, rules, m, marks, linkBase);
    return Templates.render("report.jte", Map.of("v", v, "m", m, "css", Templates.asset("report.css"), "script",
        Templates.asset("report.js")));
  }

  /** The report body alone, for the workbench page. */
  public static String fragment(Report r, RuleSet rules, boolean en, Map<String, ReportViews.RawMark> marks) {
    Messages m = Messages.of(en);
    return Templates.render("reportBody.jte", Map.of("v", ReportViews.build(r, rules, m, marks), "m", m));
  }
}
