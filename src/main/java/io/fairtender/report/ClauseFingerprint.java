package io.fairtender.report;

import io.fairtender.normalise.LineMarkers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding's fingerprint for SARIF {@code partialFingerprints}: the rule id and the clause's text, normalised so that
 * the same finding in a revised tender keeps it. Whitespace and line breaks (reflow), punctuation and its width
 * (full-width or ASCII; decimal points and percent signs are kept), clause numbering (renumbered items) and page
 * furniture (page numbers inside a clause that crosses a page) are removed; offsets, page numbers and the text around
 * the clause are never part of it. The same rule on the same clause text twice in one document is told apart by its
 * occurrence (2nd, 3rd ...).
 */
public final class ClauseFingerprint {
  /** The key in {@code partialFingerprints}; a new version gets a new key. */
  public static final String KEY = "fairtenderClause/v1";
  private static final Pattern FURNITURE = Pattern.compile(
      "第\\s*[0-9]+\\s*页(?:\\s*[,，/／]?\\s*共\\s*[0-9]+\\s*页)?"
          + "|共\\s*[0-9]+\\s*页\\s*第\\s*[0-9]+\\s*页"
          + "|(?m)^\\s*[-—–－]+\\s*[0-9]+\\s*[-—–－]+\\s*$"
          + "|(?m)^\\s*[0-9]+\\s*[/／]\\s*[0-9]+\\s*$"
          + "|(?im)^\\s*page\\s+[0-9]+(?:\\s+of\\s+[0-9]+)?\\s*$"
          + "|(?m)^\\s*[0-9]+\\s*$");
  /** Item numbers inside a clause: (1), （二）, ①. */
  private static final Pattern INLINE_NUMBER = Pattern.compile(
      "[(（](?:[0-9０-９]+|[一二三四五六七八九十]+)[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]");

  private ClauseFingerprint() {}

  /** Fingerprints of the findings, in their order; repeats of one rule on one clause text get their occurrence. */
  public static List<String> of(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String text = f.context() != null && !f.context().isBlank() ? f.context() : f.quote() == null ? "" : f.quote();
      String hash = hash(f.ruleId(), normalise(text));
      int n = seen.merge(hash, 1, Integer::sum);
      out.add(n == 1 ? hash : hash + ":" + n);
    }
    return out;
  }

  /** The clause as the fingerprint sees it: no furniture, numbering, whitespace or punctuation; ASCII width. */
  static String normalise(String clause) {
    String s = FURNITURE.matcher(clause).replaceAll("\n");
    StringBuilder lines = new StringBuilder();
    for (String line : s.split("\n")) {
      String rest = line.strip();
      Matcher m = LineMarkers.MARKER.matcher(rest);
      while (m.lookingAt() && m.end() > 0) {
        rest = rest.substring(m.end()).strip();
        m = LineMarkers.MARKER.matcher(rest);
      }
      lines.append(rest).append('\n');
    }
    s = INLINE_NUMBER.matcher(lines).replaceAll("");
    int[] cps = Normalizer.normalize(s, Normalizer.Form.NFKC).codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).toArray();
    StringBuilder out = new StringBuilder(cps.length);
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      // percent signs and decimal points carry meaning: 1.5亿 is not 15亿, 10% is not 10
      boolean decimal = c == '.' && i > 0 && i + 1 < cps.length && Character.isDigit(cps[i - 1])
          && Character.isDigit(cps[i + 1]);
      if (decimal || c == '%' || c == '‰' || !punctuation(c)) {
        out.appendCodePoint(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static boolean punctuation(int c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  private static String hash(String ruleId, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d = sha.digest((ruleId + "\n" + text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
