package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Plain UTF-8 text read without Tika's detector and parser registry (about a second to load): a text file named as
 * such (or unnamed) whose bytes are valid UTF-8 and do not open as markup or JSON. Text without the ASCII delimiters
 * (| tab , ;) by which Tika may read it as a table goes straight to the same {@link StructuredTextHandler} that Tika's
 * text parser feeds; text with them goes through Tika's text-and-CSV parser alone, which decides table or text as it
 * does behind the registry. Either way the text is the one Tika gives. Anything else (GB18030, markup, binary)
 * returns null and goes the Tika way.
 */
final class PlainTextExtractor {
  private final int maxChars;
  private final int maxLines;

  PlainTextExtractor(int maxChars, int maxLines) {
    this.maxChars = maxChars;
    this.maxLines = maxLines;
  }

  /** The text, or null when the document is not plain UTF-8 text named as text. */
  ExtractedText extract(byte[] data, String name, String declaredType, Deadline deadline) {
    if (!namedAsText(name, declaredType)) {
      return null;
    }
    int from = data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF ? 3 : 0;
    int first = from;
    while (first < data.length && (data[first] == ' ' || data[first] == '\n' || data[first] == '\r' || data[first] == '\t')) {
      first++;
    }
    if (first < data.length && (data[first] == '<' || data[first] == '{' || data[first] == '[')) {
      return null; // markup or JSON: Tika (or the JSON reader) tells which
    }
    CharBuffer chars;
    try {
      chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, from, data.length - from));
    } catch (CharacterCodingException e) {
      return null;
    }
    boolean delimited = false;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c == 0) {
        return null; // not text
      }
      delimited |= c == '|' || c == '\t' || c == ',' || c == ';';
    }
    StructuredTextHandler handler = new StructuredTextHandler(maxChars, maxLines, deadline);
    try {
      if (delimited) {
        DelimitedText.parse(data, name, handler); // Tika may read it as CSV/TSV and give table rows: let it decide
      } else {
        handler.startElement("", "body", "body", new AttributesImpl());
        handler.startElement("", "p", "p", new AttributesImpl());
        char[] a = chars.array();
        handler.characters(a, chars.arrayOffset() + chars.position(), chars.remaining());
        handler.endElement("", "p", "p");
        handler.endElement("", "body", "body");
      }
    } catch (SAXException e) {
      if (e.getCause() instanceof CheckException ce) {
        throw ce;
      }
      throw new CheckException(ErrorCode.CORRUPT, "the document cannot be read", e);
    }
    String text = delimited ? handler.text().replace("\r\n", "\n").replace('\r', '\n') : handler.text();
    if (text.isBlank()) {
      throw new CheckException(ErrorCode.EMPTY, "the document contains no text");
    }
    return new ExtractedText(text, List.of(new Page(1, 0, text.length())), MediaTypes.TEXT, false, List.of());
  }

  private static boolean namedAsText(String name, String declaredType) {
    String declared = MediaTypes.base(declaredType);
    if (declared != null && !declared.equals("application/octet-stream") && !declared.equals(MediaTypes.TEXT)) {
      return false;
    }
    if (name == null) {
      return true;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".text") || n.indexOf('.') < 0;
  }
}
