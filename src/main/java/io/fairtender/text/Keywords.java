package io.fairtender.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Collection;
import java.util.TreeMap;

/**
 * A fixed set of literal keywords found in one pass over a text, overlapping occurrences included (an Aho–Corasick
 * automaton in a double-array trie: no boxing of characters, so the pass costs a few array reads a character).
 * Immutable and thread-safe once built.
 */
public final class Keywords {
  /** One occurrence: {@code text[start, end)} is {@code keyword}. */
  @FunctionalInterface
  public interface Hit {
    void at(int start, int end, String keyword);
  }

  private final AhoCorasickDoubleArrayTrie<String> trie;

  private Keywords(AhoCorasickDoubleArrayTrie<String> trie) {
    this.trie = trie;
  }

  /** The automaton of the non-empty strings among {@code words}. */
  public static Keywords of(Collection<String> words) {
    TreeMap<String, String> map = new TreeMap<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        map.put(w, w);
      }
    }
    if (map.isEmpty()) {
      return new Keywords(null);
    }
    AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(map);
    return new Keywords(trie);
  }

  /** Calls {@code hit} for every occurrence of every keyword in {@code text}, ordered by end position. */
  public void find(CharSequence text, Hit hit) {
    if (trie != null && text.length() > 0) {
      trie.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<String>) hit::at);
    }
  }

  /** Whether {@code text} holds any keyword. */
  public boolean foundIn(CharSequence text) {
    return trie != null && text.length() > 0 && trie.findFirst(text.toString()) != null;
  }
}
