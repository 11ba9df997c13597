package io.fairtender.scan;

import io.fairtender.analyse.Category;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scan dashboard ({@code summary.html}): one self-contained page an auditor can read and print, with totals,
 * findings by category, rule, buyer and year as bar charts drawn in SVG (no script, no internet), the worst documents
 * and every document linked to its own HTML report.
 */
final class Dashboard {
  private static final int TABLE_ROWS = 5000;

  private Dashboard() {}

  static String render(List<DocumentSummary> docs, boolean en) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(en ? "FairTender scan summary" : "FairTender 批量检查汇总").append("</title><style>")
        .append("body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Zen Hei',sans-serif;margin:1.5rem;color:#222}")
        .append("h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%}")
        .append("td,th{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;font-size:.85rem}th{background:#f3f3f3}")
        .append(".totals{display:flex;flex-wrap:wrap;gap:1rem}.totals div{border:1px solid #ccc;padding:.5rem 1rem}")
        .append(".totals b{display:block;font-size:1.4rem}.charts{display:flex;flex-wrap:wrap;gap:2rem}")
        .append("svg text{font-size:12px}@media print{a{color:inherit;text-decoration:none}}</style></head><body>");
    h.append("<h1>").append(en ? "FairTender scan summary" : "FairTender 批量检查汇总").append("</h1>");
    totals(h, docs, en);
    h.append("<div class=\"charts\">");
    chart(h, en ? "Findings by category" : "按类别统计问题", byCategory(docs, en));
    chart(h, en ? "Violations and risks by rule (top 15)" : "按规则统计违规与风险（前15）", top(byRule(docs), 15));
    chart(h, en ? "Documents with findings, by year" : "按年份统计存在问题的文件", tally(docs, DocumentSummary::year, d -> 1, en));
    chart(h, en ? "Findings by buyer (top 15)" : "按采购人统计问题（前15）", top(tally(docs, DocumentSummary::buyer, d -> d.violations() + d.risks(), en), 15));
    h.append("</div>");
    worst(h, docs, en);
    all(h, docs, en);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void totals(StringBuilder h, List<DocumentSummary> docs, boolean en) {
    long failed = docs.stream().filter(DocumentSummary::failed).count();
    long withFindings = docs.stream().filter(d -> d.violations() + d.risks() > 0).count();
    int v = docs.stream().mapToInt(DocumentSummary::violations).sum();
    int r = docs.stream().mapToInt(DocumentSummary::risks).sum();
    int pages = docs.stream().mapToInt(DocumentSummary::pages).sum();
    h.append("<div class=\"totals\">");
    box(h, en ? "documents" : "文件数", docs.size());
    box(h, en ? "pages" : "页数", pages);
    box(h, en ? "with violations or risks" : "存在违规或风险的文件", withFindings);
    box(h, en ? "violations" : "违规", v);
    box(h, en ? "risks" : "风险", r);
    box(h, en ? "could not be checked" : "无法检查的文件", failed);
    h.append("</div>");
  }

  private static void box(StringBuilder h, String label, long n) {
    h.append("<div><b>").append(n).append("</b>").append(esc(label)).append("</div>");
  }

