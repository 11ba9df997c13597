package io.fairtender.normalise;

import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalises extracted text for the rules, keeping an explicit offset map:
 * full-width forms to ASCII, spaces inside Chinese dropped, PDF layout line breaks joined,
 * and Chinese numerals in numeric contexts rewritten as Arabic digits (三年 → 3年, 伍仟万元 → 5000万元).
 * Thread-safe and stateless.
 */
public final class Normaliser {
  private static final String HARD_END = "。!?;:！？；：";
  /** Chars after a numeral run that make it a number (years, people, money, points...). */
  private static final String NUMERAL_FOLLOW = "年个月日天周人名家项次倍分元万亿%％份台套级岁小平米公位座辆张本册门条章节款层期届类种处所余多次";
  private static final String NUMERAL_PRECEDE = "第近满前";

  public NormalisedText normalise(ExtractedText ex) {
    return normalise(ex, io.fairtender.Deadline.none());
  }

  /** As {@link #normalise(ExtractedText)}, checking the deadline every few thousand lines. */
  public NormalisedText normalise(ExtractedText ex, io.fairtender.Deadline deadline) {
    String src = ex.text();
    TextBuilder out = new TextBuilder(src.length());
    List<int[]> lines = lines(src);
    boolean layout = ex.layoutText() || ex.pages().stream().anyMatch(Page::layout);
    boolean[] join = layout ? layoutJoins(src, lines, ex) : new boolean[lines.size()];
    for (int li = 0; li < lines.size(); li++) {
      if ((li & 0xfff) == 0xfff) {
        deadline.check();
      }
      int[] line = lines.get(li);
      int lineStartLen = out.length();
      appendLine(src, line[0], line[1], out);
      boolean emptyLine = out.length() == lineStartLen;
      if (li == lines.size() - 1) {
        break;
      }
      int nl = line[1]; // index of the '\n'
      if (join[li]) {
        continue;
      }
      if (emptyLine && (out.length() == 0 || out.last() == '\n')) {
        continue; // collapse blank lines
      }
      out.append('\n', nl, nl + 1);
    }
    out.trimTrailingSpaces();
    return out.build(src.length());
  }

  /**
   * A word or phrase as it stands in normalised text (full-width forms folded, Chinese numerals in a numeric context
   * as digits: 三级甲等医院 → 3级甲等医院), for rule data written in a document's own forms. One line; its line
   * breaks and surrounding spaces are not kept.
   */
  public static String word(String w) {
    String line = w.strip().replace('\n', ' ').replace('\r', ' ');
    if (unchanged(line)) {
      return line; // most words: read at start-up for every lexicon word, so without building a text
    }
    TextBuilder out = new TextBuilder(line.length() + 8);
    appendLine(line, 0, line.length(), out);
    out.trimTrailingSpaces();
    return out.build(line.length()).text();
  }

