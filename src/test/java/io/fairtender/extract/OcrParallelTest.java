package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.PrivateTempDir;
import io.fairtender.TestPaths;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages of one scanned document are read by several Tesseract processes at once, with the same result. */
class OcrParallelTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();

  /**
   * An image-only PDF of {@code pages} pages, each the top of a different page of the test documents rendered at
   * 200 dpi (small pages, so that OCR is quick), with no text layer.
   */
  static byte[] scannedStrips(int pages) throws IOException {
    String[] sources = {"01-goods-open-tender.pdf", "02-services-consultation.pdf", "04-inquiry-notice.pdf", "06-scoring-table.pdf"};
    try (PDDocument scan = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        byte[] pdf = Files.readAllBytes(TestPaths.project().resolve("test-docs").resolve(sources[i % sources.length]));
        try (PDDocument src = Loader.loadPDF(pdf)) {
          BufferedImage img = new PDFRenderer(src).renderImageWithDPI(0, 200, ImageType.GRAY);
          BufferedImage strip = img.getSubimage(0, 0, img.getWidth(), img.getHeight() / 4);
          float w = strip.getWidth() * 72f / 200;
          float h = strip.getHeight() * 72f / 200;
          PDPage page = new PDPage(new PDRectangle(w, h));
          scan.addPage(page);
          PDImageXObject x = LosslessFactory.createFromImage(scan, strip);
          try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
            cs.drawImage(x, 0, 0, w, h);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void fourScannedPagesReadWithOneAndTwoWorkersGiveTheSameText() throws IOException {
    assumeTrue(Ocr.defaults().available(), "tesseract not installed");
    byte[] pdf = scannedStrips(4);
    ExtractedText one = new PdfExtractor(100, Ocr.of(40_000_000L, 1)).extract(pdf, Deadline.none());
    Ocr.resetPeakProcesses();
    ExtractedText two = new PdfExtractor(100, Ocr.of(40_000_000L, 2)).extract(pdf, Deadline.none());
    assertTrue(Ocr.peakProcesses() >= 2, "two pages were read at once: " + Ocr.peakProcesses());
    assertEquals(one.text(), two.text());
    assertEquals(one.pages(), two.pages());
    assertEquals(List.of(true, true, true, true), two.pages().stream().map(Page::ocr).toList());
    // pages keep their order: each page's text is its own source's
    List<String> texts = two.pages().stream().map(p -> two.text().substring(p.start(), p.end())).toList();
    for (int i = 0; i < 4; i++) {
      assertTrue(TextQuality.hanCount(texts.get(i)) >= 10, "page " + (i + 1) + ": " + texts.get(i));
      for (int j = i + 1; j < 4; j++) {
        assertNotEquals(texts.get(i), texts.get(j));
      }
    }
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void theProcessNeverRunsMoreTesseractsThanItsSlots() throws Exception {
    assumeTrue(Ocr.defaults().available(), "tesseract not installed");
    byte[] pdf = scannedStrips(2);
    Ocr ocr = Ocr.of(40_000_000L, 2);
    Ocr.resetPeakProcesses();
    ExecutorService checks = Executors.newFixedThreadPool(3);
    try {
      List<Future<ExtractedText>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        results.add(checks.submit(() -> new PdfExtractor(100, ocr).extract(pdf, Deadline.none())));
      }
      for (Future<ExtractedText> r : results) {
        assertEquals(2, r.get().pages().stream().filter(Page::ocr).count());
      }
    } finally {
      checks.shutdownNow();
    }
    assertTrue(Ocr.peakProcesses() <= Ocr.processSlots(),
        "three documents of two pages, two workers each: at most " + Ocr.processSlots() + " at once, saw " + Ocr.peakProcesses());
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void aFailingPageStopsTheOthersAndLeavesNothingBehind() throws IOException {
    byte[] pdf = scannedStrips(3);
    Ocr broken = new Ocr("false", "chi_sim+eng", java.time.Duration.ofSeconds(60), 40_000_000L, 2) {
      @Override
      public boolean available() {
        return true;
      }
    };
    CheckException e = assertThrows(CheckException.class, () -> new PdfExtractor(100, broken).extract(pdf, Deadline.none()));
    assertEquals(ErrorCode.CORRUPT, e.code());
    assertTrue(e.getMessage().startsWith("OCR failed on page "), e.getMessage());
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void workersMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Ocr.of(40_000_000L, 0));
    assertThrows(IllegalArgumentException.class, () -> io.fairtender.CheckerConfig.defaults().withOcrWorkers(0));
    assertEquals(Ocr.cores(), io.fairtender.CheckerConfig.defaults().ocrWorkers());
  }
}
