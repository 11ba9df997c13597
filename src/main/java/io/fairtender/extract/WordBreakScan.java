package io.fairtender.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word's page breaks in a document.xml read as bytes, without an XML parser: Word writes its markup with the prefix
 * {@code w:} bound once, on the root element, so the three break markers and the text runs ({@code <w:t>}) are found
 * by their bytes. This gives the anchors of {@link WordPages}' StAX reading (which coalesces each text node into one
 * event, entities decoded, as the scan decodes them) in a fraction of its time. Markup Word does not write (another
 * binding of the namespace, a default namespace, CDATA, a DTD, another encoding, an unknown entity) makes
 * {@link #anchors} answer null, and the caller reads the part with StAX instead.
 */
final class WordBreakScan {
  private static final byte[] XMLNS = "xmlns".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BR = "w:br".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LAST_RENDERED = "w:lastRenderedPageBreak".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BREAK_BEFORE = "w:pageBreakBefore".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] T = "w:t".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final int anchorLength;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  /** The bytes of the current tag or text run (only text that can matter is kept). */
  private byte[] item = new byte[1024];
  private int itemLength;

  private final List<String> anchors = new ArrayList<>();
  private boolean rootSeen;
  private boolean inText;
  private boolean seenText;
  /** A break was seen after some text: the next non-blank text starts a page. */
  private boolean armed;

  private WordBreakScan(InputStream in, int anchorLength) {
    this.in = in;
    this.anchorLength = anchorLength;
  }

  /** For each page break in document order, the first {@code anchorLength} characters after it; null: read it with StAX. */
  static List<String> anchors(InputStream xml, int anchorLength) throws IOException {
    return new WordBreakScan(xml, anchorLength).scan();
  }

  private List<String> scan() throws IOException {
    int b = read();
    if (b != '<' && b != 0xEF) {
      return null; // UTF-16 (a byte-order mark or a zero byte) or leading space: not what Word writes
    }
    if (b == 0xEF && (read() != 0xBB || read() != 0xBF || read() != '<')) {
      return null;
    }
    while (true) {
      if (!markup()) {
        return null;
      }
      if (!text()) {
        return anchors;
      }
    }
  }

  /** Reads one piece of markup after its '<'; false when it is something only an XML parser reads right. */
  private boolean markup() throws IOException {
    itemLength = 0;
    int b = read();
    if (b == '?') {
      return declaration();
    }
    if (b == '!') {
      return comment();
    }
    if (b == '/') {
      readTag();
      if (equalsItem(T)) {
        inText = false;
      }
      return true;
    }
    if (b < 0) {
      return true; // truncated after '<': the text loop ends the scan
    }
    item(b);
    readTag();
    if (!namespacesAreWords()) {
      return false;
    }
    rootSeen = true;
    startElement();
    return true;
  }

  private void startElement() {
    boolean pageBreak = isElement(BR) && "page".equals(attribute("w:type"))
        || isElement(LAST_RENDERED)
        || isElement(BREAK_BEFORE) && !"0".equals(attribute("w:val")) && !"false".equals(attribute("w:val"));
    if (pageBreak && seenText) {
      armed = true;
    } else if (isElement(T) && item[itemLength - 1] != '/') {
      inText = true;
    }
  }

  /**
   * The root element binds {@code w} to Word's namespace, and no element binds it again or binds any other prefix (or
   * the default namespace) to it: then {@code w:} names exactly the elements the StAX reading looks at.
   */
  private boolean namespacesAreWords() {
    if (indexOf(XMLNS, 0) < 0) {
      return rootSeen;
    }
    boolean bound = false;
    for (int at = indexOf(XMLNS, 0); at >= 0; at = indexOf(XMLNS, at + XMLNS.length)) {
      int eq = at + XMLNS.length;
      while (eq < itemLength && item[eq] != '=' && !isSpace(item[eq])) {
        eq++;
      }
      String name = new String(item, at, eq - at, StandardCharsets.US_ASCII);
      String value = attributeAfter(eq);
      boolean word = WordPages.W.equals(value);
      if (name.equals("xmlns:w") && word && !rootSeen) {
        bound = true;
      } else if (name.equals("xmlns:w") || word) {
        return false;
      }
    }
    return rootSeen || bound;
  }

  /** The value of attribute {@code name} of the current tag (entities decoded), or null. */
  private String attribute(String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    for (int at = indexOf(n, 0); at >= 0; at = indexOf(n, at + 1)) {
      int end = at + n.length;
      if (isSpace(item[at - 1]) && end < itemLength && (item[end] == '=' || isSpace(item[end]))) {
        String v = attributeAfter(end);
        return v == null ? null : decodeAll(v);
      }
    }
    return null;
  }

  /** The quoted value after {@code at} (spaces, '=', spaces, quote), undecoded; null when there is none. */
  private String attributeAfter(int at) {
    int i = at;
    while (i < itemLength && (isSpace(item[i]) || item[i] == '=')) {
      i++;
    }
    if (i >= itemLength || item[i] != '"' && item[i] != '\'') {
      return null;
    }
    byte quote = item[i];
    int end = i + 1;
    while (end < itemLength && item[end] != quote) {
      end++;
    }
    return new String(item, i + 1, end - i - 1, StandardCharsets.UTF_8);
  }

  /** Reads the XML declaration; only UTF-8 is read here. */
  private boolean declaration() throws IOException {
    itemLength = 0;
    int b;
    int prev = 0;
    while ((b = read()) >= 0 && !(b == '>' && prev == '?')) {
      item(b);
      prev = b;
    }
    String decl = new String(item, 0, itemLength, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
    int enc = decl.indexOf("encoding");
    return enc < 0 || decl.indexOf("utf-8", enc) > 0;
  }

  /** Skips a comment; a DOCTYPE or CDATA section is left to StAX. */
  private boolean comment() throws IOException {
    if (read() != '-' || read() != '-') {
      return false;
    }
    int dashes = 0;
    int b;
    while ((b = read()) >= 0) {
      if (b == '>' && dashes >= 2) {
        return true;
      }
      dashes = b == '-' ? dashes + 1 : 0;
    }
    return true;
  }

  /** Reads up to the tag's closing '>' (a '>' inside a quoted attribute value does not close it). */
  private void readTag() throws IOException {
    int quote = 0;
    while (pos < limit || fill()) {
      int start = pos;
      while (pos < limit) {
        byte b = buf[pos];
        if (b == quote) {
          quote = 0;
        } else if (quote == 0 && (b == '"' || b == '\'')) {
          quote = b;
        } else if (b == '>' && quote == 0) {
          append(start, pos - start);
          pos++;
          return;
        }
        pos++;
      }
      append(start, pos - start);
    }
  }

  /**
   * The character data up to the next '<'; false at the end of the input. Only text inside {@code <w:t>} that can
   * still matter (no text seen yet, or a break waiting for its anchor) is kept and decoded.
   */
  private boolean text() throws IOException {
    boolean keep = inText && (!seenText || armed);
    itemLength = 0;
    while (true) {
      if (pos == limit && !fill()) {
        if (keep) {
          runs();
        }
        return false;
      }
      if (!keep) {
        int lt = indexOfLt();
        if (lt >= 0) {
          pos = lt + 1;
          itemLength = 0;
          return true;
        }
        pos = limit;
        continue;
      }
      byte b = buf[pos++];
      if (b == '<') {
        runs();
        itemLength = 0;
        return true;
      }
      item(b);
    }
  }

  /** The kept text node, applied as {@link WordPages} applies a text event. */
  private void runs() throws IOException {
    if (itemLength == 0) {
      return;
    }
    String s = decodeAll(utf8(item, itemLength).replace("\r\n", "\n").replace('\r', '\n'));
    if (s == null) {
      throw new IOException("unknown entity in document.xml");
    }
    if (!s.isBlank()) {
      seenText = true;
    }
    if (armed) {
      String t = s.strip();
      if (!t.isEmpty()) {
        anchors.add(t.substring(0, Math.min(anchorLength, t.length())));
        armed = false;
      }
    }
  }

  /** {@code text} with its entity and character references replaced; null when one is not an XML predefined one. */
  static String decodeAll(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int amp;
    while ((amp = text.indexOf('&', from)) >= 0) {
      out.append(text, from, amp);
      int semi = text.indexOf(';', amp);
      String ref = semi < 0 ? null : reference(text.substring(amp + 1, semi));
      if (ref == null) {
        return null;
      }
      out.append(ref);
      from = semi + 1;
    }
    return out.append(text, from, text.length()).toString();
  }

  private static String reference(String name) {
    switch (name) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: break;
    }
    try {
      if (name.startsWith("#x")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      }
      if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** Strict UTF-8: bytes the XML reader would refuse are refused here too. */
  private static String utf8(byte[] bytes, int length) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
  }

  private boolean isElement(byte[] name) {
    if (itemLength < name.length || !Arrays.equals(item, 0, name.length, name, 0, name.length)) {
      return false;
    }
    if (itemLength == name.length) {
      return true;
    }
    byte next = item[name.length];
    return isSpace(next) || next == '/';
  }

  private boolean equalsItem(byte[] name) {
    int end = itemLength;
    while (end > 0 && isSpace(item[end - 1])) {
      end--;
    }
    return end == name.length && Arrays.equals(item, 0, end, name, 0, name.length);
  }

  private int indexOf(byte[] needle, int from) {
    byte first = needle[0];
    for (int i = from, last = itemLength - needle.length; i <= last; i++) {
      if (item[i] == first && Arrays.equals(item, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOfLt() {
    for (int i = pos; i < limit; i++) {
      if (buf[i] == '<') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private void append(int from, int length) {
    if (itemLength + length > item.length) {
      item = Arrays.copyOf(item, Math.max(item.length * 2, itemLength + length));
    }
    System.arraycopy(buf, from, item, itemLength, length);
    itemLength += length;
  }

  private void item(int b) {
    if (itemLength == item.length) {
      item = Arrays.copyOf(item, item.length * 2);
    }
    item[itemLength++] = (byte) b;
  }

  private int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