  private static Map<String, Integer> byCategory(List<DocumentSummary> docs, boolean en) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      int n = docs.stream().mapToInt(d -> d.byCategory().getOrDefault(c.id(), 0)).sum();
      if (n > 0) {
        out.put(en ? c.id() : c.nameZh(), n);
      }
    }
    return out;
  }

  private static Map<String, Integer> byRule(List<DocumentSummary> docs) {
    Map<String, Integer> out = new TreeMap<>();
    for (DocumentSummary d : docs) {
      d.byRule().forEach((rule, n) -> out.merge(rule, n, Integer::sum));
    }
    return out;
  }

  /** Documents with findings grouped by {@code key}, each adding {@code weight}. */
  private static Map<String, Integer> tally(List<DocumentSummary> docs, java.util.function.Function<DocumentSummary, String> key,
      java.util.function.ToIntFunction<DocumentSummary> weight, boolean en) {
    Map<String, Integer> out = new TreeMap<>();
    for (DocumentSummary d : docs) {
      if (d.violations() + d.risks() > 0) {
        out.merge(label(key.apply(d), en), weight.applyAsInt(d), Integer::sum);
      }
    }
    return out;
  }

  private static String label(String s, boolean en) {
    return s == null || s.isBlank() ? (en ? "(not stated)" : "（未载明）") : s;
  }

  private static Map<String, Integer> top(Map<String, Integer> m, int n) {
    return m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** A horizontal bar chart in SVG. */
  private static void chart(StringBuilder h, String title, Map<String, Integer> data) {
    h.append("<figure><figcaption><b>").append(esc(title)).append("</b></figcaption>");
    if (data.isEmpty()) {
      h.append("<p>—</p></figure>");
      return;
    }
    int max = data.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    int rowH = 22;
    int width = 460;
    h.append("<svg role=\"img\" width=\"").append(width).append("\" height=\"").append(data.size() * rowH + 4)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(data.size() * rowH + 4).append("\">");
    int y = 0;
    for (Map.Entry<String, Integer> e : data.entrySet()) {
      int bar = (int) Math.round(220.0 * e.getValue() / max);
      h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(shorten(e.getKey()))).append("</text>")
          .append("<rect x=\"170\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(bar, 1))
          .append("\" height=\"16\" fill=\"#c0392b\"><title>").append(esc(e.getKey())).append(": ").append(e.getValue())
          .append("</title></rect><text x=\"").append(176 + bar).append("\" y=\"").append(y + 15).append("\">")
          .append(e.getValue()).append("</text>");
      y += rowH;
    }
    h.append("</svg></figure>");
  }

  private static String shorten(String s) {
    return s.length() > 12 ? s.substring(0, 11) + "…" : s;
  }

  private static void worst(StringBuilder h, List<DocumentSummary> docs, boolean en) {
    List<DocumentSummary> worst = docs.stream().filter(d -> d.violations() + d.risks() > 0)
        .sorted(Comparator.comparingInt(DocumentSummary::violations).thenComparingInt(DocumentSummary::risks).reversed())
        .limit(20).toList();
    h.append("<h2>").append(en ? "Documents with the most violations" : "违规最多的文件").append("</h2>");
    table(h, worst, en);
  }

  private static void all(StringBuilder h, List<DocumentSummary> docs, boolean en) {
    h.append("<h2>").append(en ? "All documents" : "全部文件").append("</h2>");
    table(h, docs.subList(0, Math.min(docs.size(), TABLE_ROWS)), en);
    if (docs.size() > TABLE_ROWS) {
      h.append("<p>").append(en ? "The first " + TABLE_ROWS + " documents; summary.csv lists all."
          : "仅列出前" + TABLE_ROWS + "个文件，完整列表见 summary.csv。").append("</p>");
    }
  }

  private static void table(StringBuilder h, List<DocumentSummary> docs, boolean en) {
    h.append("<table><thead><tr><th>").append(en ? "document" : "文件").append("</th><th>")
        .append(en ? "buyer" : "采购人").append("</th><th>").append(en ? "date" : "日期").append("</th><th>")
        .append(en ? "violations" : "违规").append("</th><th>").append(en ? "risks" : "风险").append("</th><th>")
        .append(en ? "failed policy checks" : "未通过的政策检查").append("</th><th>").append(en ? "error" : "错误")
        .append("</th></tr></thead><tbody>");
    for (DocumentSummary d : docs) {
      h.append("<tr><td>");
      if (d.failed()) {
        h.append(esc(d.path()));
      } else {
        h.append("<a href=\"").append(esc(href(ReportFiles.relative(d.path(), ".html")))).append("\">").append(esc(d.path()))
            .append("</a>");
      }
      h.append("</td><td>").append(esc(label(d.buyer(), en))).append("</td><td>").append(esc(d.date() == null ? "" : d.date()))
          .append("</td><td>").append(d.violations()).append("</td><td>").append(d.risks()).append("</td><td>")
          .append(esc(String.join(" ", d.failedChecks()))).append("</td><td>")
          .append(esc(d.errorCode() == null ? "" : d.errorCode() + " " + (d.errorMessage() == null ? "" : d.errorMessage())))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  /** A relative link with each path segment percent-encoded. */
  private static String href(String path) {
    StringBuilder out = new StringBuilder();
    for (String seg : path.split("/")) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(java.net.URLEncoder.encode(seg, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
