package io.fairtender.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.List;
import java.util.TreeMap;

/**
 * A fixed set of literal keywords found in one pass over a text, overlapping occurrences included (an Aho–Corasick
 * automaton in a double-array trie: no boxing of characters, so the pass costs a few array reads a character).
 * Immutable and thread-safe once built.
 */
public final class Keywords {
  /** One occurrence: {@code text[start, end)} is the keyword at {@code index} of the list the set was made from. */
  @FunctionalInterface
  public interface Hit {
    void at(int start, int end, int index);
  }

  private final List<String> words;
  private final AhoCorasickDoubleArrayTrie<Integer> trie;
  /** The characters that occur in some keyword; a run of text without them cannot hold (part of) a match. */
  private final java.util.BitSet alphabet;
  private final int shortest;

  private Keywords(List<String> words, AhoCorasickDoubleArrayTrie<Integer> trie, java.util.BitSet alphabet, int shortest) {
    this.words = words;
    this.trie = trie;
    this.alphabet = alphabet;
    this.shortest = shortest;
  }

  /**
   * The automaton of {@code words}, each reported by its index in the list (callers keep their data for a keyword in
   * an array, not a map: a hit costs no hashing). An empty word is never found; a repeated word is refused.
   */
  public static Keywords of(List<String> words) {
    TreeMap<String, Integer> map = new TreeMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.isEmpty() && map.put(w, i) != null) {
        throw new IllegalArgumentException("keyword '" + w + "' is listed twice");
      }
    }
    List<String> copy = List.copyOf(words);
    if (map.isEmpty()) {
      return new Keywords(copy, null, new java.util.BitSet(), 0);
    }
    AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(map);
    java.util.BitSet alphabet = new java.util.BitSet();
    int shortest = Integer.MAX_VALUE;
    for (String w : map.keySet()) {
      w.chars().forEach(alphabet::set);
      shortest = Math.min(shortest, w.length());
    }
    return new Keywords(copy, trie, alphabet, shortest);
  }

  /** The keyword at {@code index} of the list the set was made from. */
  public String word(int index) {
    return words.get(index);
  }

  /** Calls {@code hit} for every occurrence of every keyword in {@code text}, ordered by end position. */
  public void find(CharSequence text, Hit hit) {
    if (trie == null) {
      return;
    }
    // the automaton runs only over the runs of keyword characters: most of a text is other characters, and each step
    // of the automaton is a read far into its (large, CJK-indexed) arrays
    int n = text.length();
    Run run = new Run(text); // one window moved along the text, and one callback adding its offset
    AhoCorasickDoubleArrayTrie.IHit<Integer> shifted = (s, e, index) -> hit.at(run.from + s, run.from + e, index);
    int i = 0;
    while (i < n) {
      while (i < n && !alphabet.get(text.charAt(i))) {
        i++;
      }
      int from = i;
      while (i < n && alphabet.get(text.charAt(i))) {
        i++;
      }
      if (i - from >= shortest) {
        run.from = from;
        run.to = i;
        trie.parseText(run, shifted);
      }
    }
  }

  /** {@code text[from, to)} without copying it; moved along the text by {@link #find}. */
  private static final class Run implements CharSequence {
    private final CharSequence text;
    private int from;
    private int to;

    Run(CharSequence text) {
      this.text = text;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(from + start, from + end);
    }

    @Override
    public String toString() {
      return text.subSequence(from, to).toString();
    }
  }
}
