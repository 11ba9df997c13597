package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import io.fairtender.report.view.ReportViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The structure of the HTML report: verdict first, one article per clause and rule, policy table, marks, OCR notice. */
class ReportHtmlTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  private static Report check(String name) throws Exception {
    return CHECKER.check(DocumentInput.of(DOCS.resolve(name)), new CheckOptions(LocalDate.of(2025, 3, 10), false, false));
  }

  @Test
  void verdictComesFirstAndCountsProblems() throws Exception {
    Report r = check("01-goods-open-tender.pdf");
    Document d = Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), false, Map.of()));
    Element section = d.selectFirst("section.report");
    assertNotNull(section);
    // the verdict is the first thing after the title
    Element verdict = section.child(1);
    assertTrue(verdict.hasClass("verdict"), verdict.outerHtml());
    assertEquals("false", verdict.attr("data-publishable"));
    assertTrue(verdict.text().startsWith("不能直接发布"), verdict.text());
    int articles = d.select("article.finding").size();
    int violations = d.select("article.finding[data-severity=violation]").size();
    assertEquals(String.valueOf(violations), verdict.selectFirst(".count-violation b").text());
    assertTrue(verdict.text().contains(violations + "个违法问题"), verdict.text());
    assertEquals("问题（" + articles + "）", d.select("h2").get(0).text());
    for (Element a : d.select("article.finding")) {
      assertFalse(a.select("blockquote.clause mark").isEmpty(), "the quote is highlighted in its clause");
      assertFalse(a.select("dd.why").text().isBlank());
      assertFalse(a.select("dd.suggestion").text().isBlank());
      assertTrue(a.selectFirst("a.rule-link").attr("href").matches("/v1/rules/[A-Z0-9-]+/doc"));
    }
  }

  @Test
  void findingsOfOneRuleInOneClauseAreOneProblemWithItsPlaces() throws Exception {
    String text = "一、投标人资格要求\n1.投标人须为国有企业或事业单位，不接受民营企业投标。\n"
        + "二、技术要求\n2.投标产品须为华为、联想、戴尔品牌，并提供原厂授权书；注册资本不低于5000万元，成立不少于五年。\n";
    Report r = CHECKER.check(new DocumentInput(text.getBytes(StandardCharsets.UTF_8), "groups.txt", "text/plain"),
        new CheckOptions(LocalDate.of(2025, 3, 10), false, false));
    Document d = Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), false, Map.of()));
    Set<String> keys = new HashSet<>();
    for (Finding f : r.findings()) {
      keys.add(f.ruleId() + "|" + f.context());
    }
    assertEquals(keys.size(), d.select("article.finding").size(), "one article per rule and clause");
    int places = 0;
    for (Element a : d.select("article.finding")) {
      int n = Integer.parseInt(a.attr("data-places"));
      places += n;
      assertEquals(n, a.select("blockquote.clause mark").size(), "each place is marked in the clause");
      if (n > 1) {
        assertEquals(n, a.select("ol.place-list button.place").size());
        assertTrue(a.selectFirst(".places").text().equals(n + "处"));
      }
    }
    assertEquals(r.findings().size(), places, "every finding is one place of one problem");
  }

  @Test
  void policyTableShowsNamesAndWordsInEachLanguage() throws Exception {
    Report r = check("08-services-fixed-rate.docx");
    Document zh = Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), false, Map.of()));
    Document en = Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), true, Map.of()));
    assertFalse(zh.select("table.policy tbody tr").isEmpty());
    for (Element row : zh.select("table.policy tbody tr")) {
      String id = row.attr("data-check");
      assertFalse(row.text().contains(id), "the check's name, not its id: " + row.text());
      for (Element td : row.select("td")) {
        assertFalse(td.attr("data-label").isBlank(), "labels for the phone layout");
        assertFalse(td.text().matches(".*[A-Za-z]{2,}.*"), "English in the Chinese table: " + td.text());
        assertFalse(td.text().contains("≤") || td.text().contains("→"), td.text());
      }
    }
    assertEquals(zh.select("table.policy tbody tr").size(), en.select("table.policy tbody tr").size());
    for (Element row : en.select("table.policy tbody tr")) {
      for (Element td : row.select("td")) {
        if (!td.attr("data-label").equals("Note")) {
          assertFalse(CJK.matcher(td.text()).find(), "Chinese in the English table: " + td.text());
        }
      }
    }
    assertTrue(en.selectFirst("section.report").attr("lang").equals("en"));
    assertTrue(en.text().contains("Suggested rewrite") && !en.text().contains("修改建议"));
  }

  @Test
  void marksTravelIntoTheReportAndTextIsEscaped() throws Exception {
    Report r = check("01-goods-open-tender.pdf");
    Finding first = r.findings().get(0);
    String id = ReportViews.findingId(first);
    String html = ReportHtml.render(r, CHECKER.rules(), false, Map.of(id, new ReportViews.RawMark("accepted", "<b>经论证</b>必要")));
    Document d = Jsoup.parse(html);
    Element mark = d.select("article.finding").stream().filter(a -> a.attr("data-id").equals(id)).findFirst().orElseThrow()
        .selectFirst(".mark");
    assertNotNull(mark, html);
    assertEquals("标记：接受（保留）：<b>经论证</b>必要", mark.text());
    assertTrue(html.contains("&lt;b&gt;经论证&lt;/b&gt;"), "the reason is escaped");
    assertEquals(1, d.select(".mark").size());
  }

  /**
   * The whole HTML report of two test documents, both languages, against golden files (regenerate with
   * {@code -Dgolden.update=true} and review the diff).
   */
  @Test
  void htmlReportsMatchTheirGoldenFiles() throws Exception {
    Path golden = TestPaths.project().resolve("src/test/resources/golden");
    CheckOptions options = new CheckOptions(LocalDate.of(2024, 6, 30), false, false);
    Report findings = CHECKER.check(DocumentInput.of(DOCS.resolve("04-inquiry-notice.txt")), options);
    Report policy = CHECKER.check(DocumentInput.of(DOCS.resolve("08-services-fixed-rate.txt")), options);
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("report-04-zh.html", ReportHtml.render(findings, CHECKER.rules(), false, Map.of()));
    files.put("report-04-en.html", ReportHtml.render(findings, CHECKER.rules(), true, Map.of()));
    files.put("report-08-zh.html", ReportHtml.render(policy, CHECKER.rules(), false, Map.of()));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = golden.resolve(e.getKey());
      if (Boolean.getBoolean("golden.update") || !java.nio.file.Files.exists(file)) {
        java.nio.file.Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
      assertEquals(java.nio.file.Files.readString(file, StandardCharsets.UTF_8), e.getValue(), "golden file " + e.getKey() + " differs");
    }
  }

  @Test
  void ocrPagesCarryANotice() throws Exception {
    Report r = check("01-goods-open-tender.pdf");
    DocumentInfo di = r.document();
    Report ocr = new Report(r.formatVersion(), r.checker(), new DocumentInfo(di.name(), di.sha256(), di.mediaType(), di.bytes(),
        di.pages(), di.chars(), List.of(1)), r.asOf(), r.regime(), r.facts(), r.policy(), r.findings(), r.processingErrors(), null);
    Document d = Jsoup.parse(ReportHtml.render(ocr, CHECKER.rules(), false, Map.of()));
    assertTrue(d.selectFirst(".ocr-notice").text().contains("第1页由OCR"));
    long onPage1 = r.findings().stream().filter(f -> f.page() == 1).count();
    assertTrue(onPage1 > 0);
    assertFalse(d.select("article .ocr-note").isEmpty());
    assertNotNull(Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), false, Map.of())).selectFirst("section.report"));
    assertTrue(Jsoup.parse(ReportHtml.render(r, CHECKER.rules(), false, Map.of())).select(".ocr-notice").isEmpty());
  }
}
