package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into text that keeps document structure: one line per paragraph or heading, and one
 * line per table row with its cells separated by tabs (paragraphs inside a cell stay on the row's line).
 */
final class StructuredTextHandler extends DefaultHandler {
  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
      "pre", "blockquote", "dt", "dd", "section", "article", "header", "footer", "tr", "caption");
  private final StringBuilder out = new StringBuilder();
  private final int maxChars;
  /** Paragraphs and table rows: more than the segmenter's unit limit is refused here, before it is all held. */
  private final int maxLines;
  private final Deadline deadline;
  private int cellDepth;
  private int skipDepth;
  private boolean inBody;
  private int sinceCheck;
  private int lines;

  StructuredTextHandler(int maxChars, Deadline deadline) {
    this(maxChars, Integer.MAX_VALUE, deadline);
  }

  StructuredTextHandler(int maxChars, int maxLines, Deadline deadline) {
    this.maxChars = maxChars;
    this.maxLines = maxLines;
    this.deadline = deadline;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    String name = name(localName, qName);
    switch (name) {
      case "body" -> inBody = true;
      case "head", "script", "style", "title" -> skipDepth++;
      case "td", "th" -> cellDepth++;
      case "br" -> separator();
      default -> { }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = name(localName, qName);
    switch (name) {
      case "head", "script", "style", "title" -> skipDepth = Math.max(0, skipDepth - 1);
      case "td", "th" -> {
        cellDepth = Math.max(0, cellDepth - 1);
        trimTrailingSpace();
        out.append('\t');
      }
      case "tr" -> {
        while (out.length() > 0 && (out.charAt(out.length() - 1) == '\t' || out.charAt(out.length() - 1) == ' ')) {
          out.setLength(out.length() - 1);
        }
        newline();
      }
      default -> {
        if (BLOCKS.contains(name)) {
          separator();
        }
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (skipDepth > 0 || !inBody && skipDepth == 0 && out.length() == 0 && isBlank(ch, start, length)) {
      return;
    }
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (c == '\n' || c == '\r') {
        separator();
      } else {
        out.append(c == '\t' ? ' ' : c);
      }
    }
    if (out.length() > maxChars) {
      throw new SAXException(new CheckException(ErrorCode.TOO_LARGE, "the document has more than " + maxChars + " characters"));
    }
    sinceCheck += length;
    if (sinceCheck > 4096) {
      sinceCheck = 0;
      try {
        deadline.check();
      } catch (CheckException e) {
        throw new SAXException(e);
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    // layout whitespace between elements carries no text
  }

  /** A paragraph end: a new line, or a space inside a table cell. */
  private void separator() {
    if (cellDepth > 0) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\t') {
        out.append(' ');
      }
    } else {
      newline();
    }
  }

  private void newline() {
    trimTrailingSpace();
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
      if (++lines > maxLines) {
        throw new CheckException(ErrorCode.TOO_LARGE, "the document has more than " + maxLines + " paragraphs");
      }
    }
  }

  private void trimTrailingSpace() {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
  }

  private static boolean isBlank(char[] ch, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (!Character.isWhitespace(ch[i])) {
        return false;
      }
    }
    return true;
  }

  private static String name(String localName, String qName) {
    String n = localName == null || localName.isEmpty() ? qName : localName;
    return n.toLowerCase(java.util.Locale.ROOT);
  }

  String text() {
    return out.toString();
  }
}
