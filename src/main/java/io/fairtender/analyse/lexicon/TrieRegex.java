package io.fairtender.analyse.lexicon;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Builds one regular expression from many literal words, factored as a trie so that matching stays fast. */
final class TrieRegex {
  private final Map<Character, TrieRegex> next = new TreeMap<>();
  private boolean end;

  private TrieRegex() {}

  /** A regex (without an outer group) matching any of {@code words}, longest alternative first at each branch. */
  static String of(Collection<String> words) {
    TrieRegex root = new TrieRegex();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      TrieRegex n = root;
      for (char c : w.toCharArray()) {
        n = n.next.computeIfAbsent(c, k -> new TrieRegex());
      }
      n.end = true;
    }
    return root.next.isEmpty() ? "(?!)" : root.body();
  }

  /**
   * Most branches tried one after another at a text position: Java's regex engine tries the alternatives of a group in
   * order, so a node with hundreds of first characters (a gazetteer) would cost hundreds of comparisons at every
   * position. Larger nodes are split in halves by character range, each half behind a lookahead on its range, so a
   * position that cannot start a word is refused after a few range tests. The halves are disjoint, so at most one of
   * them can match and the language, and the longest-first order within a branch, are unchanged.
   */
  private static final int LINEAR_BRANCHES = 8;

  private String body() {
    java.util.List<Map.Entry<Character, TrieRegex>> entries = new java.util.ArrayList<>(next.entrySet());
    return branches(entries, 0, entries.size());
  }

  /** The alternation of {@code entries[from, to)} (sorted by character), bisected by range when large. */
  private static String branches(java.util.List<Map.Entry<Character, TrieRegex>> entries, int from, int to) {
    if (to - from > LINEAR_BRANCHES && !hasSurrogate(entries, from, to)) {
      int mid = (from + to) >>> 1;
      return "(?=" + range(entries, from, mid) + ")(?:" + branches(entries, from, mid) + ")"
          + "|(?=" + range(entries, mid, to) + ")(?:" + branches(entries, mid, to) + ")";
    }
    StringBuilder alt = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        alt.append('|');
      }
      Map.Entry<Character, TrieRegex> e = entries.get(i);
      alt.append(isMeta(e.getKey()) ? "\\" + e.getKey() : String.valueOf(e.getKey()));
      TrieRegex child = e.getValue();
      if (!child.next.isEmpty()) {
        String sub = child.body();
        boolean group = child.next.size() > 1 || child.end || sub.contains("|");
        alt.append(group ? "(?:" + sub + ")" + (child.end ? "?" : "") : sub);
      }
    }
    return alt.toString();
  }

  /** A character class spanning the first characters of {@code entries[from, to)}. */
  private static String range(java.util.List<Map.Entry<Character, TrieRegex>> entries, int from, int to) {
    return "[\\x{" + Integer.toHexString(entries.get(from).getKey()) + "}-\\x{"
        + Integer.toHexString(entries.get(to - 1).getKey()) + "}]";
  }

  private static boolean hasSurrogate(java.util.List<Map.Entry<Character, TrieRegex>> entries, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isSurrogate(entries.get(i).getKey())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMeta(char c) {
    return "\\^$.|?*+()[]{}".indexOf(c) >= 0;
  }
}
