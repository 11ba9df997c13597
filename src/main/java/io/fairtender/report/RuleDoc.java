package io.fairtender.report;

import io.fairtender.analyse.Example;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Rule;
import java.util.List;

/** The documentation page of a rule, generated from its rule file: Markdown for the repository, HTML for the API. */
public final class RuleDoc {
  private RuleDoc() {}

  public static String markdown(Rule r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(r.id()).append(" — ").append(r.title().zh()).append("\n\n");
    sb.append("*").append(r.title().en()).append("*\n\n");
    sb.append("| | |\n|---|---|\n");
    sb.append("| category | `").append(r.category().id()).append("` (").append(r.category().nameZh()).append(") |\n");
    sb.append("| severity | `").append(r.severity().id()).append("` |\n");
    sb.append("| kind | `").append(r.kind().id()).append("` |\n");
    sb.append("| applies in | ").append(r.appliesIn().isEmpty() ? "all sections" : roles(r.appliesIn()))
        .append(r.neverIn().isEmpty() ? "" : "; never in " + roles(r.neverIn())).append(" |\n");
    if (r.validFrom() != null || r.validUntil() != null) {
      sb.append("| in force | ").append(r.validFrom() == null ? "…" : r.validFrom()).append(" → ")
          .append(r.validUntil() == null ? "" : r.validUntil()).append(" |\n");
    }
    if (r.minValue() != Double.NEGATIVE_INFINITY) {
      sb.append("| minValue | ").append(r.minValue()).append(" (configurable: `--rule-param ").append(r.id()).append(".minValue=N`) |\n");
    }
    sb.append("| source | `src/main/resources/rules/").append(r.source()).append("` |\n\n");
    sb.append("## 为什么 / Why\n\n").append(r.message().zh()).append("\n\n").append(r.message().en()).append("\n\n");
    sb.append("## 依据 / Legal basis\n\n");
    basis(sb, r.legalBasis());
    if (!r.worksBasis().isEmpty()) {
      sb.append("\nWorks tendered under 招标投标法:\n\n");
      basis(sb, r.worksBasis());
    }
    sb.append("\n## 修改建议 / Suggested rewrite\n\n").append(r.suggestion().zh()).append("\n\n").append(r.suggestion().en()).append("\n\n");
    sb.append("## 会标记 / Flags\n\n");
    for (Example e : r.examples()) {
      if (e.positive()) {
        sb.append("- `").append(e.role().id()).append("` ").append(e.text().replace("⟦", "**").replace("⟧", "**")).append("\n");
      }
    }
    sb.append("\n## 不会标记的近似表述 / Look-alikes left alone\n\n");
    for (Example e : r.examples()) {
      if (!e.positive()) {
        sb.append("- `").append(e.role().id()).append("` ").append(e.plain()).append("\n");
      }
    }
    return sb.toString();
  }

  private static void basis(StringBuilder sb, List<LegalBasis> bases) {
    for (LegalBasis b : bases) {
      sb.append("- ").append(b.document()).append(" ").append(b.article());
      if (b.summary() != null && !b.summary().isBlank()) {
        sb.append("：").append(b.summary());
      }
      sb.append("\n");
    }
  }

  private static String roles(java.util.Set<io.fairtender.segment.SectionRole> roles) {
    return String.join(", ", roles.stream().map(x -> x.id()).sorted().toList());
  }

  /** The Markdown page as a minimal self-contained HTML page. */
  public static String html(Rule r) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
        .append(esc(r.id())).append("</title><style>body{font-family:sans-serif;max-width:46em;margin:auto;padding:1em;line-height:1.6}"
        + "td{padding:2px 8px;border-bottom:1px solid #ddd}code{background:#f4f4f4}</style></head><body>\n");
    boolean inList = false;
    boolean inTable = false;
    for (String line : markdown(r).split("\n")) {
      if (line.startsWith("- ") != inList) {
        sb.append(inList ? "</ul>\n" : "<ul>\n");
        inList = !inList;
      }
      if (line.startsWith("|") != inTable) {
        sb.append(inTable ? "</table>\n" : "<table>\n");
        inTable = !inTable;
      }
      if (line.startsWith("# ")) {
        sb.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
      } else if (line.startsWith("## ")) {
        sb.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
      } else if (line.startsWith("- ")) {
        sb.append("<li>").append(inline(line.substring(2))).append("</li>\n");
      } else if (line.startsWith("|")) {
        if (!line.startsWith("|---") && !line.startsWith("| |")) {
          String[] cells = line.substring(1, line.length() - 1).split("\\|");
          sb.append("<tr>");
          for (String c : cells) {
            sb.append("<td>").append(inline(c.strip())).append("</td>");
          }
          sb.append("</tr>\n");
        }
      } else if (!line.isBlank()) {
        sb.append("<p>").append(inline(line)).append("</p>\n");
      }
    }
    if (inList) {
      sb.append("</ul>\n");
    }
    if (inTable) {
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String inline(String s) {
    String e = esc(s);
    e = e.replaceAll("\\*\\*([^*]+)\\*\\*", "<mark>$1</mark>");
    e = e.replaceAll("\\*([^*]+)\\*", "<em>$1</em>");
    return e.replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The index page of all rules. */
  public static String index(List<Rule> rules) {
    StringBuilder sb = new StringBuilder("# FairTender rule catalogue\n\nGenerated from `src/main/resources/rules/*.yaml` by "
        + "`./fairtender rules --docs docs/rules`; do not edit by hand.\n\n| rule | category | severity | title |\n|---|---|---|---|\n");
    for (Rule r : rules) {
      sb.append("| [").append(r.id()).append("](").append(r.id()).append(".md) | ").append(r.category().id()).append(" | ")
          .append(r.severity().id()).append(" | ").append(r.title().zh()).append(" — ").append(r.title().en()).append(" |\n");
    }
    return sb.toString();
  }
}
