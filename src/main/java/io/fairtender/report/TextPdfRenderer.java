package io.fairtender.report;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * For documents that are not PDFs: the extracted text laid out on A4 pages with an embedded CJK font (WenQuanYi Zen
 * Hei, or the .ttc/.ttf named by {@code FAIRTENDER_CJK_FONT}), with the same highlights and notes as the annotated PDF.
 */
public final class TextPdfRenderer {
  private static final float MARGIN = 50;
  private static final float SIZE = 10.5f;
  private static final float LEADING = 16;
  private static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

  private TextPdfRenderer() {}

  /** The font file to embed, or null when none is installed. */
  static File font() {
    String env = System.getenv("FAIRTENDER_CJK_FONT");
    File f = new File(env != null && !env.isBlank() ? env : DEFAULT_FONT);
    return f.isFile() ? f : null;
  }

  public static byte[] render(Report report, boolean english, List<PdfAnnotator.Mark> marks) {
    if (report.text() == null) {
      throw new IllegalArgumentException("the report must carry its text");
    }
    File fontFile = font();
    if (fontFile == null) {
      throw new CheckException(ErrorCode.UNSUPPORTED_FORMAT, "no CJK font to render the annotated copy with: install fonts-wqy-zenhei or set FAIRTENDER_CJK_FONT");
    }
    boolean ttc = fontFile.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
    try (PDDocument doc = new PDDocument(); TrueTypeCollection collection = ttc ? new TrueTypeCollection(fontFile) : null) {
      PDType0Font font = load(doc, fontFile, collection);
      String text = report.text();
      // a box per UTF-16 char: page index and x0, y0, x1, y1
      List<float[]> boxes = new ArrayList<>(text.length());
      List<PDPage> pages = new ArrayList<>();
      PDPage page = null;
      PDPageContentStream cs = null;
      float y = 0;
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      int i = 0;
      try {
        while (i <= text.length()) {
          int nl = text.indexOf('\n', i);
          int end = nl < 0 ? text.length() : nl;
          int k = i;
          do {
            if (page == null || y < MARGIN + LEADING) {
              if (cs != null) {
                cs.close();
              }
              page = new PDPage(PDRectangle.A4);
              doc.addPage(page);
              pages.add(page);
              cs = new PDPageContentStream(doc, page);
              y = PDRectangle.A4.getHeight() - MARGIN;
            }
            float x = MARGIN;
            StringBuilder run = new StringBuilder();
            float runX = x;
            while (k < end) {
              char c = text.charAt(k);
              String glyph = c == '\t' ? " " : String.valueOf(c);
              float w;
              try {
                w = font.getStringWidth(glyph) / 1000 * SIZE;
              } catch (IllegalArgumentException | IOException missing) {
                glyph = "?";
                w = font.getStringWidth(glyph) / 1000 * SIZE;
              }
              if (c == '\t') {
                w = SIZE * 2;
              }
              if (x + w > MARGIN + width && x > MARGIN) {
                break;
              }
              boxes.add(new float[] {pages.size() - 1, x, y - SIZE * 0.25f, x + w, y + SIZE});
              if (c == '\t') {
                show(cs, font, run, runX, y);
                run.setLength(0);
                runX = x + w;
              } else {
                run.append(glyph);
              }
              x += w;
              k++;
            }
            show(cs, font, run, runX, y);
            y -= LEADING;
          } while (k < end);
          if (nl < 0) {
            break;
          }
          boxes.add(null); // the line break
          i = nl + 1;
        }
      } finally {
        if (cs != null) {
          cs.close();
        }
      }
      for (Finding f : report.findings()) {
        int s = text.offsetByCodePoints(0, Math.min(f.start(), text.codePointCount(0, text.length())));
        int e = text.offsetByCodePoints(0, Math.min(f.end(), text.codePointCount(0, text.length())));
        List<float[]> lineBoxes = new ArrayList<>();
        int boxPage = -1;
        float[] cur = null;
        for (int c = s; c < e && c < boxes.size(); c++) {
          float[] b = boxes.get(c);
          if (b == null) {
            continue;
          }
          if (cur != null && b[0] == boxPage && Math.abs(b[2] - cur[1]) < 1) {
            cur[2] = Math.max(cur[2], b[3]);
          } else {
            if (cur != null && boxPage != (int) b[0]) {
              break; // a finding split over two pages is marked on its first page
            }
            boxPage = (int) b[0];
            cur = new float[] {b[1], b[2], b[3], b[4]};
            lineBoxes.add(cur);
          }
        }
        if (!lineBoxes.isEmpty()) {
          pages.get(boxPage).getAnnotations().add(PdfAnnotator.highlight(doc, f, lineBoxes, english));
          marks.add(new PdfAnnotator.Mark(f, boxPage + 1, lineBoxes));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new CheckException(ErrorCode.INTERNAL, "the annotated copy could not be rendered", e);
    }
  }

  private static void show(PDPageContentStream cs, PDType0Font font, StringBuilder run, float x, float y) throws IOException {
    if (run.length() == 0) {
      return;
    }
    cs.beginText();
    cs.setFont(font, SIZE);
    cs.newLineAtOffset(x, y);
    cs.showText(run.toString());
    cs.endText();
  }

  private static PDType0Font load(PDDocument doc, File f, TrueTypeCollection collection) throws IOException {
    if (collection != null) {
      List<TrueTypeFont> fonts = new ArrayList<>();
      collection.processAllFonts(fonts::add);
      return PDType0Font.load(doc, fonts.get(0), true);
    }
    return PDType0Font.load(doc, f);
  }
}
