package io.fairtender.analyse.lexicon;

import io.fairtender.text.Keywords;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words a match of a pattern must start with, when the pattern opens with a word lexicon ({@code {{place-named}}},
 * as itself or as one of the lookaheads before its first element). Java's regex engine would try the lexicon's trie at
 * every position of a unit, a few hundred nanoseconds each for a gazetteer; a keyword table finds the few positions
 * where one of its words starts, and the pattern is tried there alone.
 *
 * <p>Only a pattern in which the lexicon cannot be skipped qualifies: no alternation at the pattern's top level, and
 * no quantifier after the lexicon's group. Only lexicons of many words are worth it (a short list costs the engine
 * little, and {@code StartChars} already narrows it).
 */
public final class LexiconAnchor {
  /** From this many words on, a lexicon anchors the patterns it opens. */
  static final int MIN_WORDS = 50;
  private static final LexiconAnchor BUILTIN = new LexiconAnchor(Lexicons.builtin());

  /** For each anchoring lexicon, its group as {@link Lexicons#expand} writes it into a pattern. */
  private final Map<String, Lexicon> byGroup = new HashMap<>();
  /** The keyword table of each lexicon that anchors a pattern, built on first use. */
  private final Map<Lexicon, Keywords> tables = new java.util.concurrent.ConcurrentHashMap<>();

  LexiconAnchor(Lexicons lexicons) {
    for (Lexicon l : lexicons.all()) {
      if (l.literalOnly() && l.literals().size() >= MIN_WORDS) {
        byGroup.put("(?:" + l.regex() + ")", l);
      }
    }
  }

  /** The built-in lexicons' anchors. */
  public static LexiconAnchor builtin() {
    return BUILTIN;
  }

  /**
   * The table of the words every match of {@code p} starts with, built on first use (a gazetteer's takes tens of
   * milliseconds before the JIT has run, which a one-shot check of a small file need not spend), or null when the
   * pattern's start is not a word lexicon.
   */
  public java.util.function.Supplier<Keywords> of(Pattern p) {
    String src = p.pattern();
    if (p.flags() != 0) {
      return null;
    }
    Lexicon l = openingLexicon(src);
    // the whole pattern is read for a top-level | only when its start qualifies (most patterns are refused above)
    if (l == null || hasTopLevelAlternation(src)) {
      return null;
    }
    return () -> tables.computeIfAbsent(l, x -> Keywords.of(List.copyOf(new LinkedHashSet<>(x.literals()))));
  }

  /** The lexicon whose group opens the pattern, itself or after other lookaheads, without a quantifier; or null. */
  private Lexicon openingLexicon(String src) {
    int at = 0;
    while (at < src.length()) {
      boolean lookahead = src.startsWith("(?=", at);
      int bodyStart = lookahead ? at + 3 : at;
      if (src.startsWith("(?:", bodyStart)) {
        for (Map.Entry<String, Lexicon> e : byGroup.entrySet()) {
          String group = e.getKey();
          int after = bodyStart + group.length() + (lookahead ? 1 : 0);
          if (src.startsWith(group, bodyStart) && (!lookahead || src.startsWith(")", after - 1))
              && !quantified(src, after)) {
            return e.getValue();
          }
        }
      }
      if (!lookahead) {
        return null; // the first element proper is not a lexicon
      }
      int end = groupEnd(src, at);
      if (end < 0 || quantified(src, end + 1)) {
        return null;
      }
      at = end + 1; // another lookahead at the start: what follows it also stands at the match's start
    }
    return null;
  }

  private static boolean quantified(String src, int at) {
    return at < src.length() && "?*+{".indexOf(src.charAt(at)) >= 0;
  }

  /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
  static int groupEnd(String src, int open) {
    return outside(src, open, ')');
  }

  /** Whether {@code |} stands outside every group and class: then no element is required. */
  static boolean hasTopLevelAlternation(String src) {
    return outside(src, 0, '|') >= 0;
  }

  /**
   * The first index from {@code from} where {@code target} ({@code )} or {@code |}) stands outside character classes
   * and escapes at the depth {@code from} starts at (for {@code )}: the group opened at {@code from} closes), or -1.
   */
  private static int outside(String src, int from, char target) {
    int depth = 0;
    int cls = 0;
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\') {
        i = skipEscape(src, i);
      } else if (c == '[') {
        cls++;
      } else if (c == ']' && cls > 0) {
        cls--;
      } else if (cls == 0 && c == '(') {
        depth++;
      } else if (cls == 0 && c == ')' && --depth == 0 && target == ')') {
        return i;
      } else if (cls == 0 && depth == 0 && c == target) {
        return i;
      }
    }
    return -1;
  }

  /** The last index of the escape starting at {@code i} (a quoted span \Q…\E as a whole). */
  private static int skipEscape(String src, int i) {
    if (src.startsWith("\\Q", i)) {
      int e = src.indexOf("\\E", i + 2);
      return e < 0 ? src.length() : e + 1;
    }
    return i + 1;
  }
}
