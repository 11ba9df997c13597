package io.fairtender.analyse.policy;

import io.fairtender.segment.Unit;
import io.fairtender.text.Keywords;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of words looked for in spans of a text, in one pass over the span: a char that opens no word is passed over
 * after one table look-up, and only the words it opens are compared there. Immutable; shared between threads.
 */
final class KeywordIndex {
  private final List<String> words;
  /** The table of the words each char opens. */
  private final Keywords keywords;

  KeywordIndex(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.isEmpty() || words.indexOf(w) != i) {
        throw new IllegalArgumentException("empty or repeated keyword '" + w + "'");
      }
    }
    this.words = List.copyOf(words);
    this.keywords = Keywords.of(this.words);
  }

  /** The words {@code c} opens (none when it opens none). */
  private int[] openedBy(char c) {
    return keywords.openedBy(c);
  }

  static KeywordIndex of(String... words) {
    return new KeywordIndex(List.of(words));
  }

  /** Whether a word starts in {@code text[start, end)}; it may run on past {@code end}. */
  boolean startsIn(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      for (int w : openedBy(text.charAt(i))) {
        if (text.startsWith(words.get(w), i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The index of the first word (in list order) that starts at {@code i}, or -1. */
  int wordAt(String text, int i) {
    for (int w : openedBy(text.charAt(i))) {
      if (text.startsWith(words.get(w), i)) {
        return w;
      }
    }
    return -1;
  }

  /** The words (bit i for word i; at most 64 words) that lie wholly within {@code text[start, end)}. */
  long within(String text, int start, int end) {
    if (words.size() > 64) {
      throw new IllegalStateException("a word mask holds 64 words, not " + words.size());
    }
    long found = 0;
    for (int i = start; i < end; i++) {
      for (int w : openedBy(text.charAt(i))) {
        if (i + words.get(w).length() <= end && text.startsWith(words.get(w), i)) {
          found |= 1L << w;
        }
      }
    }
    return found;
  }

  /** The mask {@link #within} sets for {@code some}; each must be one of the words. */
  long mask(String... some) {
    long m = 0;
    for (String w : some) {
      int i = words.indexOf(w);
      if (i < 0) {
        throw new IllegalArgumentException("'" + w + "' is not one of the keywords " + words);
      }
      m |= 1L << i;
    }
    return m;
  }

  /**
   * Whether one of {@code some} lies wholly within {@code text[start, end)}: one pass for all of them, where
   * testing word by word would pass over the span once per word.
   */
  static boolean anyWithin(String text, int start, int end, String... some) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      for (String w : some) {
        if (c == w.charAt(0) && i + w.length() <= end && text.startsWith(w, i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Which of the words each of a list of units holds, read in one pass per unit. */
  static final class UnitIndex {
    private final KeywordIndex keywords;
    private final List<Unit> units;
    private final long[] masks;

    UnitIndex(KeywordIndex keywords, List<Unit> units, String text) {
      this.keywords = keywords;
      this.units = units;
      this.masks = new long[units.size()];
      for (int i = 0; i < masks.length; i++) {
        masks[i] = keywords.within(text, units.get(i).start(), units.get(i).end());
      }
    }

    /** The units, in order, that hold one of {@code some} (each must be one of the words). */
    List<Unit> having(String... some) {
      long m = keywords.mask(some);
      List<Unit> out = new ArrayList<>();
      for (int i = 0; i < masks.length; i++) {
        if ((masks[i] & m) != 0) {
          out.add(units.get(i));
        }
      }
      return out;
    }
  }
}
