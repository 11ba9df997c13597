package io.fairtender.eval;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a finding's quote names a label's anchor: whitespace ignored, one holds the other (a quote of three
 * characters or more), or most trigrams of the shorter occur in the longer. The same test as
 * {@code ../shared/tools/score-labels.py}, so the project's figures and the independent scorer agree.
 */
final class QuoteMatch {
  private QuoteMatch() {}

  static String squash(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }

  static boolean names(String quote, String anchor) {
    String q = squash(quote);
    String a = squash(anchor);
    if (q.isEmpty() || a.isEmpty()) {
      return false;
    }
    if (q.contains(a) || (q.length() >= 3 && a.contains(q))) {
      return true;
    }
    Set<String> ga = grams(a);
    Set<String> gq = grams(q);
    int small = Math.min(ga.size(), gq.size());
    if (small == 0) {
      return false;
    }
    Set<String> both = new HashSet<>(ga);
    both.retainAll(gq);
    return both.size() >= 0.6 * small;
  }

  private static Set<String> grams(String s) {
    Set<String> out = new HashSet<>();
    int[] cp = s.codePoints().toArray();
    for (int i = 0; i + 3 <= cp.length; i++) {
      out.add(new String(cp, i, 3));
    }
    return out;
  }
}
