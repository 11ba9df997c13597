package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.extract.Ocr;
import io.fairtender.report.Report;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Scanned pages are read by OCR when Tesseract is installed, and reported as unreadable when it is not. */
class OcrTest {
  /** test-docs/03 rendered to 200-dpi images and wrapped into an image-only PDF: a scan with no text layer. */
  static byte[] scanned() throws Exception {
    byte[] pdf = Files.readAllBytes(TestDocsTest.DIR.resolve("03-announcement.pdf"));
    try (PDDocument src = Loader.loadPDF(pdf); PDDocument scan = new PDDocument()) {
      PDFRenderer r = new PDFRenderer(src);
      for (int i = 0; i < src.getNumberOfPages(); i++) {
        BufferedImage img = r.renderImageWithDPI(i, 200, ImageType.GRAY);
        PDPage page = new PDPage(PDRectangle.A4);
        scan.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(scan, img);
        try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
          cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aScannedTenderIsReadByOcrOrPlainlyReportedUnreadable() throws Exception {
    byte[] scan = scanned();
    Checker checker = TestDocsTest.CHECKER;
    if (!Ocr.defaults().available()) {
      CheckException e = assertThrows(CheckException.class,
          () -> checker.check(new DocumentInput(scan, "scan.pdf", null), CheckOptions.defaults()));
      assertEquals(ErrorCode.NO_TEXT_LAYER, e.code());
      assertTrue(e.getMessage().contains("tesseract"), e.getMessage());
      return;
    }
    Report r = checker.check(new DocumentInput(scan, "scan.pdf", null), new CheckOptions(null, true, false));
    assertEquals(List.of(1), r.document().ocrPages());
    assertTrue(r.text().contains("外商投资企业"), r.text());
    List<String> rules = r.findings().stream().filter(f -> f.source().equals("rule")).map(f -> f.ruleId()).toList();
    assertTrue(rules.contains("SME-OWN") && rules.size() >= 2, rules.toString());
    assertEquals("2023-05-08", r.asOf().date(), "the date is read from the scan too");
    // the annotated copy places highlights on OCR word boxes
    List<io.fairtender.report.PdfAnnotator.Mark> marks = new java.util.ArrayList<>();
    io.fairtender.report.PdfAnnotator.annotate(scan, r, false, marks);
    assertEquals(r.findings().size(), marks.size());
    for (io.fairtender.report.PdfAnnotator.Mark m : marks) {
      float[] b = m.boxes().get(0);
      assertTrue(b[2] > b[0] && b[3] > b[1] && b[0] >= 0 && b[3] <= PDRectangle.A4.getHeight(), java.util.Arrays.toString(b));
    }
    // the boxes come from the check: the annotated copy reads nothing again
    CountingOcr counting = new CountingOcr();
    List<io.fairtender.report.PdfAnnotator.Mark> again = new java.util.ArrayList<>();
    io.fairtender.report.PdfAnnotator.annotate(scan, r, false, again, counting, 50, Deadline.none());
    assertEquals(0, counting.calls.get());
    assertEquals(marks.size(), again.size());
    // no longer held: read again, but never beyond the OCR page cap
    io.fairtender.extract.OcrCache.clear();
    again.clear();
    io.fairtender.report.PdfAnnotator.annotate(scan, r, false, again, counting, 0, Deadline.none());
    assertEquals(0, counting.calls.get());
    assertEquals(0, again.size(), "every finding is on the OCR page, which the cap leaves out");
    io.fairtender.report.PdfAnnotator.annotate(scan, r, false, again, counting, 50, Deadline.none());
    assertEquals(1, counting.calls.get());
    assertEquals(marks.size(), again.size());
  }

  /** Counts the pages it reads. */
  private static final class CountingOcr extends Ocr {
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    CountingOcr() {
      super("tesseract", "chi_sim+eng", java.time.Duration.ofSeconds(60), 40_000_000L);
    }

    @Override
    public PageText read(PDDocument doc, int pageIndex, Deadline deadline) {
      calls.incrementAndGet();
      return super.read(doc, pageIndex, deadline);
    }
  }

  @Test
  void ocrPunctuationGoesBackToFullWidthBesideChinese() {
    assertEquals("资格要求：投标人（企业）须提供A:B", Ocr.fullWidthPunctuation("资格要求:投标人(企业)须提供A:B"));
  }
}
