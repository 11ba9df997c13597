package io.fairtender.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** In-memory documents of a given size made of {@link ScalingText}: PDF pages, UTF-8 plain text and DOCX. */
final class ScalingDocs {
  static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
  static final int CHARS_PER_LINE = 40;
  static final int LINES_PER_PAGE = 46;
  private static final float SIZE = 10.5f;
  private static final float LEADING = 15.5f;
  private static final float MARGIN = 60;

  private final ScalingText text;

  ScalingDocs(ScalingText text) {
    this.text = text;
  }

  /** UTF-8 plain text of at least {@code bytes} bytes. */
  byte[] plainText(long bytes) {
    return text.utf8Text(bytes).getBytes(StandardCharsets.UTF_8);
  }

  /** A DOCX with one paragraph per line holding at least {@code bytes} bytes of UTF-8 text. */
  byte[] docx(long bytes) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : text.utf8Text(bytes).split("\n")) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** An A4 PDF of exactly {@code pages} full pages of text (the CJK font embedded as a subset). */
  byte[] pdf(int pages) throws IOException {
    File font = new File(FONT);
    if (!font.isFile()) {
      throw new IOException("the CJK font " + FONT + " is not installed (fonts-wqy-zenhei)");
    }
    List<String> rows = wrap(text.lines((long) pages * LINES_PER_PAGE * CHARS_PER_LINE));
    try (TrueTypeCollection ttc = new TrueTypeCollection(font); PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<TrueTypeFont> fonts = new ArrayList<>();
      ttc.processAllFonts(fonts::add);
      PDType0Font f = PDType0Font.load(doc, fonts.get(0), true);
      Map<Integer, Boolean> printable = new HashMap<>();
      int row = 0;
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          float y = PDRectangle.A4.getHeight() - MARGIN;
          for (int l = 0; l < LINES_PER_PAGE && row < rows.size(); l++, row++) {
            cs.beginText();
            cs.setFont(f, SIZE);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(printable(f, rows.get(row), printable));
            cs.endText();
            y -= LEADING;
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Lines cut into rows of at most {@link #CHARS_PER_LINE} code points. */
  private static List<String> wrap(List<String> lines) {
    List<String> rows = new ArrayList<>();
    for (String line : lines) {
      int[] cps = line.replace('\t', ' ').codePoints().toArray();
      for (int i = 0; i < cps.length; i += CHARS_PER_LINE) {
        rows.add(new String(cps, i, Math.min(CHARS_PER_LINE, cps.length - i)));
      }
    }
    return rows;
  }

  /** The row without the characters the font cannot show. */
  private static String printable(PDType0Font f, String row, Map<Integer, Boolean> known) {
    StringBuilder sb = new StringBuilder(row.length());
    row.codePoints().forEach(cp -> {
      if (known.computeIfAbsent(cp, c -> canShow(f, c))) {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static boolean canShow(PDType0Font f, int cp) {
    try {
      f.encode(new String(Character.toChars(cp)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
