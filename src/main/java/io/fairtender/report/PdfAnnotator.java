package io.fairtender.report;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.extract.Ocr;
import io.fairtender.extract.OcrCache;
import io.fairtender.extract.PdfExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.text.TextPosition;

/**
 * The original PDF with a highlight over each finding's glyphs and a note on it (rule, message, legal basis,
 * suggestion). Glyph boxes come from the same text positions the extraction used, through the findings' page offsets.
 */
public final class PdfAnnotator {
  private PdfAnnotator() {}

  /** A highlight drawn: the finding, its page, and the line boxes it covers (PDF user space: x0, y0, x1, y1). */
  public record Mark(Finding finding, int page, List<float[]> boxes) {}

  public static byte[] annotate(byte[] pdf, Report report, boolean english) {
    return annotate(pdf, report, english, new ArrayList<>());
  }

  /** Annotates and records the marks drawn (for tests). */
  public static byte[] annotate(byte[] pdf, Report report, boolean english, List<Mark> marks) {
    io.fairtender.CheckerConfig defaults = io.fairtender.CheckerConfig.defaults();
    return annotate(pdf, report, english, marks, null, defaults.limits().maxOcrPages(),
        io.fairtender.Deadline.after(defaults.timeLimit()));
  }

  /**
   * Annotates; a page the check read by OCR takes its word boxes from the check ({@link OcrCache}) when they are
   * still held, else it is read again by {@code ocr} (null: the default Tesseract settings), at most
   * {@code maxOcrPages} pages and within {@code deadline}. Findings on OCR pages beyond that cap are not highlighted.
   */
  public static byte[] annotate(byte[] pdf, Report report, boolean english, List<Mark> marks, Ocr ocr, int maxOcrPages,
      Deadline deadline) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.setAllSecurityToBeRemoved(true);
      List<PdfExtractor.PageGlyphs> pages = PdfExtractor.glyphs(doc);
      java.util.Map<Integer, Ocr.PageText> ocrText = ocrPages(doc, report, pages.size(), ocr, maxOcrPages, deadline);
      List<Integer> ocrPages = report.document().ocrPages() == null ? List.of() : report.document().ocrPages();
      for (Finding f : report.findings()) {
        if (f.entry() != null || f.page() < 1 || f.page() > pages.size()) {
          continue;
        }
        List<float[]> boxes;
        if (ocrPages.contains(f.page())) {
          // the page was read by OCR: its word boxes locate the finding
          Ocr.PageText pt = ocrText.get(f.page());
          boxes = pt == null ? List.of() : ocrBoxes(pt, f);
        } else {
          boxes = boxes(doc.getPage(f.page() - 1), pages.get(f.page() - 1), f);
        }
        if (boxes.isEmpty()) {
          continue;
        }
        doc.getPage(f.page() - 1).getAnnotations().add(highlight(doc, f, boxes, english));
        marks.add(new Mark(f, f.page(), boxes));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the PDF cannot be annotated (damaged or malformed)", e);
    }
  }

  /** The OCR text of the OCR pages holding findings: from the check when held, else read again within the cap. */
  private static java.util.Map<Integer, Ocr.PageText> ocrPages(PDDocument doc, Report report, int pageCount, Ocr ocr,
      int maxOcrPages, Deadline deadline) {
    java.util.Map<Integer, Ocr.PageText> out = new java.util.HashMap<>();
    List<Integer> ocrPages = report.document().ocrPages() == null ? List.of() : report.document().ocrPages();
    if (ocrPages.isEmpty()) {
      return out;
    }
    java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
    for (Finding f : report.findings()) {
      if (f.entry() == null && f.page() >= 1 && f.page() <= pageCount && ocrPages.contains(f.page())) {
        wanted.add(f.page());
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int page : wanted) {
      Ocr.PageText held = OcrCache.get(report.document().sha256(), page);
      if (held != null) {
        out.put(page, held);
      } else if (missing.size() < maxOcrPages) {
        missing.add(page - 1);
      }
    }
    if (missing.size() < wanted.size() - out.size()) {
      org.slf4j.LoggerFactory.getLogger(PdfAnnotator.class).warn("annotated copy: {} OCR pages beyond the limit of {} are not highlighted",
          wanted.size() - out.size() - missing.size(), maxOcrPages);
    }
    if (!missing.isEmpty()) {
      Ocr reader = ocr != null ? ocr : Ocr.defaults();
      for (Ocr.PageOutcome o : reader.readAll(doc, missing, deadline)) {
        if (o.text() != null) {
          out.put(o.pageIndex() + 1, o.text());
        }
      }
    }
    return out;
  }

  /** Line boxes from OCR char boxes (already in PDF user space). */
  static List<float[]> ocrBoxes(Ocr.PageText pt, Finding f) {
    String t = pt.text();
    int cpLen = t.codePointCount(0, t.length());
    if (f.pageOffset() < 0 || f.pageOffset() >= cpLen) {
      return List.of();
    }
    int s = t.offsetByCodePoints(0, f.pageOffset());
    int e = t.offsetByCodePoints(s, Math.min(f.end() - f.start(), t.codePointCount(s, t.length())));
    List<float[]> out = new ArrayList<>();
    float[] cur = null;
    for (int i = s; i < e && i < pt.boxes().size(); i++) {
      float[] b = pt.boxes().get(i);
      if (b == null) {
        continue;
      }
      if (cur != null && Math.abs(b[1] - cur[1]) < (cur[3] - cur[1]) * 0.5f) {
        cur[2] = Math.max(cur[2], b[2]);
        cur[3] = Math.max(cur[3], b[3]);
        cur[1] = Math.min(cur[1], b[1]);
      } else {
        cur = b.clone();
        out.add(cur);
      }
    }
    return out;
  }

  /** One box per text line the finding's glyphs stand on, in PDF user space. */
  static List<float[]> boxes(PDPage page, PdfExtractor.PageGlyphs pg, Finding f) {
    String t = pg.text();
    int cpLen = t.codePointCount(0, t.length());
    if (f.pageOffset() < 0 || f.pageOffset() >= cpLen) {
      return List.of();
    }
    int s = t.offsetByCodePoints(0, f.pageOffset());
    int e = t.offsetByCodePoints(s, Math.min(f.end() - f.start(), t.codePointCount(s, t.length())));
    PDRectangle crop = page.getCropBox();
    List<float[]> boxes = new ArrayList<>();
    float[] cur = null;
    float curBase = Float.NaN;
    for (int i = s; i < e && i < pg.glyphs().size(); i++) {
      TextPosition g = pg.glyphs().get(i);
      if (g == null) {
        continue;
      }
      float x0 = g.getXDirAdj() + crop.getLowerLeftX();
      float x1 = x0 + g.getWidthDirAdj();
      float base = g.getYDirAdj();
      float h = Math.max(g.getHeightDir(), g.getFontSizeInPt() * 0.8f);
      float y0 = crop.getUpperRightY() - base - h * 0.25f;
      float y1 = crop.getUpperRightY() - base + h;
      if (cur != null && Math.abs(base - curBase) < h * 0.5f) {
        cur[0] = Math.min(cur[0], x0);
        cur[2] = Math.max(cur[2], x1);
        cur[1] = Math.min(cur[1], y0);
        cur[3] = Math.max(cur[3], y1);
      } else {
        cur = new float[] {x0, y0, x1, y1};
        curBase = base;
        boxes.add(cur);
      }
    }
    return boxes;
  }

  static PDAnnotationHighlight highlight(PDDocument doc, Finding f, List<float[]> boxes, boolean en) {
    PDAnnotationHighlight h = new PDAnnotationHighlight();
    float[] quads = new float[boxes.size() * 8];
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < boxes.size(); i++) {
      float[] b = boxes.get(i);
      float[] q = {b[0], b[3], b[2], b[3], b[0], b[1], b[2], b[1]};
      System.arraycopy(q, 0, quads, i * 8, 8);
      minX = Math.min(minX, b[0]);
      minY = Math.min(minY, b[1]);
      maxX = Math.max(maxX, b[2]);
      maxY = Math.max(maxY, b[3]);
    }
    h.setRectangle(new PDRectangle(minX, minY, maxX - minX, maxY - minY));
    h.setQuadPoints(quads);
    float[] rgb = switch (f.severity()) {
      case "violation" -> new float[] {1f, 0.55f, 0.55f};
      case "risk" -> new float[] {1f, 0.85f, 0.3f};
      default -> new float[] {0.6f, 0.8f, 1f};
    };
    h.setColor(new PDColor(rgb, PDDeviceRGB.INSTANCE));
    h.setTitlePopup("FairTender " + f.ruleId());
    h.setSubject(f.title());
    h.setContents(note(f, en));
    h.setPrinted(true);
    h.constructAppearances(doc);
    return h;
  }

  /** The note: rule, message, legal basis, suggestion. */
  static String note(Finding f, boolean en) {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(f.ruleId()).append("] ").append(f.title()).append('\n').append(f.message()).append('\n');
    if (!f.legalBasis().isEmpty()) {
      sb.append(en ? "Basis: " : "依据：");
      List<String> b = new ArrayList<>();
      for (LegalBasis l : f.legalBasis()) {
        b.add(l.document() + l.article());
      }
      sb.append(String.join("；", b)).append('\n');
    }
    sb.append(en ? "Suggested rewrite: " : "修改建议：").append(f.suggestion());
    return sb.toString();
  }
}
