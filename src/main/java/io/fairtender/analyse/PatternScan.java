package io.fairtender.analyse;

import java.util.regex.Pattern;

/**
 * What the analyser knows of a rule pattern before running it: where its matches can start, and whether its named
 * group {@code m} narrows the span it flags (asking a matcher for a group the pattern lacks throws, which is costly).
 */
record PatternScan(StartChars first, boolean narrowed) {
  static final PatternScan ANY = new PatternScan(StartChars.ANY, false);

  static PatternScan of(Pattern p) {
    return new PatternScan(StartChars.of(p), p.pattern().contains("(?<m>"));
  }
}
