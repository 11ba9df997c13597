package io.fairtender.normalise;

import java.util.Arrays;

/** Builds normalised text while recording, for each char appended, the source range it stands for. */
final class TextBuilder {
  private final StringBuilder sb;
  private int[] start;
  private int[] end;
  /** The last char appended (kept apart: asked about every char, and StringBuilder.charAt checks index and coder). */
  private char last = '\n';

  TextBuilder(int capacity) {
    sb = new StringBuilder(capacity);
    start = new int[Math.max(16, capacity)];
    end = new int[Math.max(16, capacity)];
  }

  void append(char c, int srcStart, int srcEnd) {
    int n = sb.length();
    if (n == start.length) {
      start = Arrays.copyOf(start, n * 2);
      end = Arrays.copyOf(end, n * 2);
    }
    sb.append(c);
    last = c;
    start[n] = srcStart;
    end[n] = srcEnd;
  }

  void append(CharSequence s, int srcStart, int srcEnd) {
    for (int i = 0; i < s.length(); i++) {
      append(s.charAt(i), srcStart, srcEnd);
    }
  }

  int length() {
    return sb.length();
  }

  char last() {
    return last;
  }

  void trimTrailingSpaces() {
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
    last = sb.length() == 0 ? '\n' : sb.charAt(sb.length() - 1);
  }

  NormalisedText build(int sourceLength) {
    int n = sb.length();
    return new NormalisedText(sb.toString(), Arrays.copyOf(start, n), Arrays.copyOf(end, n), sourceLength);
  }
}
