package io.fairtender.report;

import io.fairtender.analyse.Category;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.policy.PolicyCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as one self-contained HTML page (no external assets): readable on a phone and printable. */
public final class ReportHtml {
  private static final String CSS = "*{box-sizing:border-box}body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;"
      + "margin:0;padding:16px;max-width:960px;margin:auto;line-height:1.6;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;"
      + "border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:1.6em}.summary{display:flex;flex-wrap:wrap;gap:8px}"
      + ".card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}.num{font-size:1.6em;font-weight:bold}"
      + ".f{border:1px solid #e3e3e3;border-left:6px solid #999;border-radius:4px;padding:10px 12px;margin:10px 0;break-inside:avoid}"
      + ".violation{border-left-color:#c62828}.risk{border-left-color:#ef6c00}.info{border-left-color:#1565c0}"
      + ".badge{display:inline-block;font-size:.8em;padding:1px 6px;border-radius:3px;color:#fff;margin-right:6px}"
      + ".b-violation{background:#c62828}.b-risk{background:#ef6c00}.b-info{background:#1565c0}"
      + ".ctx{background:#fafafa;padding:6px 8px;border-radius:4px;margin:6px 0}mark{background:#ffe082;padding:0 2px}"
      + ".meta{color:#666;font-size:.9em}table{border-collapse:collapse;width:100%;font-size:.92em}td,th{border:1px solid #ddd;padding:4px 6px;"
      + "vertical-align:top;text-align:left}.fail{color:#c62828;font-weight:bold}.review{color:#ef6c00}.pass{color:#2e7d32}"
      + "@media (max-width:600px){body{padding:8px}td,th{display:block;width:100%}}@media print{body{max-width:none}.f{page-break-inside:avoid}}";

  private ReportHtml() {}

