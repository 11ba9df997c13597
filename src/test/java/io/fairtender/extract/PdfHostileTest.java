package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.PrivateTempDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PDFs built to hurt: page-tree loops, a page tree nested 50,000 deep, a huge image, thousands of blank pages. */
class PdfHostileTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();

  private static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";

  static byte[] pageTreeLoop() {
    return RawPdf.build(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 4 >>", PAGE));
  }

  static byte[] pageTreeSelfLoop() {
    return RawPdf.build(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"));
  }

  /** Pages nodes nested {@code depth} levels, one page at the bottom. */
  static byte[] deepPageTree(int depth) {
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    for (int i = 0; i < depth; i++) {
      int self = i + 2;
      String parent = i == 0 ? "" : " /Parent " + (self - 1) + " 0 R";
      objects.add("<< /Type /Pages" + parent + " /Kids [" + (self + 1) + " 0 R] /Count 1 >>");
    }
    objects.add("<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 612 792] >>");
    return RawPdf.build(objects);
  }

  @Test
  void pageTreeLoopsAndDeepTreesAreCorruptNotInternalErrors() {
    PdfExtractor pdf = new PdfExtractor(3000, null);
    for (byte[] bad : List.of(pageTreeLoop(), pageTreeSelfLoop(), deepPageTree(50_000))) {
      CheckException e = assertThrows(CheckException.class, () -> pdf.extract(bad, Deadline.none()));
      assertTrue(e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.EMPTY || e.code() == ErrorCode.NO_TEXT_LAYER,
          e.code() + " " + e.getMessage());
      assertFalse(e.getMessage().matches("(?s).*\\b(java|org)\\.[a-z]+\\..*"), e.getMessage());
    }
  }

  /** One letter-size page showing a {@code size}×{@code size} grey image that compresses to almost nothing. */
  static byte[] hugeImagePdf(int size) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
        byte[] row = new byte[size];
        java.util.Arrays.fill(row, (byte) 0xff);
        for (int y = 0; y < size; y++) {
          os.write(row);
        }
      }
      stream.setItem(COSName.TYPE, COSName.XOBJECT);
      stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
      stream.setInt(COSName.WIDTH, size);
      stream.setInt(COSName.HEIGHT, size);
      stream.setInt(COSName.BITS_PER_COMPONENT, 8);
      stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
      PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(image, 0, 0, 612, 792);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] blankPages(int n, int drawnWithoutText) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < n; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        if (i < drawnWithoutText) {
          try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.addRect(100, 100, 50, 50);
            cs.fill();
          }
        } else if (i % 2 == 0) {
          try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.setLineWidth(2); // state only, nothing painted
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void pagesAreInspectedWithoutDecoding() throws IOException {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(hugeImagePdf(3000))) {
      assertEquals(PageInspector.Kind.TOO_LARGE, PageInspector.inspect(doc.getPage(0), 1_000_000));
      assertEquals(PageInspector.Kind.DRAWN, PageInspector.inspect(doc.getPage(0), 10_000_000));
    }
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(blankPages(3, 1))) {
      assertEquals(PageInspector.Kind.DRAWN, PageInspector.inspect(doc.getPage(0), 1_000_000));
      assertEquals(PageInspector.Kind.BLANK, PageInspector.inspect(doc.getPage(1), 1_000_000));
      assertEquals(PageInspector.Kind.BLANK, PageInspector.inspect(doc.getPage(2), 1_000_000));
    }
  }

  @Test
  void renderingResolutionIsLoweredToFitThePixelBudget() {
    Ocr ocr = Ocr.withMaxPagePixels(40_000_000L);
    assertEquals(300f, ocr.dpiFor(595, 842), 0.01f, "A4 at 300 dpi is 8.7 million pixels");
    float dpi = ocr.dpiFor(5000, 5000);
    assertTrue(dpi < 300f && dpi > 80f, "a 1.76 m square page is read at a lower resolution: " + dpi);
    assertTrue(Math.pow(5000 / 72.0 * dpi, 2) <= 40_000_001L);
  }

  @Test
  void aHugeImageIsNotRenderedForOcr() throws IOException {
    Ocr ocr = Ocr.defaults();
    assumeTrue(ocr.available(), "tesseract not installed");
    byte[] pdf = hugeImagePdf(20_000); // 400 million pixels: gigabytes once decoded
    assertTrue(pdf.length < 2_000_000, "small file: " + pdf.length);
    long t0 = System.nanoTime();
    CheckException e = assertThrows(CheckException.class, () -> new PdfExtractor(100, ocr).extract(pdf, Deadline.none()));
    assertEquals(ErrorCode.NO_TEXT_LAYER, e.code());
    assertTrue(e.getMessage().contains("pixel budget"), e.getMessage());
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused without rendering");
    // beside readable pages, the page is skipped and reported
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
        java.nio.file.Files.readAllBytes(io.fairtender.TestPaths.project().resolve("test-docs/01-goods-open-tender.pdf")));
        PDDocument huge = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.importPage(huge.getPage(0));
      doc.save(out);
      ExtractedText t = new PdfExtractor(100, ocr).extract(out.toByteArray(), Deadline.none());
      assertEquals(List.of("PAGE_TOO_LARGE"), t.warnings().stream().map(ExtractionWarning::code).filter(c -> c.startsWith("PAGE")).toList());
      assertEquals(4, t.warnings().stream().filter(w -> w.code().equals("PAGE_TOO_LARGE")).findFirst().orElseThrow().page());
    }
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void blankPagesAreNotSentToOcrAndOcrStopsAtItsPageLimit() throws IOException {
    Ocr ocr = Ocr.defaults();
    assumeTrue(ocr.available(), "tesseract not installed");
    long t0 = System.nanoTime();
    CheckException e = assertThrows(CheckException.class,
        () -> new PdfExtractor(5000, ocr).extract(blankPages(2900, 0), Deadline.none()));
    assertEquals(ErrorCode.NO_TEXT_LAYER, e.code());
    assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "2,900 blank pages without OCR");
    // three drawn pages without text and a limit of one page: one OCR run, the rest reported
    CountingOcr counting = new CountingOcr();
    assertThrows(CheckException.class, () -> new PdfExtractor(100, counting, 1).extract(blankPages(5, 3), Deadline.none()));
    assertEquals(1, counting.calls);
    assertEquals(List.of(), temp.leftovers());
  }

  /** Counts pages sent to OCR and reads nothing. */
  private static final class CountingOcr extends Ocr {
    int calls;

    CountingOcr() {
      super("tesseract", "chi_sim+eng", java.time.Duration.ofSeconds(60), 40_000_000L);
    }

    @Override
    public PageText read(PDDocument doc, int pageIndex, Deadline deadline) {
      calls++;
      return new PageText("", List.of());
    }
  }
}
