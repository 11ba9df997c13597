package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import io.fairtender.report.ReportHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DOCX takes its pages from Word's page breaks, so its findings stand on the pages the PDF of it shows. */
class WordPagesTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());
  private static final Path DOCS = TestPaths.project().resolve("test-docs");

  @Test
  void wordPageBreaksGiveTheFindingsTheirPages() throws Exception {
    CheckOptions options = new CheckOptions(LocalDate.of(2025, 3, 10), false, false);
    Report docx = CHECKER.check(DocumentInput.of(DOCS.resolve("01-goods-open-tender.docx")), options);
    Report pdf = CHECKER.check(DocumentInput.of(DOCS.resolve("01-goods-open-tender.pdf")), options);
    assertEquals(pdf.document().pages(), docx.document().pages(), "two page breaks in the Word file: three pages");
    Map<String, Integer> pdfPages = new HashMap<>();
    for (Finding f : pdf.findings()) {
      pdfPages.put(f.ruleId() + "|" + f.quote(), f.page());
    }
    int compared = 0;
    for (Finding f : docx.findings()) {
      Integer p = pdfPages.get(f.ruleId() + "|" + f.quote());
      if (p != null) {
        assertEquals(p, f.page(), f.ruleId() + " " + f.quote());
        compared++;
      }
    }
    assertTrue(compared >= 5, "findings compared: " + compared);
    assertTrue(docx.findings().stream().anyMatch(f -> f.page() > 1), "not 第1页 for everything");
    // the report names the page and the paragraph
    Finding last = docx.findings().get(docx.findings().size() - 1);
    String html = ReportHtml.render(docx, CHECKER.rules(), false, Map.of());
    assertTrue(html.contains("第" + last.page() + "页 · 第" + last.line() + "段"), html);
  }

  @Test
  void breaksAreReadFromWordMarkupAndPlacedInOrder() throws Exception {
    byte[] docx = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.docx"));
    List<String> anchors = WordPages.breakAnchors(docx);
    assertEquals(List.of("第二章 投标人须知", "第四章 投标文件格式"), anchors);
    String text = "第一章\n甲\n第二章 投标人须知\n乙\n第四章 投标文件格式\n丙";
    List<Page> pages = WordPages.pages(docx, text);
    assertEquals(3, pages.size());
    assertEquals("第二章 投标人须知\n乙\n", text.substring(pages.get(1).start(), pages.get(1).end()));
    // text that does not hold the anchors keeps one page
    assertEquals(List.of(new Page(1, 0, 3)), WordPages.pages(docx, "无分页"));
    assertEquals(List.of(new Page(1, 0, 2)), WordPages.pages("not a zip".getBytes(), "文本"));
  }
}
