package io.fairtender.normalise;

import java.util.regex.Pattern;

/** Recognises the markers that open headings and numbered items (第X章, 一、, （一）, 1., 1.1, 附件N). */
public final class LineMarkers {
  /** A heading or list marker at the start of a line, in raw or normalised text. */
  public static final Pattern MARKER = Pattern.compile(
      "^\\s*(?:"
          + "第[0-9０-９一二三四五六七八九十百零〇两]+[章节部分篇卷编]"
          + "|附件\\s*[0-9０-９一二三四五六七八九十]*"
          + "|附表\\s*[0-9０-９一二三四五六七八九十]*"
          + "|[一二三四五六七八九十]+[、.．]"
          + "|[(（][一二三四五六七八九十]+[)）]"
          + "|[0-9０-９]+(?:[.．][0-9０-９]+)+(?![0-9０-９])[、.．]?"
          + "|[0-9０-９]+[、.．](?![0-9０-９])"
          + "|[(（][0-9０-９]+[)）]"
          + "|[0-9０-９]+[)）]"
          + "|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
          + "|[★▲●■◆※*•·]"
          + ")");

  private LineMarkers() {}

  /** The chars a marker can open with (after leading whitespace): every alternative of {@link #MARKER} starts with one. */
  private static final String OPENERS = "第附一二三四五六七八九十(（0123456789０１２３４５６７８９"
      + "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳★▲●■◆※*•·";

  /**
   * Whether {@code line} opens with a marker. Asked of nearly every line, and most lines open with an ordinary char:
   * those are answered from their first char without running the pattern.
   */
  public static boolean startsWithMarker(CharSequence line) {
    int i = 0;
    while (i < line.length() && isRegexSpace(line.charAt(i))) {
      i++;
    }
    if (i == line.length() || OPENERS.indexOf(line.charAt(i)) < 0) {
      return false;
    }
    return MARKER.matcher(line).lookingAt();
  }

  /** The chars {@code \s} matches (the pattern is not compiled with UNICODE_CHARACTER_CLASS). */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
