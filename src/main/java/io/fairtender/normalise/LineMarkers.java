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

  public static boolean startsWithMarker(CharSequence line) {
    return MARKER.matcher(line).lookingAt();
  }
}
