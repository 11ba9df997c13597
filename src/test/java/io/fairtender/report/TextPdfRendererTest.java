package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** Non-PDF documents get a PDF rendering of their text with the same highlights, each over its quoted text. */
class TextPdfRendererTest {
  @Test
  void highlightsCoverTheQuotedTextOfADocx() throws Exception {
    Checker checker = Checker.create(CheckerConfig.defaults());
    Report r = checker.check(DocumentInput.of(TestPaths.project().resolve("test-docs/06-scoring-table.docx")),
        new CheckOptions(null, true, false));
    List<PdfAnnotator.Mark> marks = new ArrayList<>();
    if (TextPdfRenderer.font() == null) {
      CheckException e = assertThrows(CheckException.class, () -> TextPdfRenderer.render(r, false, marks));
      assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
      return;
    }
    byte[] pdf = TextPdfRenderer.render(r, false, marks);
    assertEquals(r.findings().size(), marks.size());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PdfAnnotator.Mark m : marks) {
        var page = doc.getPage(m.page() - 1);
        float h = page.getCropBox().getHeight();
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        StringBuilder under = new StringBuilder();
        for (int i = 0; i < m.boxes().size(); i++) {
          float[] b = m.boxes().get(i);
          area.addRegion("r" + i, new java.awt.geom.Rectangle2D.Float(b[0], h - b[3], b[2] - b[0], b[3] - b[1]));
        }
        area.extractRegions(page);
        for (int i = 0; i < m.boxes().size(); i++) {
          under.append(area.getTextForRegion("r" + i));
        }
        assertEquals(m.finding().quote().replaceAll("\\s", ""), under.toString().replaceAll("\\s", ""));
      }
      assertTrue(doc.getPage(0).getAnnotations().size() >= 5);
    }
  }
}
