package io.fairtender.normalise;

/** Parses Chinese numerals, including financial (大写) forms: 一百二十, 两千, 伍仟万, 二〇二三. */
public final class ChineseNumerals {
  private ChineseNumerals() {}

  /** The digit value of {@code c}, or -1. */
  public static int digit(char c) {
    switch (c) {
      case '零': case '〇': return 0;
      case '一': case '壹': return 1;
      case '二': case '两': case '贰': case '貳': return 2;
      case '三': case '叁': case '參': return 3;
      case '四': case '肆': return 4;
      case '五': case '伍': return 5;
      case '六': case '陆': case '陸': return 6;
      case '七': case '柒': return 7;
      case '八': case '捌': return 8;
      case '九': case '玖': return 9;
      default: return -1;
    }
  }

  /** The multiplier of {@code c} (10, 100, 1000, 10^4, 10^8), or -1. */
  public static long unit(char c) {
    switch (c) {
      case '十': case '拾': return 10;
      case '百': case '佰': return 100;
      case '千': case '仟': return 1000;
      case '万': case '萬': return 10_000;
      case '亿': case '億': return 100_000_000;
      default: return -1;
    }
  }

  /**
   * Whether {@code c} is a numeral digit or multiplier. The normaliser asks this of every char of a document, so it
   * reads one bit of a table built from {@link #digit} and {@link #unit} rather than running both switches.
   */
  public static boolean isNumeralChar(char c) {
    return (NUMERAL_BITS[c >>> 6] & 1L << c) != 0; // a long shift uses the low 6 bits of c
  }

  private static final long[] NUMERAL_BITS = numeralBits();

  private static long[] numeralBits() {
    long[] bits = new long[(Character.MAX_VALUE + 1) / 64];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (digit((char) c) >= 0 || unit((char) c) > 0) {
        bits[c >>> 6] |= 1L << c;
      }
    }
    return bits;
  }

  /**
   * The value of a numeral run, or -1 when it is not a well-formed numeral.
   * Runs without multipliers of two or more digits are read digit by digit (二〇二三 = 2023).
   */
  public static long parse(CharSequence s) {
    if (s.length() == 0) {
      return -1;
    }
    boolean hasUnit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isNumeralChar(c)) {
        return -1;
      }
      hasUnit |= unit(c) > 0;
    }
    if (!hasUnit) {
      long v = 0;
      for (int i = 0; i < s.length(); i++) {
        v = v * 10 + digit(s.charAt(i));
      }
      return v;
    }
    long result = 0;
    long section = 0;
    long num = -1;
    long lastSmallUnit = Long.MAX_VALUE;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (num > 0) {
          return -1; // two digits in a row inside a multiplied numeral
        }
        num = d;
        continue;
      }
      long u = unit(c);
      if (u < 10_000) {
        if (u >= lastSmallUnit) {
          return -1; // 百 after 十 within one section
        }
        lastSmallUnit = u;
        section += (num < 0 ? 1 : num) * u;
        num = -1;
      } else if (u == 10_000) {
        section += Math.max(num, 0);
        if (section == 0) {
          section = 1;
        }
        result += section * u;
        section = 0;
        num = -1;
        lastSmallUnit = Long.MAX_VALUE;
      } else {
        section += Math.max(num, 0);
        result = (result + section) * u;
        if (result == 0) {
          result = u;
        }
        section = 0;
        num = -1;
        lastSmallUnit = Long.MAX_VALUE;
      }
    }
    return result + section + Math.max(num, 0);
  }
}
