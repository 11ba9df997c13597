package io.fairtender.extract;

/** Tells readable text from the glyph-id garbage that fonts without a ToUnicode map produce. */
public final class TextQuality {
  private TextQuality() {}

  /** True when most visible chars are CJK, ASCII or common punctuation. */
  public static boolean isUsable(String text) {
    int visible = 0;
    int plausible = 0;
    int han = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || cp == 0x3000) {
        continue;
      }
      visible++;
      if (isHan(cp)) {
        han++;
        plausible++;
      } else if (isPlausible(cp)) {
        plausible++;
      }
    }
    if (visible == 0) {
      return false;
    }
    // a real Chinese page has Han characters; an unmapped-font page is Latin-1 soup or a few stray digits
    return plausible >= visible * 0.85 && (han > 0 || visible >= 40);
  }

  /** Number of Han characters; a Chinese tender has many, garbage from unmapped fonts almost none. */
  public static int hanCount(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isHan(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code text} holds at least {@code min} Han characters (stops counting there). */
  public static boolean hasHan(CharSequence text, int min) {
    int n = 0;
    for (int i = 0; i < text.length() && n < min; i++) {
      if (isHan(text.charAt(i))) {
        n++;
      }
    }
    return n >= min;
  }

  /**
   * Script Han, as {@link Character.UnicodeScript#of} says, without its binary search for the common cases: every
   * assigned code point of U+4E00..U+9FFC (CJK Unified Ideographs) is Han, and none below U+2E80 is.
   */
  static boolean isHan(int cp) {
    if (cp >= 0x4E00 && cp <= 0x9FFC) {
      return true;
    }
    return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static boolean isPlausible(int cp) {
    if (cp >= 0x20 && cp < 0x7f) {
      return true;
    }
    if (cp >= 0x3000 && cp <= 0x303f) {
      return true; // CJK punctuation
    }
    if (cp >= 0xff01 && cp <= 0xffef) {
      return true; // full-width forms
    }
    if (cp >= 0x2000 && cp <= 0x2bff) {
      return true; // general punctuation, arrows, math, boxes, bullets
    }
    return cp == 0xa5 || cp == 0xb0 || cp == 0xb1 || cp == 0xb7 || cp == 0xd7 || cp == 0xf7 || cp == 0x33a1;
  }
}
