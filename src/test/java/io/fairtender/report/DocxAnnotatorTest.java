package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlCursor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Word file with comments: each comment's range holds exactly the finding's quote. */
class DocxAnnotatorTest {
  private static Checker checker;

  @BeforeAll
  static void load() {
    checker = Checker.create(CheckerConfig.defaults().withOcr(false));
  }

  @Test
  void everyFindingOfAWordFixtureIsACommentOnItsExactText() throws Exception {
    for (String name : List.of("01-goods-open-tender.docx", "06-scoring-table.docx")) {
      byte[] docx = Files.readAllBytes(TestPaths.project().resolve("test-docs").resolve(name));
      Report report = checker.check(new DocumentInput(docx, name, null), new CheckOptions(null, true, false));
      assertFalse(report.findings().isEmpty(), name);
      List<DocxAnnotator.Placed> placed = new ArrayList<>();
      byte[] out = DocxAnnotator.annotate(docx, report, false, placed);
      long expected = report.findings().stream().filter(f -> f.entry() == null).count();
      assertEquals(expected, placed.size(), name + ": every finding placed");
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
        Map<String, String> anchored = anchoredText(doc);
        for (DocxAnnotator.Placed p : placed) {
          assertEquals(squash(p.finding().quote()), squash(anchored.get(String.valueOf(p.id()))),
              name + " " + p.finding().ruleId());
          XWPFComment c = doc.getDocComments().getCommentByID(String.valueOf(p.id()));
          assertTrue(c.getText().contains(p.finding().ruleId()) && c.getText().contains(p.finding().suggestion()), c.getText());
        }
        String all = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText().replaceAll("\\s", "");
        assertTrue(all.contains(squash(report.findings().get(0).quote())), "the document's own text is kept");
      }
    }
  }

  @Test
  void aRunIsSplitWhereAQuoteStartsAndEndsInsideIt() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("一、申请人的资格要求");
      var run = doc.createParagraph().createRun();
      run.setBold(true);
      run.setText("1.投标人注册资本不低于1000万元，且具有良好的商业信誉。");
      XWPFTable t = doc.createTable(1, 2);
      t.getRow(0).getCell(0).setText("企业规模");
      t.getRow(0).getCell(1).setText("营业收入达到5000万元以上得5分");
      doc.write(buf);
    }
    byte[] docx = buf.toByteArray();
    Report report = checker.check(new DocumentInput(docx, "made.docx", null), new CheckOptions(null, true, false));
    assertTrue(report.findings().size() >= 2, report.findings().toString());
    List<DocxAnnotator.Placed> placed = new ArrayList<>();
    byte[] out = DocxAnnotator.annotate(docx, report, true, placed);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
      Map<String, String> anchored = anchoredText(doc);
      Set<String> quotes = new LinkedHashSet<>();
      for (DocxAnnotator.Placed p : placed) {
        assertEquals(squash(p.finding().quote()), squash(anchored.get(String.valueOf(p.id()))));
        quotes.add(p.finding().quote());
      }
      assertTrue(quotes.stream().anyMatch(q -> q.contains("注册资本")), quotes.toString());
      assertTrue(doc.getParagraphs().get(1).getRuns().stream().filter(r -> !r.text().isEmpty()).allMatch(r -> r.isBold()),
          "split runs keep their format");
      assertEquals("1.投标人注册资本不低于1000万元，且具有良好的商业信誉。", doc.getParagraphs().get(1).getText());
    }
  }

  @Test
  void aDocWithoutDocxIsAnsweredWithADocxOfItsText() throws Exception {
    byte[] txt = Files.readAllBytes(TestPaths.project().resolve("test-docs/01-goods-open-tender.txt"));
    Report report = checker.check(new DocumentInput(txt, "01.txt", null), new CheckOptions(null, true, false));
    byte[] out = DocxAnnotator.fromText(report, false);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
      assertEquals(report.findings().size(), doc.getDocComments().getComments().size());
    }
  }

  /** The text between each comment's range start and end, walking the body's XML in order. */
  static Map<String, String> anchoredText(XWPFDocument doc) {
    Map<String, StringBuilder> open = new HashMap<>();
    Map<String, String> done = new HashMap<>();
    try (XmlCursor c = doc.getDocument().getBody().newCursor()) {
      while (c.hasNextToken()) {
        XmlCursor.TokenType t = c.toNextToken();
        if (t != XmlCursor.TokenType.START) {
          continue;
        }
        String local = c.getName().getLocalPart();
        String id = c.getAttributeText(new javax.xml.namespace.QName(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "id"));
        switch (local) {
          case "commentRangeStart" -> open.put(id, new StringBuilder());
          case "commentRangeEnd" -> done.put(id, open.remove(id).toString());
          case "t" -> {
            String s = c.getTextValue();
            open.values().forEach(b -> b.append(s));
          }
          case "tab" -> open.values().forEach(b -> b.append('\t'));
          default -> { }
        }
      }
    }
    return done;
  }

  private static String squash(String s) {
    return s == null ? null : s.replaceAll("\\s", "");
  }
}
