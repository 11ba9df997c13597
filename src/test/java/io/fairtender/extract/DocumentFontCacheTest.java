package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;

class DocumentFontCacheTest {
  /** Two pages drawing with one font object, saved and loaded again so the font is an indirect object. */
  private static byte[] twoPagesOneFont() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < 2; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 12);
          cs.newLineAtOffset(72, 700);
          cs.showText("page " + (i + 1));
          cs.endText();
        }
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static PDFont fontAfterPageDone(PDDocument doc) throws Exception {
    PDPage first = doc.getPage(0);
    COSName name = first.getResources().getFontNames().iterator().next();
    PDFont before = first.getResources().getFont(name);
    first.removePageResourceFromCache(); // what PDFTextStripper does when a page is done
    PDFont after = doc.getPage(1).getResources().getFont(name);
    assertTrue(before != null && after != null);
    return before == after ? before : null;
  }

  @Test
  void aFontSharedByPagesIsParsedOnceNotOncePerPage() throws Exception {
    byte[] pdf = twoPagesOneFont();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.setResourceCache(new DocumentFontCache());
      assertSame(doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next()),
          fontAfterPageDone(doc), "the second page reuses the first page's font");
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.setResourceCache(new DefaultResourceCache());
      assertSame(null, fontAfterPageDone(doc), "PDFBox's own cache parses it again (what this class avoids)");
    }
  }

  @Test
  void theExtractorLoadsDocumentsWithThisCache() throws Exception {
    // that the page texts stay those of PDFBox's own stripper is PdfRepeatedGlyphsTest's comparison on every PDF
    try (PDDocument doc = PdfExtractor.load(twoPagesOneFont())) {
      assertTrue(doc.getResourceCache() instanceof DocumentFontCache);
    }
  }
}
