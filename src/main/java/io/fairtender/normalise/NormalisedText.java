package io.fairtender.normalise;

/**
 * Text after normalisation, with a map from every normalised char back to the source range it came from.
 * A span {@code [a, b)} of normalised text maps to {@code [sourceStart(a), sourceEnd(b))} of the source.
 */
public final class NormalisedText {
  private final String text;
  private final int[] srcStart;
  private final int[] srcEnd;
  private final int sourceLength;

  NormalisedText(String text, int[] srcStart, int[] srcEnd, int sourceLength) {
    this.text = text;
    this.srcStart = srcStart;
    this.srcEnd = srcEnd;
    this.sourceLength = sourceLength;
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** Source index where normalised index {@code pos} starts; the source length at the end. */
  public int sourceStart(int pos) {
    if (pos >= text.length()) {
      return text.isEmpty() ? sourceLength : srcEnd[text.length() - 1];
    }
    return srcStart[pos];
  }

  /** Source index (exclusive) where the normalised span ending at {@code endExclusive} ends. */
  public int sourceEnd(int endExclusive) {
    if (endExclusive <= 0) {
      return text.isEmpty() ? 0 : srcStart[0];
    }
    return srcEnd[endExclusive - 1];
  }
}