  public static String render(Report r, boolean en) {
    StringBuilder h = new StringBuilder(16_384);
    String name = r.document().name() == null ? "-" : r.document().name();
    h.append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
        .append(esc(t(en, "中小企业公平竞争审查报告", "SME fair-treatment report"))).append(" - ").append(esc(name))
        .append("</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>").append(esc(t(en, "中小企业公平竞争审查报告", "SME fair-treatment report"))).append("</h1>\n");
    h.append("<p class=\"meta\">").append(esc(name)).append(" · ").append(r.document().pages()).append(t(en, " 页", " pages"));
    if (r.regime() != null) {
      h.append(" · ").append(esc(r.regime().name()));
    }
    if (r.asOf() != null) {
      h.append(" · ").append(t(en, "适用规则日期 ", "rules as of ")).append(esc(r.asOf().date()));
    }
    h.append(" · ").append(esc(r.checker().name())).append(' ').append(esc(r.checker().version())).append("</p>\n");
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    bySeverity.put("violation", 0);
    bySeverity.put("risk", 0);
    bySeverity.put("info", 0);
    Map<String, List<Finding>> byCategory = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
      byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f);
    }
    h.append("<div class=\"summary\">");
    card(h, t(en, "违法", "Violations"), bySeverity.get("violation"));
    card(h, t(en, "风险", "Risks"), bySeverity.get("risk"));
    card(h, t(en, "提示", "Notes"), bySeverity.get("info"));
    if (r.policy() != null) {
      long fails = r.policy().checks().stream().filter(c -> c.status().equals(PolicyCheck.FAIL)).count();
      card(h, t(en, "政策检查未通过", "Policy checks failed"), (int) fails);
    }
    h.append("</div>\n");
    if (r.findings().isEmpty()) {
      h.append("<p>").append(t(en, "未发现对中小企业的差别待遇或歧视待遇条款。", "No clause discriminating against SMEs was found.")).append("</p>\n");
    }
    for (Map.Entry<String, List<Finding>> e : byCategory.entrySet()) {
      h.append("<h2>").append(esc(categoryName(e.getKey(), en))).append("（").append(e.getValue().size()).append("）</h2>\n");
      for (Finding f : e.getValue()) {
        finding(h, f, en);
      }
    }
    if (r.policy() != null) {
      h.append("<h2>").append(t(en, "中小企业政策落实情况", "SME policy")).append("</h2>\n<p class=\"meta\">")
          .append(t(en, "适用日期 ", "As of ")).append(esc(r.policy().regime().date())).append("</p>\n<table><tr><th>")
          .append(t(en, "检查", "Check")).append("</th><th>").append(t(en, "结论", "Status")).append("</th><th>")
          .append(t(en, "要求", "Expected")).append("</th><th>").append(t(en, "文件所载", "Found")).append("</th><th>")
          .append(t(en, "说明", "Note")).append("</th></tr>\n");
      for (PolicyCheck c : r.policy().checks()) {
        if (c.status().equals(PolicyCheck.NA)) {
          continue;
        }
        h.append("<tr><td>").append(esc(c.ruleId())).append("</td><td class=\"").append(esc(c.status())).append("\">")
            .append(esc(statusName(c.status(), en))).append("</td><td>").append(esc(nz(c.expected()))).append("</td><td>")
            .append(esc(nz(c.found()))).append("</td><td>").append(esc(nz(c.message()))).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    if (!r.processingErrors().isEmpty()) {
      h.append("<h2>").append(t(en, "未能检查的部分", "Parts not checked")).append("</h2>\n<ul>\n");
      for (ProcessingError pe : r.processingErrors()) {
        h.append("<li>").append(pe.page() == null ? "" : t(en, "第" + pe.page() + "页：", "page " + pe.page() + ": "))
            .append(esc(pe.message())).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<p class=\"meta\">").append(t(en, "本报告由程序生成，“风险”项及模型提示需人工复核。",
        "Generated automatically; risks and model suggestions need a person's review.")).append("</p>\n</body></html>\n");
    return h.toString();
  }

  private static void finding(StringBuilder h, Finding f, boolean en) {
    h.append("<div class=\"f ").append(esc(f.severity())).append("\"><div><span class=\"badge b-").append(esc(f.severity()))
        .append("\">").append(esc(severityName(f.severity(), en))).append("</span><strong>").append(esc(f.title()))
        .append("</strong></div>\n<div class=\"meta\">").append(esc(f.ruleId())).append(" · ")
        .append(t(en, "第" + f.page() + "页", "page " + f.page()));
    if (f.entry() != null) {
      h.append(" · ").append(esc(f.entry()));
    }
    if (f.section() != null && !f.section().isEmpty()) {
      h.append(" · ").append(esc(f.section()));
    }
    h.append("</div>\n<div class=\"ctx\">").append(highlight(f.context(), f.quote())).append("</div>\n<p>")
        .append(esc(f.message())).append("</p>\n");
    if (!f.legalBasis().isEmpty()) {
      h.append("<div class=\"meta\">").append(t(en, "依据：", "Basis: "));
      List<String> bases = new ArrayList<>();
      for (LegalBasis b : f.legalBasis()) {
        bases.add(esc(b.document() + b.article()));
      }
      h.append(String.join("；", bases)).append("</div>\n");
    }
    h.append("<p><strong>").append(t(en, "修改建议：", "Suggested rewrite: ")).append("</strong>").append(esc(f.suggestion()))
        .append("</p></div>\n");
  }

  private static String highlight(String context, String quote) {
    String c = context == null ? "" : context;
    String q = quote == null ? "" : quote.strip();
    int i = q.isEmpty() ? -1 : c.indexOf(q);
    if (i < 0) {
      return esc(c) + (q.isEmpty() || c.contains(q) ? "" : " <mark>" + esc(q) + "</mark>");
    }
    return esc(c.substring(0, i)) + "<mark>" + esc(q) + "</mark>" + esc(c.substring(i + q.length()));
  }

  private static void card(StringBuilder h, String label, int n) {
    h.append("<div class=\"card\"><div class=\"num\">").append(n).append("</div><div>").append(esc(label)).append("</div></div>");
  }

  private static String categoryName(String id, boolean en) {
    try {
      Category c = Category.fromId(id);
      return en ? c.id() : c.nameZh();
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  private static String severityName(String s, boolean en) {
    return switch (s) {
      case "violation" -> en ? "violation" : "违法";
      case "risk" -> en ? "risk" : "风险";
      default -> en ? "note" : "提示";
    };
  }

  private static String statusName(String s, boolean en) {
    return switch (s) {
      case PolicyCheck.PASS -> en ? "pass" : "符合";
      case PolicyCheck.FAIL -> en ? "fail" : "不符合";
      case PolicyCheck.REVIEW -> en ? "review" : "需复核";
      default -> s;
    };
  }

  private static String t(boolean en, String zh, String english) {
    return en ? english : zh;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String esc(String s) {
    return RuleDoc.esc(s == null ? "" : s);
  }
}
