package io.fairtender.analyse;

import io.fairtender.analyse.lexicon.LexiconAnchor;
import io.fairtender.text.Keywords;
import java.util.regex.Pattern;

/**
 * What the analyser knows of a rule pattern before running it: where its matches can start (the characters, and for a
 * pattern opening with a large word lexicon the words, see {@link LexiconAnchor}), and whether its named group
 * {@code m} narrows the span it flags (asking a matcher for a group the pattern lacks throws, which is costly).
 *
 * @param anchor the words every match starts with (their table, built on first use), or null
 */
record PatternScan(StartChars first, java.util.function.Supplier<Keywords> anchor, boolean narrowed) {
  static final PatternScan ANY = new PatternScan(StartChars.ANY, null, false);

  static PatternScan of(Pattern p) {
    return new PatternScan(StartChars.of(p), LexiconAnchor.builtin().of(p), p.pattern().contains("(?<m>"));
  }
}
