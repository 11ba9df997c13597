package io.fairtender.text;

/** Character tests used as cheap guards in front of regular expressions. */
public final class Chars {
  private Chars() {}

  /**
   * Whether {@code s} holds one of {@code chars}: a guard that spares a pattern's search on the many texts that cannot
   * match it because they lack a character every match of it contains.
   */
  public static boolean containsAny(CharSequence s, String chars) {
    if (s instanceof String str) {
      // String.indexOf(char) is a vectorised intrinsic: one pass per guard char beats a lookup per text char
      for (int i = 0; i < chars.length(); i++) {
        if (str.indexOf(chars.charAt(i)) >= 0) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
