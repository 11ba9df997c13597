package io.fairtender.analyse.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Text preparation shared by training and detection. OpenNLP's sentence detector only considers an end-of-sentence
 * char followed by whitespace, and Chinese has none, so a space is inserted after every EOS cluster (with its closing
 * quotes and brackets); the clause classifier sees one token per Han character and one per ASCII word.
 */
public final class ChineseText {
  static final char[] EOS = {'。', '！', '？', '；', '!', '?', ';'};
  private static final String CLOSERS = "”’」』）)】";

  private ChineseText() {}

  static boolean isEos(char c) {
    for (char e : EOS) {
      if (e == c) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text as OpenNLP's sentence detector needs it: a space after every character (so each EOS char is a candidate
   * and the features around it are the neighbouring characters, not whole runs), and for each char of the result its
   * index in the input (-1 for inserted spaces). Closing quotes and brackets stay attached to their EOS char.
   */
  public static Spaced spaced(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    List<Integer> map = new ArrayList<>(s.length() * 2);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      out.append(c);
      map.add(i);
      i++;
      if (isEos(c)) {
        while (i < s.length() && CLOSERS.indexOf(s.charAt(i)) >= 0) {
          out.append(s.charAt(i));
          map.add(i);
          i++;
        }
      }
      if (i < s.length()) {
        out.append(' ');
        map.add(-1);
      }
    }
    int[] m = new int[map.size()];
    for (int k = 0; k < m.length; k++) {
      m[k] = map.get(k);
    }
    return new Spaced(out.toString(), m);
  }

  /** Text with inserted spaces and the map back. */
  public record Spaced(String text, int[] origin) {
    /** The input index for a position in the spaced text (an end offset maps to just after its char). */
    public int toInputEnd(int spacedEnd) {
      int k = spacedEnd - 1;
      while (k >= 0 && origin[k] < 0) {
        k--;
      }
      return k < 0 ? 0 : origin[k] + 1;
    }
  }

  /** Classifier tokens: one per Han character, one per ASCII word, digits folded to 0. */
  public static String[] tokens(CharSequence s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c < 0x80 && Character.isLetterOrDigit(c)) {
        int j = i;
        StringBuilder w = new StringBuilder();
        while (j < s.length() && s.charAt(j) < 0x80 && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          char d = s.charAt(j);
          w.append(Character.isDigit(d) ? '0' : Character.toLowerCase(d));
          j++;
        }
        out.add(w.toString());
        i = j;
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out.toArray(new String[0]);
  }
}
