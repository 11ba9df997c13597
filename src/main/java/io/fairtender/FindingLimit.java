package io.fairtender;

import io.fairtender.analyse.Match;
import io.fairtender.report.Finding;
import io.fairtender.report.ProcessingError;
import io.fairtender.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Caps findings per document and per rule, in document order, so that a text of tens of thousands of violations gives
 * a report of bounded size; the truncation is reported as a processing error.
 */
final class FindingLimit {
  static final String CODE = "FINDINGS_LIMIT";
  private final int max;
  private final int perRule;

  FindingLimit(int max, int perRule) {
    this.max = max;
    this.perRule = perRule;
  }

  /** The first matches within the limits (before findings are built from them). */
  List<Match> matches(List<Match> matches) {
    return keep(matches, m -> m.rule().id());
  }

  /** The report with its findings within the limits and, when any were dropped, a processing error saying how many. */
  Report report(Report r, int droppedEarlier, boolean en) {
    List<Finding> kept = keep(r.findings(), Finding::ruleId);
    int dropped = droppedEarlier + r.findings().size() - kept.size();
    if (dropped == 0) {
      return r;
    }
    List<ProcessingError> errors = new ArrayList<>(r.processingErrors());
    errors.add(new ProcessingError(CODE, en
        ? dropped + " further findings were not listed (limit " + max + " per document, " + perRule + " per rule)"
        : "另有" + dropped + "条问题未列出（每份文件最多" + max + "条，每条规则最多" + perRule + "条）", null, null));
    return new Report(r.formatVersion(), r.checker(), r.document(), r.asOf(), r.regime(), r.facts(), r.policy(), kept, errors,
        r.text());
  }

  private <T> List<T> keep(List<T> items, Function<T, String> rule) {
    if (items.size() <= Math.min(perRule, max)) {
      return items;
    }
    Map<String, Integer> counts = new HashMap<>();
    List<T> out = new ArrayList<>();
    for (T item : items) {
      if (out.size() >= max) {
        break;
      }
      if (counts.merge(rule.apply(item), 1, Integer::sum) <= perRule) {
        out.add(item);
      }
    }
    return out;
  }
}
