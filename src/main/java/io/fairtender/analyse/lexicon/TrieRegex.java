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

  private String body() {
    StringBuilder alt = new StringBuilder();
    int branches = 0;
    for (Map.Entry<Character, TrieRegex> e : next.entrySet()) {
      if (branches++ > 0) {
        alt.append('|');
      }
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

  private static boolean isMeta(char c) {
    return "\\^$.|?*+()[]{}".indexOf(c) >= 0;
  }
}
