package io.fairtender.cli;

import io.fairtender.eval.IndependentClauses;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What {@code eval --clauses FILE} prints: every miss and false alarm with its text, then the scores. */
final class ClauseReport {
  private ClauseReport() {}

  static void print(Path file, IndependentClauses.Result r, PrintWriter out) {
    Map<String, int[]> byCategory = new TreeMap<>(); // category -> found, positives
    for (IndependentClauses.Item i : r.items()) {
      if (i.positive() && !i.found()) {
        out.println("MISS " + i.id() + " [" + i.context() + "] " + i.accept() + " got " + i.flagged() + " :: " + i.text());
      } else if (i.falseAlarm()) {
        out.println("FALSE ALARM " + i.id() + " [" + i.context() + "] " + (i.positive() ? i.accept() : "none") + " got "
            + i.flagged() + " :: " + i.text());
      }
      for (String c : i.accept()) {
        int[] n = byCategory.computeIfAbsent(c, k -> new int[2]);
        n[0] += i.found() ? 1 : 0;
        n[1]++;
      }
    }
    StringBuilder cats = new StringBuilder();
    byCategory.forEach((c, n) -> cats.append(c).append(' ').append(n[0]).append('/').append(n[1]).append("  "));
    out.printf(Locale.ROOT, "%s: %d clauses (%d violations, %d look-alikes); recall %.3f (%d found), precision %.3f "
        + "(%d false alarms)%n", file.getFileName(), r.items().size(), r.positives(), r.items().size() - r.positives(),
        r.recall(), r.found(), r.precision(), r.falseAlarms());
    out.println("found by category: " + cats.toString().strip());
  }
}
