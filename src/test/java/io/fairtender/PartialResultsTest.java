package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.extract.Ocr;
import io.fairtender.report.ProcessingError;
import io.fairtender.report.Report;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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

/** When the time limit comes in the middle of a long scan, the pages read are checked and the rest are listed. */
public class PartialResultsTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();

  /** test-docs/01 (three pages with a text layer) followed by {@code scans} image-only pages. */
  public static byte[] textThenScans(int scans) throws Exception {
    byte[] pdf = Files.readAllBytes(TestDocsTest.DIR.resolve("01-goods-open-tender.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 72, ImageType.GRAY);
      for (int i = 0; i < scans; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** An OCR that takes {@code millis} per page and reads the same sentence on every page. */
  static final class SlowOcr extends Ocr {
    final long millis;
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();

    SlowOcr(long millis, int workers) {
      super("fake-tesseract", "chi_sim", Duration.ofSeconds(60), 40_000_000L, workers);
      this.millis = millis;
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public PageText read(PDDocument doc, int pageIndex, Deadline deadline) {
      started.incrementAndGet();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CheckException(ErrorCode.TIME_LIMIT, "OCR was interrupted");
      }
      finished.incrementAndGet();
      String text = "第" + (pageIndex + 1) + "页：供应商须提供近三年财务审计报告，并承诺按期履约。";
      List<float[]> boxes = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        boxes.add(new float[] {i, 0, i + 1, 1});
      }
      return new PageText(text, boxes);
    }
  }

  @Test
  void theTimeLimitInTheMiddleOfOcrKeepsThePagesReadAndListsTheRest() throws Exception {
    int scans = 30;
    byte[] pdf = textThenScans(scans);
    SlowOcr ocr = new SlowOcr(500, 2);
    Checker checker = Checker.withOcr(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF)
        .withTimeLimit(Duration.ofSeconds(4)), ocr);
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    long t0 = System.nanoTime();
    Report r = checker.check(new DocumentInput(pdf, "long-scan.pdf", null), CheckOptions.defaults(),
        (stage, page, pages, ocrPages) -> seen.add(stage.id() + " " + page + "/" + pages + " ocr=" + ocrPages));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 4000, "the report came within the limit: " + ms + " ms");

    assertEquals(3 + scans, r.document().pages());
    List<Integer> ocrPages = r.document().ocrPages();
    assertFalse(ocrPages.isEmpty(), "some scanned pages were read before the limit");
    assertTrue(ocrPages.size() < scans, "not all: " + ocrPages);
    assertEquals(ocr.finished.get(), ocrPages.size(), "every page OCR finished is in the report");
    assertTrue(r.findings().stream().anyMatch(f -> f.page() >= 1 && f.page() <= 3), "the text pages were checked");

    Set<Integer> listed = new TreeSet<>();
    for (ProcessingError e : r.processingErrors()) {
      if (e.code().equals("TIME_LIMIT")) {
        assertTrue(e.message().startsWith("已到处理时限：第"), e.message());
        String range = e.message().replaceAll("[^0-9–]", "");
        String[] ends = range.split("–");
        int first = Integer.parseInt(ends[0]);
        int last = Integer.parseInt(ends[ends.length - 1]);
        assertEquals(first, e.page());
        for (int p = first; p <= last; p++) {
          listed.add(p);
        }
      }
    }
    Set<Integer> expected = new TreeSet<>();
    for (int p = 4; p <= 3 + scans; p++) {
      if (!ocrPages.contains(p)) {
        expected.add(p);
      }
    }
    assertEquals(expected, listed, "exactly the pages not read are listed as not checked");
    assertFalse(r.processingErrors().stream().anyMatch(e -> e.code().equals("NO_TEXT_LAYER")),
        "unread pages are listed once, as not read in time: " + r.processingErrors());

    List<String> s = new ArrayList<>(seen);
    assertTrue(s.contains("extract 3/" + (3 + scans) + " ocr=0"), s.toString());
    assertTrue(s.contains("ocr 1/" + scans + " ocr=1"), s.toString());
    String last = s.get(s.size() - 1);
    assertEquals("report " + (3 + ocrPages.size()) + "/" + (3 + scans) + " ocr=" + ocrPages.size(), last);
  }

  @Test
  void theLimitBeforeAnyPageIsReadStillFailsTheDocument() throws Exception {
    byte[] pdf = textThenScans(4);
    // every page is a scan here: the first page (a text page) is dropped
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int i = 0; i < 3; i++) {
        doc.removePage(0);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    Checker checker = Checker.withOcr(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF)
        .withTimeLimit(Duration.ofSeconds(2)), new SlowOcr(5000, 2));
    byte[] scanOnly = pdf;
    CheckException e = org.junit.jupiter.api.Assertions.assertThrows(CheckException.class,
        () -> checker.check(new DocumentInput(scanOnly, "scan.pdf", null), CheckOptions.defaults()));
    assertEquals(ErrorCode.TIME_LIMIT, e.code());
  }
}
