package io.fairtender.report;

/** Converts UTF-16 indices of one string to code point offsets, in O(1) after an O(n) scan. */
public final class CodePoints {
  private final int[] prefix; // null when the text has no surrogate pairs
  private final int length;

  public CodePoints(String text) {
    boolean surrogates = false;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates) {
      prefix = null;
      length = text.length();
      return;
    }
    prefix = new int[text.length() + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i++) {
      prefix[i] = cp;
      if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        cp++;
      }
    }
    prefix[text.length()] = cp;
    length = cp;
  }

  /** The code point offset of UTF-16 index {@code utf16}. */
  public int of(int utf16) {
    return prefix == null ? utf16 : prefix[utf16];
  }

  /** Number of code points in the text. */
  public int length() {
    return length;
  }
}
