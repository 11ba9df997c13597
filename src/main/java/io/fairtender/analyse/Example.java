package io.fairtender.analyse;

import io.fairtender.segment.SectionRole;

/**
 * A rule's embedded example, run as a test. Positive examples mark the expected finding with ⟦ and ⟧.
 *
 * @param text the clause, with markers for positive examples
 * @param role the section role the clause stands in
 * @param positive true when the rule must flag it
 */
public record Example(String text, SectionRole role, boolean positive) {
  public static final char OPEN = '⟦';
  public static final char CLOSE = '⟧';

  /** The text without markers. */
  public String plain() {
    return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
  }

  /** [start, end) of each marked span in {@link #plain()}, in UTF-16 chars; empty when unmarked or unbalanced. */
  public java.util.List<int[]> marked() {
    java.util.List<int[]> spans = new java.util.ArrayList<>();
    int removed = 0;
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == OPEN) {
        if (open >= 0) {
          return java.util.List.of();
        }
        open = i - removed;
        removed++;
      } else if (c == CLOSE) {
        if (open < 0 || i - removed == open) {
          return java.util.List.of();
        }
        spans.add(new int[] {open, i - removed});
        open = -1;
        removed++;
      }
    }
    return open >= 0 ? java.util.List.of() : spans;
  }
}
