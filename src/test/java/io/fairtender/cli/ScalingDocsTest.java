package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import io.fairtender.report.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated documents of the scaling bench: their sizes, and that the checker reads the text put in them. */
class ScalingDocsTest {
  private static ScalingText text;
  private static ScalingDocs docs;
  private static Checker checker;

  @BeforeAll
  static void setUp() throws IOException {
    text = ScalingText.fromTestDocs(TestPaths.project().resolve("test-docs"));
    docs = new ScalingDocs(text);
    checker = Checker.create(CheckerConfig.defaults().withOcr(false));
  }

  private static void assertKnownFinding(byte[] data, String name) {
    Report r = checker.check(new DocumentInput(data, name, null), CheckOptions.defaults());
    assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("SME-SCALE-REGCAP")
        && ScalingText.KNOWN_CLAUSE.contains(f.quote())), name + ": " + r.findings());
  }

  @Test
  void numbersVaryFromChapterToChapterSoNoTwoChaptersAreIdentical() {
    assertEquals("投标人注册资本不低于2002万元。", ScalingText.vary(ScalingText.KNOWN_CLAUSE, 3));
    assertEquals(ScalingText.KNOWN_CLAUSE, ScalingText.vary(ScalingText.KNOWN_CLAUSE, 1));
    List<String> lines = text.lines(200_000);
    int second = lines.indexOf("第2章 采购需求（第2部分）");
    assertTrue(second > 0, "a second chapter");
    assertNotEquals(lines.subList(1, 20), lines.subList(second + 1, second + 20));
    assertTrue(lines.size() > 2 * second, "seed lines from test-docs are used: " + second);
  }

  @Test
  void plainTextHasTheSizeAskedForAndItsClauseIsFound() {
    byte[] data = docs.plainText(50_000);
    assertTrue(data.length >= 50_000 && data.length < 50_000 + 1000, "size " + data.length);
    assertTrue(new String(data, StandardCharsets.UTF_8).contains(ScalingText.KNOWN_CLAUSE));
    assertKnownFinding(data, "scaling.txt");
  }

  @Test
  void docxHoldsTheTextAskedForAndItsClauseIsFound() throws IOException {
    byte[] data = docs.docx(50_000);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data));
        XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      String t = ex.getText();
      int bytes = t.getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes >= 49_000 && bytes < 52_000, "text bytes " + bytes);
      assertTrue(t.contains(ScalingText.KNOWN_CLAUSE));
    }
    assertKnownFinding(data, "scaling.docx");
  }

  @Test
  void pdfHasExactlyThePagesAskedForFullOfReadableText() throws IOException {
    byte[] data = docs.pdf(3);
    try (PDDocument pdf = Loader.loadPDF(data)) {
      assertEquals(3, pdf.getNumberOfPages());
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(3);
      stripper.setEndPage(3);
      String last = stripper.getText(pdf);
      assertTrue(last.codePointCount(0, last.length()) > ScalingDocs.LINES_PER_PAGE * 10, "the last page is full: " + last);
      assertTrue(new PDFTextStripper().getText(pdf).contains(ScalingText.KNOWN_CLAUSE));
    }
    assertKnownFinding(data, "scaling.pdf");
  }
}
