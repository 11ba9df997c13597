package io.fairtender.analyse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a match of a pattern can start with, so that a unit is searched only from the positions where one
 * stands. Java's regex engine tries a pattern at every position of the text, and most of the rules' patterns open with
 * groups, classes or look-arounds it cannot skip over quickly.
 *
 * <p>Each character is judged once, on first sight, by the engine itself: the pattern is tried on that one character;
 * when it neither matches nor reads past the end of the input ({@link Matcher#hitEnd()}), no text starting with the
 * character can match. A pattern whose outcome can depend on what stands before the position or on where the input ends
 * (a look-behind that must find something, a word boundary, an end anchor) or that can match the empty string is not
 * restricted. Thread-safe: answers are cached as two bits a character (known, yes) in atomic words, the yes bit set
 * before the known bit; a race only recomputes an answer.
 */
final class StartChars {
  /** Constructs whose result depends on the text before the position or on the input's end. */
  private static final String[] CONTEXT_DEPENDENT = {"(?<=", "\\b", "\\B", "$", "\\z", "\\Z", "\\G"};
  static final StartChars ANY = new StartChars(null);

  private final Pattern pattern;
  /** Bit c: the answer for char c is known. */
  private final java.util.concurrent.atomic.AtomicLongArray known = new java.util.concurrent.atomic.AtomicLongArray(1024);
  /** Bit c: a match can start with char c (valid where known). */
  private final java.util.concurrent.atomic.AtomicLongArray yes = new java.util.concurrent.atomic.AtomicLongArray(1024);

  private StartChars(Pattern pattern) {
    this.pattern = pattern;
  }

  static StartChars of(Pattern p) {
    String src = p.pattern();
    for (String c : CONTEXT_DEPENDENT) {
      if (src.contains(c)) {
        return ANY;
      }
    }
    if (p.matcher("").lookingAt()) {
      return ANY;
    }
    return new StartChars(p);
  }

  /** False only when no match can start with {@code c}. */
  boolean canStart(char c) {
    if (pattern == null || Character.isSurrogate(c)) {
      return true;
    }
    int word = c >>> 6;
    long bit = 1L << (c & 63);
    if ((known.get(word) & bit) != 0) {
      return (yes.get(word) & bit) != 0;
    }
    Matcher m = pattern.matcher(String.valueOf(c));
    boolean can = m.lookingAt() || m.hitEnd();
    if (can) {
      yes.getAndAccumulate(word, bit, (a, b) -> a | b);
    }
    known.getAndAccumulate(word, bit, (a, b) -> a | b);
    return can;
  }

  /** The first position in {@code s[from, n)} where a match can start, or {@code n}. */
  int next(String s, int from, int n) {
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      int word = c >>> 6;
      long bit = 1L << (c & 63);
      // the common case, an answer already known, without a call; the rest (unknown or a surrogate) through canStart
      if ((known.get(word) & bit) != 0 && !Character.isSurrogate(c)) {
        if ((yes.get(word) & bit) != 0) {
          return i;
        }
      } else if (canStart(c)) {
        return i;
      }
    }
    return n;
  }

  /** Whether every position has to be tried. */
  boolean unrestricted() {
    return pattern == null;
  }
}
