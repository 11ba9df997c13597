package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The annotated copy: one highlight per finding, over the quoted glyphs, with the note; checked on rendered pages. */
class PdfAnnotatorTest {
  @Test
  void eachHighlightCoversItsQuotedGlyphs() throws Exception {
    byte[] pdf = Files.readAllBytes(TestPaths.project().resolve("test-docs/01-goods-open-tender.pdf"));
    Checker checker = Checker.create(CheckerConfig.defaults());
    Report report = checker.check(new DocumentInput(pdf, "01.pdf", null), CheckOptions.defaults());
    List<PdfAnnotator.Mark> marks = new ArrayList<>();
    byte[] annotated = PdfAnnotator.annotate(pdf, report, false, marks);
    assertEquals(report.findings().size(), marks.size(), "every finding on a PDF page is highlighted");
    try (PDDocument doc = Loader.loadPDF(annotated)) {
      int highlights = 0;
      for (int p = 0; p < doc.getNumberOfPages(); p++) {
        for (PDAnnotation a : doc.getPage(p).getAnnotations()) {
          if (a instanceof PDAnnotationHighlight h) {
            highlights++;
            assertTrue(h.getContents().contains("修改建议") && h.getContents().contains("依据"), h.getContents());
          }
        }
      }
      assertEquals(marks.size(), highlights);
      PDFRenderer renderer = new PDFRenderer(doc);
      float scale = 2f;
      for (PdfAnnotator.Mark m : marks) {
        var page = doc.getPage(m.page() - 1);
        float height = page.getCropBox().getHeight();
        // the text under the boxes is the quote
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        StringBuilder under = new StringBuilder();
        for (int i = 0; i < m.boxes().size(); i++) {
          float[] b = m.boxes().get(i);
          area.addRegion("r" + i, new java.awt.geom.Rectangle2D.Float(b[0] - 1, height - b[3] - 1, b[2] - b[0] + 2, b[3] - b[1] + 2));
        }
        area.extractRegions(page);
        for (int i = 0; i < m.boxes().size(); i++) {
          under.append(area.getTextForRegion("r" + i));
        }
        String quote = m.finding().quote().replaceAll("\\s", "");
        assertTrue(under.toString().replaceAll("\\s", "").contains(quote), "under the highlight: " + under + " / quote: " + quote);
        // and the rendered page shows the highlight colour there
        BufferedImage img = renderer.renderImageWithDPI(m.page() - 1, 72 * scale);
        float[] b = m.boxes().get(0);
        int tinted = 0;
        int total = 0;
        for (int x = (int) (b[0] * scale) + 1; x < (int) (b[2] * scale) - 1; x += 2) {
          int y = (int) ((height - (b[1] + b[3]) / 2) * scale);
          int rgb = img.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int bl = rgb & 0xff;
          total++;
          if (r > 180 && bl < 200 && (r - bl) > 40) {
            tinted++;
          }
          assertTrue(g >= 0);
        }
        assertTrue(tinted > total / 3, m.finding().ruleId() + ": " + tinted + " of " + total + " pixels tinted");
      }
    }
  }
}
