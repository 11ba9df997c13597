package io.fairtender.server.web;

import io.fairtender.CheckException;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Finding;
import io.fairtender.report.PdfAnnotator;
import io.fairtender.report.Report;
import io.fairtender.report.TextPdfRenderer;
import io.fairtender.report.view.ReportViews;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages shown beside the findings: a PDF's own pages (scanned ones included), and for every other format the
 * extracted text set as A4 pages by {@link TextPdfRenderer}. Highlights are the boxes {@link PdfAnnotator} and
 * {@link TextPdfRenderer} draw, as fractions of the page. A job's pages are held only as long as the job itself.
 */
final class PageImages {
  /** Rendering resolution of page images. */
  static final float DPI = 110;
  private final Map<Object, Pages> held = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * One document's pages.
   *
   * @param kind pdf (the document's own pages) or text (the extracted text set as pages)
   * @param pdf the PDF the images are rendered from
   * @param sizes each page's crop box: lower-left x, lower-left y, width, height
   * @param highlights per finding id: its page and boxes (left, top, width, height as fractions of the page)
   */
  record Pages(String kind, byte[] pdf, List<float[]> sizes, Map<String, Highlight> highlights) {}

  /** A finding's place on a page. */
  record Highlight(int page, List<float[]> boxes) {}

  /** The pages of {@code owner}'s document (computed once, then held while {@code owner} is). */
  Pages of(Object owner, DocumentInput input, Report report, boolean en) {
    synchronized (held) {
      Pages p = held.get(owner);
      if (p != null) {
        return p;
      }
    }
    Pages p = compute(input, report, en);
    held.put(owner, p);
    return p;
  }

  static Pages compute(DocumentInput input, Report report, boolean en) {
    List<PdfAnnotator.Mark> marks = new ArrayList<>();
    boolean pdf = "application/pdf".equals(report.document().mediaType());
    byte[] bytes;
    if (pdf) {
      PdfAnnotator.annotate(input.data(), report, en, marks);
      bytes = input.data();
    } else {
      bytes = TextPdfRenderer.render(report, en, marks);
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      List<float[]> sizes = new ArrayList<>();
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDRectangle c = doc.getPage(i).getCropBox();
        int rot = doc.getPage(i).getRotation();
        sizes.add(new float[] {c.getLowerLeftX(), c.getLowerLeftY(), c.getWidth(), c.getHeight(), rot});
      }
      Map<String, Highlight> highlights = new LinkedHashMap<>();
      for (PdfAnnotator.Mark m : marks) {
        if (m.page() < 1 || m.page() > sizes.size()) {
          continue;
        }
        float[] s = sizes.get(m.page() - 1);
        List<float[]> boxes = new ArrayList<>();
        for (float[] b : m.boxes()) {
          boxes.add(new float[] {(b[0] - s[0]) / s[2], (s[1] + s[3] - b[3]) / s[3], (b[2] - b[0]) / s[2], (b[3] - b[1]) / s[3]});
        }
        highlights.put(ReportViews.findingId(m.finding()), new Highlight(m.page(), boxes));
      }
      return new Pages(pdf ? "pdf" : "text", bytes, sizes, highlights);
    } catch (IOException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the pages cannot be rendered", e);
    }
  }

  /** Page {@code n} (1-based) as a PNG. */
  static byte[] png(Pages p, int n) {
    if (n < 1 || n > p.sizes().size()) {
      throw new CheckException(ErrorCode.NOT_FOUND, "no page " + n + "; the document has " + p.sizes().size());
    }
    try (PDDocument doc = Loader.loadPDF(p.pdf())) {
      BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(n - 1, DPI, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new CheckException(ErrorCode.CORRUPT, "page " + n + " cannot be rendered", e);
    }
  }

  /** The JSON shape the page reads: page count, kind, OCR pages, and each finding's highlight. */
  static Map<String, Object> json(Pages p, Report report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", p.kind());
    out.put("pages", p.sizes().size());
    List<Map<String, Object>> sizes = new ArrayList<>();
    for (float[] s : p.sizes()) {
      sizes.add(Map.of("width", s[2], "height", s[3]));
    }
    out.put("sizes", sizes);
    out.put("ocrPages", report.document().ocrPages() == null ? List.of() : report.document().ocrPages());
    Map<String, Object> hl = new LinkedHashMap<>();
    p.highlights().forEach((id, h) -> hl.put(id, Map.of("page", h.page(), "boxes", h.boxes())));
    // findings without boxes (quoted text not located on the page) still go to their page
    for (Finding f : report.findings()) {
      String id = ReportViews.findingId(f);
      if (!hl.containsKey(id)) {
        hl.put(id, Map.of("page", Math.max(1, Math.min(f.page(), p.sizes().size())), "boxes", List.of()));
      }
    }
    out.put("highlights", hl);
    return out;
  }
}
