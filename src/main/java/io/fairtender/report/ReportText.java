package io.fairtender.report;

import java.util.Locale;

/** A plain, line-per-finding rendering: {@code name:page:start-end: severity RULE-ID message 「quote」}. */
public final class ReportText {
  private ReportText() {}

  public static String render(Report r) {
    StringBuilder sb = new StringBuilder();
    String name = r.document().name() == null ? "-" : r.document().name();
    for (Finding f : r.findings()) {
      sb.append(name).append(':').append(f.page()).append(':').append(f.start()).append('-').append(f.end())
          .append(": ").append(f.severity().toUpperCase(Locale.ROOT)).append(' ').append(f.ruleId()).append(' ')
          .append(f.message()).append(" 「").append(f.quote().replace('\n', ' ')).append("」\n");
    }
    for (ProcessingError e : r.processingErrors()) {
      sb.append(name).append(':').append(e.page() == null ? "-" : e.page()).append(": ERROR ").append(e.code())
          .append(' ').append(e.message()).append('\n');
    }
    sb.append(name).append(": ").append(r.findings().size()).append(" findings, ")
        .append(r.processingErrors().size()).append(" processing errors\n");
    return sb.toString();
  }
}
