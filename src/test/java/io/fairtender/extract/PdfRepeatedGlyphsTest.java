package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The extractor drops glyphs painted over themselves exactly as PDFBox's own stripper does (it answers the same test
 * from RepeatedGlyphs): same page texts on a fake-bold page and on every PDF of test-docs and, when it is beside the
 * project, of ../shared/corpus.
 */
class PdfRepeatedGlyphsTest {

  @Test
  void fakeBoldTextIsReadOnce() throws IOException {
    try (PDDocument doc = Loader.loadPDF(fakeBold())) {
      String text = PdfExtractor.glyphs(doc).get(0).text();
      assertTrue(text.contains("Bold heading"), text);
      assertEquals(1, text.split("Bold", -1).length - 1, text);
      assertEquals(pdfboxPages(doc), pageTexts(doc));
    }
  }

  @Test
  void sameTextsAsPdfboxOnEveryPdfAtHand() throws IOException {
    List<Path> pdfs = new ArrayList<>();
    for (String dir : new String[] {"test-docs", "../shared/corpus"}) {
      Path root = TestPaths.project().resolve(dir);
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> p.toString().endsWith(".pdf")).sorted().forEach(pdfs::add);
        }
      }
    }
    assertTrue(pdfs.size() >= 10, "PDFs found: " + pdfs);
    for (Path p : pdfs) {
      try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(p))) {
        assertEquals(pdfboxPages(doc), pageTexts(doc), p.toString());
      }
    }
  }

  private static List<String> pageTexts(PDDocument doc) throws IOException {
    return PdfExtractor.glyphs(doc).stream().map(g -> g.text().stripTrailing()).toList();
  }

  /** Each page's text from PDFBox's stripper with the extractor's settings and PDFBox's own repeat test. */
  private static List<String> pdfboxPages(PDDocument doc) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= doc.getNumberOfPages(); i++) {
      PDFTextStripper stripper = new PDFTextStripper();
      PdfExtractor.configure(stripper);
      stripper.setSuppressDuplicateOverlappingText(true);
      stripper.setStartPage(i);
      stripper.setEndPage(i);
      stripper.setPageStart("");
      stripper.setPageEnd("");
      StringWriter w = new StringWriter();
      stripper.writeText(doc, w);
      out.add(w.toString().stripTrailing()); // the page's closing line break is written after endPage
    }
    return out;
  }

  private static byte[] fakeBold() throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        for (float dx : new float[] {0f, 0.3f, 0.6f}) { // the heading painted three times, a fraction of a point apart
          cs.beginText();
          cs.setFont(font, 14);
          cs.newLineAtOffset(72 + dx, 700);
          cs.showText("Bold heading");
          cs.endText();
        }
        cs.beginText();
        cs.setFont(font, 11);
        cs.newLineAtOffset(72, 670);
        cs.showText("Plain body text follows the heading.");
        cs.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