  /** True when no char of {@code s} is one {@link #appendLine} rewrites, drops or may join into a numeral. */
  private static boolean unchanged(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || isSpace(c) || mapChar(c) != c || ChineseNumerals.isNumeralChar(c) || c == '\u00ad'
          || (c >= '\u200b' && c <= '\u200f') || c == '\ufeff' || c == '®' || c == '™' || c == '©' || c == '百') {
        return false;
      }
    }
    return true;
  }

  /** [start, end) of each line, end pointing at the '\n' (or the text end). */
  private static List<int[]> lines(String src) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        lines.add(new int[] {start, i});
        start = i + 1;
      }
    }
    lines.add(new int[] {start, src.length()});
    return lines;
  }

  /**
   * For PDF text: join a line to the next when it fills most of the page width, does not end a sentence,
   * and the next line does not open a heading or an item. Page boundaries join the same way.
   */
  private static boolean[] layoutJoins(String src, List<int[]> lines, ExtractedText ex) {
    boolean[] join = new boolean[lines.size()];
    int[] lens = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      lens[i] = visibleLength(src, lines.get(i)[0], lines.get(i)[1]);
    }
    // typical full line length per page
    int pageIdx = 0;
    List<Page> pages = ex.pages();
    int li = 0;
    while (li < lines.size()) {
      Page page = pages.get(Math.min(pageIdx, pages.size() - 1));
      int first = li;
      while (li < lines.size() && lines.get(li)[0] <= page.end() && (pageIdx == pages.size() - 1 || lines.get(li)[0] < pages.get(pageIdx + 1).start())) {
        li++;
      }
      if (li == first) {
        li++;
      }
      int full = fullWidth(lens, first, li);
      boolean pageLayout = ex.layoutText() || page.layout();
      for (int k = first; k < li && pageLayout; k++) {
        if (k + 1 >= lines.size()) {
          break;
        }
        int next = k + 1;
        while (next < lines.size() && lens[next] == 0 && next - k < 3) {
          next++; // a page break leaves an empty line between pages
        }
        if (next >= lines.size() || lens[k] == 0) {
          continue;
        }
        boolean wide = lens[k] >= Math.max(8, full * 0.75);
        String cur = wide ? src.substring(lines.get(k)[0], lines.get(k)[1]).strip() : "";
        if (cur.isEmpty()) {
          continue; // a short line is never joined (nor one of spaces that strip() removes but lens counts, e.g. U+2003)
        }
        String nxt = src.substring(lines.get(next)[0], lines.get(next)[1]).strip();
        boolean ends = HARD_END.indexOf(cur.charAt(cur.length() - 1)) >= 0;
        // a wrapped table cell continues on the next line; two lines with cell gaps are two rows
        boolean twoRows = cur.indexOf('\t') >= 0 && nxt.indexOf('\t') >= 0;
        // the marker tests (patterns) run last, only for the lines the cheap tests would join
        if (!ends && !twoRows && !(lens[k] <= 30 && LineMarkers.startsWithMarker(cur))
            && !LineMarkers.startsWithMarker(nxt)) {
          for (int j = k; j < next; j++) {
            join[j] = true;
          }
        }
      }
      pageIdx++;
    }
    return join;
  }

  private static int fullWidth(int[] lens, int from, int to) {
    int[] sorted = Arrays.copyOfRange(lens, from, to);
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.floor((sorted.length - 1) * 0.9)];
  }

  /** Length counting a CJK char as 2 and an ASCII char as 1, i.e. roughly its printed width. */
  private static int visibleLength(String src, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\u3000' || c == '\r') {
        continue;
      }
      n += c < 0x2e80 ? 1 : 2;
    }
    return n;
  }

  private static void appendLine(String src, int start, int end, TextBuilder out) {
    int i = start;
    while (i < end) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\u3000' || c == '\u00a0' || c == '\r' || c == '\u2002' || c == '\u2003') {
        int j = i;
        while (j < end && isSpace(src.charAt(j))) {
          j++;
        }
        char prev = out.last();
        char next = j < end ? mapChar(src.charAt(j)) : '\n';
        if (isAsciiWord(prev) && isAsciiWord(next)) {
          out.append(' ', i, j);
        }
        i = j;
        continue;
      }
      if (c == '\t') {
        if (out.last() != '\t' && out.last() != '\n') {
          out.append('\t', i, i + 1);
        }
        i++;
        continue;
      }
      if (c < 0x20 || c == '\u00ad' || (c >= '\u200b' && c <= '\u200f') || c == '\ufeff' || c == '®' || c == '™' || c == '©') {
        i++;
        continue;
      }
      if (ChineseNumerals.isNumeralChar(c)) {
        int consumed = numeral(src, i, end, out);
        if (consumed > 0) {
          i += consumed;
          continue;
        }
      }
      if (c == '百' && src.startsWith("百分之", i)) {
        int consumed = percentWords(src, i, end, out);
        if (consumed > 0) {
          i += consumed;
          continue;
        }
      }
      if (Character.isHighSurrogate(c) && i + 1 < end) {
        out.append(c, i, i + 2);
        out.append(src.charAt(i + 1), i, i + 2);
        i += 2;
        continue;
      }
      out.append(mapChar(c), i, i + 1);
      i++;
    }
    if (out.last() == '\t') {
      // keep row structure, but no trailing tab
      return;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u3000' || c == '\u00a0' || c == '\r' || c == '\u2002' || c == '\u2003';
  }

  private static boolean isAsciiWord(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '%' || c == '.' || c == ')');
  }

  /** Full-width ASCII to ASCII and a few look-alike symbols to one form. */
  static char mapChar(char c) {
    if (c >= '\uff01' && c <= '\uff5e') {
      return (char) (c - 0xfee0);
    }
    switch (c) {
      case '\uffe5': return '¥';
      case '≧': return '≥';
      case '≦': return '≤';
      case '\u2013': case '\u2012': case '\u2212': case '\u2010': case '\u2011': return '-';
      case '﹪': return '%';
      case '\u33a1': return '㎡';
      default: return c;
    }
  }

  /** Rewrites a Chinese numeral run in a numeric context; returns source chars consumed, 0 if left alone. */
  private static int numeral(String src, int i, int end, TextBuilder out) {
    char first = src.charAt(i);
    if (ChineseNumerals.digit(first) < 0 && first != '十' && first != '拾') {
      return 0;
    }
    int j = i;
    while (j < end && ChineseNumerals.isNumeralChar(src.charAt(j))) {
      j++;
    }
    char next = j < end ? src.charAt(j) : '\n';
    char prev = i > 0 ? src.charAt(i - 1) : '\n';
    boolean numericContext = NUMERAL_FOLLOW.indexOf(next) >= 0 || NUMERAL_PRECEDE.indexOf(prev) >= 0;
    if (!numericContext) {
      return 0;
    }
    if (j - i == 1 && first == '十' && next == '分' && j + 1 < end && isHan(src.charAt(j + 1))) {
      return 0; // 十分重要: "very", not ten points
    }
    int runEnd = j;
    char last = src.charAt(j - 1);
    String run = src.substring(i, j);
    boolean keepUnit = j - i > 1 && (last == '亿' || last == '億' || (last == '万' || last == '萬') && run.indexOf('亿') < 0 && run.indexOf('億') < 0);
    if (keepUnit) {
      runEnd = j - 1;
    }
    long v = ChineseNumerals.parse(src.substring(i, runEnd));
    if (v < 0) {
      return 0;
    }
    String digits = digitsOf(src.substring(i, runEnd), v);
    out.append(digits, i, runEnd);
    if (keepUnit) {
      out.append(last == '萬' ? '万' : last == '億' ? '亿' : last, runEnd, j);
    }
    return j - i;
  }

  /** Keeps leading zeros of digit-by-digit runs (〇五 → 05). */
  private static String digitsOf(String run, long v) {
    String s = Long.toString(v);
    boolean hasUnit = false;
    for (int k = 0; k < run.length(); k++) {
      hasUnit |= ChineseNumerals.unit(run.charAt(k)) > 0;
    }
    if (!hasUnit && s.length() < run.length()) {
      return "0".repeat(run.length() - s.length()) + s;
    }
    return s;
  }

  /** 百分之三十 → 30%. */
  private static int percentWords(String src, int i, int end, TextBuilder out) {
    int k = i + 3;
    int j = k;
    while (j < end && ChineseNumerals.isNumeralChar(src.charAt(j))) {
      j++;
    }
    boolean arabic = false;
    if (j == k) {
      while (j < end && (Character.isDigit(src.charAt(j)) || src.charAt(j) == '.')) {
        j++;
      }
      arabic = j > k;
    }
    if (j == k) {
      return 0;
    }
    String num;
    if (arabic) {
      num = src.substring(k, j);
    } else {
      long v = ChineseNumerals.parse(src.substring(k, j));
      if (v < 0) {
        return 0;
      }
      num = Long.toString(v);
    }
    out.append(num, i, j);
    out.append('%', i, j);
    return j - i;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
