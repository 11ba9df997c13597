package io.fairtender.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The pages of a DOCX where Word's own markup gives them: explicit page breaks ({@code <w:br w:type="page"/>}),
 * {@code <w:pageBreakBefore/>} and the breaks Word recorded when it last laid the document out
 * ({@code <w:lastRenderedPageBreak/>}). The text after each break is found again in the extracted text, in order; a
 * break whose text is not found is skipped, so the pages never cut the text wrongly, at worst they are too few.
 * document.xml is read by {@link WordBreakScan}'s byte scan (Word's own markup), or as XML when it is written otherwise.
 */
final class WordPages {
  /** Characters of the text after a break used to find it again in the extracted text. */
  private static final int ANCHOR = 12;
  /** Largest document.xml read for breaks (larger files keep one page). */
  private static final long MAX_XML = 64L << 20;
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private WordPages() {}

  /** Pages of {@code text} (extracted from {@code docx}); one page when Word gives no breaks or they cannot be placed. */
  static List<Page> pages(byte[] docx, String text) {
    List<String> anchors;
    try {
      anchors = breakAnchors(docx);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return List.of(new Page(1, 0, text.length()));
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    int at = 0;
    for (String a : anchors) {
      int i = text.indexOf(a, at);
      if (i > at) {
        // the page starts at the beginning of the line the anchor stands on when only blank space precedes it there
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        int start = lineStart > at && text.substring(lineStart, i).isBlank() ? lineStart : i;
        starts.add(start);
        at = i + a.length();
      }
    }
    List<Page> pages = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int end = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
      pages.add(new Page(p + 1, starts.get(p), end));
    }
    return pages;
  }

  /** For each page break in document order, the first characters of the text that follows it. */
  static List<String> breakAnchors(byte[] docx) throws IOException, XMLStreamException {
    // the central directory leads straight to document.xml: the parts before it are not inflated to be skipped
    try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
        .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(docx)).get()) {
      org.apache.commons.compress.archivers.zip.ZipArchiveEntry e = zip.getEntry("word/document.xml");
      if (e == null) {
        return List.of();
      }
      List<String> anchors;
      try (InputStream in = zip.getInputStream(e)) {
        anchors = WordBreakScan.anchors(new Bounded(in, MAX_XML), ANCHOR);
      }
      if (anchors != null) {
        return anchors;
      }
      try (InputStream in = zip.getInputStream(e)) {
        return scan(new Bounded(in, MAX_XML)); // markup Word does not write: read it as XML
      }
    }
  }

  /** One configured factory (looking one up costs a service-loader scan); creating readers from it is thread-safe. */
  private static final XMLInputFactory XML = xmlFactory();

  private static XMLInputFactory xmlFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // one event per text node whichever StAX implementation is found (the JDK's splits text at every entity,
    // Woodstox at its buffer's end): the anchor is the start of the whole run, as WordBreakScan reads it
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** The anchors as an XML reader sees them: any namespace prefix, CDATA, any encoding. */
  static List<String> scan(InputStream xml) throws XMLStreamException {
    XMLStreamReader r = XML.createXMLStreamReader(xml);
    List<String> anchors = new ArrayList<>();
    StringBuilder pending = null; // text after the latest break, until ANCHOR characters are collected
    boolean inText = false;
    boolean seenText = false;
    try {
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamReader.START_ELEMENT && W.equals(r.getNamespaceURI())) {
          String n = r.getLocalName();
          boolean pageBreak = n.equals("br") && "page".equals(r.getAttributeValue(W, "type"))
              || n.equals("lastRenderedPageBreak")
              || n.equals("pageBreakBefore") && !"0".equals(r.getAttributeValue(W, "val"))
                  && !"false".equals(r.getAttributeValue(W, "val"));
          if (pageBreak && seenText) {
            if (pending != null && pending.length() > 0) {
              anchors.add(pending.toString());
            }
            pending = new StringBuilder();
          } else if (n.equals("t")) {
            inText = true;
          }
        } else if (ev == XMLStreamReader.END_ELEMENT && W.equals(r.getNamespaceURI()) && r.getLocalName().equals("t")) {
          inText = false;
        } else if (ev == XMLStreamReader.CHARACTERS && inText) {
          String s = r.getText();
          if (!s.isBlank()) {
            seenText = true;
          }
          if (pending != null) {
            // the anchor is taken from one text run only, so no layout space of the extraction separates its chars
            String t = s.strip();
            if (pending.length() == 0 && !t.isEmpty()) {
              pending.append(t, 0, Math.min(ANCHOR, t.length()));
              anchors.add(pending.toString());
              pending = null;
            }
          }
        }
      }
    } finally {
      r.close();
    }
    return anchors;
  }

  /** Stops reading past {@code cap} bytes (a zip bomb's document.xml is not read to its end). */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long cap) {
      this.in = in;
      this.left = cap;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        throw new IOException("document.xml larger than " + MAX_XML + " bytes");
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("document.xml larger than " + MAX_XML + " bytes");
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
