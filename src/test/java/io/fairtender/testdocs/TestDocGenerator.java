package io.fairtender.testdocs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Renders every {@code test-docs/src/*.md} as PDF (WenQuanYi Zen Hei embedded), DOCX, HTML and GB18030 text,
 * and writes the expected findings beside them. Rerun after editing a source:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.fairtender.testdocs.TestDocGenerator}
 * (needs {@code fonts-wqy-zenhei}).
 */
public final class TestDocGenerator {
  static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
  private static final float MARGIN = 56;
  private static final float SIZE = 10.5f;
  private static final float LEADING = 16;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "test-docs");
    try (Stream<Path> files = Files.list(dir.resolve("src"))) {
      for (Path src : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        TestDocSource doc = TestDocSource.read(src);
        writePdf(doc, dir.resolve(doc.name() + ".pdf"));
        writeDocx(doc, dir.resolve(doc.name() + ".docx"));
        writeHtml(doc, dir.resolve(doc.name() + ".html"));
        writeText(doc, dir.resolve(doc.name() + ".txt"), Charset.forName("GB18030"));
        writeExpected(doc, dir.resolve(doc.name() + ".expected.tsv"));
        if (doc.name().startsWith("03-")) {
          writeOfd(doc, dir.resolve(doc.name() + ".ofd"));
        }
        System.out.println("wrote " + doc.name() + ".{pdf,docx,html,txt,expected.tsv}");
      }
    }
  }

  /** OFD with ofdrw's layout module: one paragraph per block (table rows as tab-separated lines). */
  static void writeOfd(TestDocSource doc, Path out) throws IOException {
    try (org.ofdrw.layout.OFDDoc ofd = new org.ofdrw.layout.OFDDoc(out)) {
      for (TestDocSource.Block b : doc.blocks()) {
        if (b.kind() != TestDocSource.Kind.PAGE_BREAK) {
          ofd.add(new org.ofdrw.layout.element.Paragraph(b.text().replace('\t', ' '), 3.5d));
        }
      }
    }
  }

  static void writeExpected(TestDocSource doc, Path out) throws IOException {
    StringBuilder sb = new StringBuilder("# ruleId\tquote (generated from the ⟦RULE|clause⟧ marks in src/" + doc.name() + ".md)\n");
    for (TestDocSource.Expected e : doc.expected()) {
      sb.append(e.ruleId()).append('\t').append(e.quote()).append('\n');
    }
    Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
  }

  static void writeText(TestDocSource doc, Path out, Charset cs) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (TestDocSource.Block b : doc.blocks()) {
      if (b.kind() != TestDocSource.Kind.PAGE_BREAK) {
        sb.append(b.text()).append("\r\n");
      }
    }
    Files.write(out, sb.toString().getBytes(cs));
  }

  static void writeHtml(TestDocSource doc, Path out) throws IOException {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(doc.blocks().get(0).text())).append("</title></head><body>\n");
    boolean inTable = false;
    for (TestDocSource.Block b : doc.blocks()) {
      if (b.kind() != TestDocSource.Kind.ROW && inTable) {
        sb.append("</table>\n");
        inTable = false;
      }
      switch (b.kind()) {
        case HEADING -> sb.append("<h2>").append(esc(b.text())).append("</h2>\n");
        case PARAGRAPH -> sb.append("<p>").append(esc(b.text())).append("</p>\n");
        case PAGE_BREAK -> sb.append("<div style=\"page-break-before:always\"></div>\n");
        case ROW -> {
          if (!inTable) {
            sb.append("<table border=\"1\">\n");
            inTable = true;
          }
          sb.append("<tr>");
          for (String c : b.cells()) {
            sb.append("<td>").append(esc(c)).append("</td>");
          }
          sb.append("</tr>\n");
        }
        default -> { }
      }
    }
    if (inTable) {
      sb.append("</table>\n");
    }
    sb.append("</body></html>\n");
    Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static void writeDocx(TestDocSource doc, Path out) throws IOException {
    try (XWPFDocument d = new XWPFDocument(); OutputStream os = Files.newOutputStream(out)) {
      XWPFTable table = null;
      for (TestDocSource.Block b : doc.blocks()) {
        if (b.kind() != TestDocSource.Kind.ROW) {
          table = null;
        }
        switch (b.kind()) {
          case HEADING -> {
            XWPFRun r = d.createParagraph().createRun();
            r.setBold(true);
            r.setText(b.text());
          }
          case PARAGRAPH -> d.createParagraph().createRun().setText(b.text());
          case PAGE_BREAK -> d.createParagraph().createRun().addBreak(BreakType.PAGE);
          case ROW -> {
            XWPFTableRow row;
            if (table == null) {
              table = d.createTable(1, b.cells().size());
              row = table.getRow(0);
            } else {
              row = table.createRow();
            }
            for (int i = 0; i < b.cells().size(); i++) {
              XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
              p.createRun().setText(b.cells().get(i));
            }
          }
          default -> { }
        }
      }
      d.write(os);
    }
  }

  static void writePdf(TestDocSource doc, Path out) throws IOException {
    try (PDDocument pdf = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile())) {
      TrueTypeFont ttf = ttc.getFontByName("WenQuanYiZenHei");
      PDType0Font font = PDType0Font.load(pdf, ttf, true);
      PdfWriter w = new PdfWriter(pdf, font);
      for (TestDocSource.Block b : doc.blocks()) {
        switch (b.kind()) {
          case HEADING -> w.paragraph(b.text(), 0);
          case PARAGRAPH -> w.paragraph(b.text(), 0);
          case PAGE_BREAK -> w.newPage();
          case ROW -> w.row(b.cells());
          default -> { }
        }
      }
      w.close();
      pdf.save(out.toFile());
    }
  }

  /** Lays text out on A4 pages, wrapping Chinese anywhere. */
  private static final class PdfWriter {
    private final PDDocument pdf;
    private final PDType0Font font;
    private PDPageContentStream cs;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    PdfWriter(PDDocument pdf, PDType0Font font) throws IOException {
      this.pdf = pdf;
      this.font = font;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      cs = new PDPageContentStream(pdf, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    void paragraph(String text, float indent) throws IOException {
      for (String line : wrap(text, width - indent)) {
        ensure(LEADING);
        show(line, MARGIN + indent, y);
        y -= LEADING;
      }
    }

    void row(List<String> cells) throws IOException {
      float[] frac = cells.size() == 3 ? new float[] {0.18f, 0.72f, 0.10f} : equal(cells.size());
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < cells.size(); i++) {
        List<String> w = wrap(cells.get(i), width * frac[i] - 8);
        wrapped.add(w);
        lines = Math.max(lines, w.size());
      }
      ensure(lines * LEADING);
      float x = MARGIN;
      for (int i = 0; i < cells.size(); i++) {
        for (int l = 0; l < wrapped.get(i).size(); l++) {
          show(wrapped.get(i).get(l), x, y - l * LEADING);
        }
        x += width * frac[i];
      }
      y -= lines * LEADING;
    }

    private static float[] equal(int n) {
      float[] f = new float[n];
      java.util.Arrays.fill(f, 1f / n);
      return f;
    }

    private void ensure(float h) throws IOException {
      if (y - h < MARGIN) {
        newPage();
      }
    }

    private void show(String s, float x, float yy) throws IOException {
      if (s.isEmpty()) {
        return;
      }
      cs.beginText();
      cs.setFont(font, SIZE);
      cs.newLineAtOffset(x, yy);
      cs.showText(s);
      cs.endText();
    }

    private List<String> wrap(String text, float max) throws IOException {
      List<String> out = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        line.append(text.charAt(i));
        if (font.getStringWidth(line.toString()) / 1000 * SIZE > max) {
          line.setLength(line.length() - 1);
          out.add(line.toString());
          line.setLength(0);
          line.append(text.charAt(i));
        }
      }
      out.add(line.toString());
      return out;
    }
  }
}
