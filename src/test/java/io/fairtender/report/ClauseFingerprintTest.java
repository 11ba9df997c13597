package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The same finding in a revised tender keeps its SARIF fingerprint; different clauses do not share one. */
class ClauseFingerprintTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF));
  private static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  private static final String REGCAP = "投标人注册资本不低于800万元（以营业执照为准），并须在投标文件中附营业执照副本复印件且加盖投标人公章，未按要求提供的按无效投标处理；";
  private static final String AGE = "投标人须成立满五年，成立时间以营业执照所载成立日期为准，分公司投标的以其总公司的成立日期计算并提供总公司授权书；";

  /** Version 1 of a tender of our own: one page, 11 pt. */
  private static final List<List<String>> V1 = List.of(List.of(
      "某市第一中学教学设备采购项目招标文件",
      "第二章 投标人须知",
      "一、投标人资格要求",
      "1. " + REGCAP,
      "2. " + AGE,
      "3. 分包一的投标人注册资本不低于300万元；",
      "二、评标办法",
      "综合评分法，价格分30分。"));

  /**
   * Version 2: a new first chapter and a new item before ours (so the items are renumbered and now stand on page 2),
   * set in 9 pt so the long clauses wrap at other places, ASCII punctuation in one of them, page numbers in the footer.
   */
  private static final List<List<String>> V2 = List.of(
      List.of("某市第一中学教学设备采购项目招标文件（第二次修订）",
          "第一章 招标公告",
          "项目编号：JXSB-2026-017，预算金额为人民币贰佰万元。",
          "投标截止时间另行通知，请各供应商关注公告。",
          "第 1 页 共 2 页"),
      List.of("第二章 投标人须知",
          "一、投标人资格要求",
          "（一）投标人应具有独立承担民事责任的能力；",
          "（二）" + REGCAP.replace('（', '(').replace('）', ')').replace('，', ','),
          "（三）" + AGE,
          "（四）分包一的投标人注册资本不低于300万元；",
          "二、评标办法",
          "综合评分法，价格分30分。",
          "第 2 页 共 2 页"));

  /** A PDF of the paragraphs, each wrapped to the page width as a word processor would. */
  static byte[] pdf(List<List<String>> pages, float size) throws IOException {
    try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile())) {
      PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
      float width = PDRectangle.A4.getWidth() - 2 * 56;
      for (List<String> paragraphs : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          float y = PDRectangle.A4.getHeight() - 60;
          for (String paragraph : paragraphs) {
            for (String line : wrap(paragraph, font, size, width)) {
              cs.beginText();
              cs.setFont(font, size);
              cs.newLineAtOffset(56, y);
              cs.showText(line);
              cs.endText();
              y -= size * 1.8f;
            }
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      String next = line.toString() + text.charAt(i);
      if (font.getStringWidth(next) / 1000 * size > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(text.charAt(i));
    }
    lines.add(line.toString());
    return lines;
  }

  private static Report check(List<List<String>> pages, float size, String name) throws IOException {
    return CHECKER.check(new DocumentInput(pdf(pages, size), name, "application/pdf"),
        new CheckOptions(LocalDate.of(2026, 1, 5), false, false));
  }

  /** Fingerprint by rule and quote (each appears once per version here). */
  private static Map<String, String> byQuote(Report r) {
    List<String> prints = ClauseFingerprint.of(r.findings());
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < prints.size(); i++) {
      Finding f = r.findings().get(i);
      out.put(f.ruleId() + " " + f.quote().replaceAll("\\s", ""), prints.get(i));
    }
    return out;
  }

  @Test
  void theSameFindingInARevisedTenderKeepsItsFingerprint() throws IOException {
    Report v1 = check(V1, 11, "v1.pdf");
    Report v2 = check(V2, 9, "v2.pdf");
    Map<String, String> before = byQuote(v1);
    Map<String, String> after = byQuote(v2);
    assertTrue(before.size() >= 3, v1.findings().toString());
    assertEquals(before.keySet(), after.keySet(), "the revision adds or drops no finding");
    assertEquals(before, after);
    // what moved: pages, offsets, item numbers, line breaks
    Finding first1 = v1.findings().stream().filter(f -> f.quote().contains("800")).findFirst().orElseThrow();
    Finding first2 = v2.findings().stream().filter(f -> f.quote().contains("800")).findFirst().orElseThrow();
    // the clause wraps in both versions, at different places
    String wrap1 = first1.context().substring(first1.context().indexOf("投标人")).split("\n")[0];
    String wrap2 = first2.context().substring(first2.context().indexOf("投标人")).split("\n")[0];
    assertTrue(first1.context().contains("\n") && first2.context().contains("\n"));
    assertNotEquals(wrap1.length(), wrap2.length());
    assertEquals(1, first1.page());
    assertEquals(2, first2.page());
    assertNotEquals(first1.start(), first2.start());
    assertNotEquals(first1.context(), first2.context());
  }

  @Test
  void differentClausesAndRulesGetDifferentFingerprints() throws IOException {
    Report v1 = check(V1, 11, "v1.pdf");
    List<String> prints = ClauseFingerprint.of(v1.findings());
    assertEquals(prints.size(), Set.copyOf(prints).size(), "no two findings share a fingerprint");
    Set<String> regcap = v1.findings().stream().filter(f -> f.ruleId().equals("SME-SCALE-REGCAP")).map(Finding::context)
        .collect(Collectors.toSet());
    assertEquals(2, regcap.size(), "two clauses of the same rule: " + regcap);
  }

  @Test
  void normalisationDropsLayoutAndKeepsWording() {
    String base = ClauseFingerprint.normalise("3. 投标人注册资本不低于800万元（以营业执照为准）；");
    assertEquals("投标人注册资本不低于800万元以营业执照为准", base);
    assertEquals(base, ClauseFingerprint.normalise("（五）投标人注册资本不低于８００万元 (以营业执照为准);"));
    assertEquals(base, ClauseFingerprint.normalise("②投标人注册资本不低于\n— 3 —\n800万元\n第 4 页 共 9 页\n（以营业执照为准）"));
    assertEquals(base, ClauseFingerprint.normalise("1.2.3 投标人注册资本\t不低于 800 万元\n(以营业执照为准)"));
    assertNotEquals(base, ClauseFingerprint.normalise("3. 投标人注册资本不低于900万元（以营业执照为准）；"));
    assertNotEquals(base, ClauseFingerprint.normalise("3. 投标人实缴资本不低于800万元（以营业执照为准）；"));
    assertEquals("注册资本不低于1.5亿元", ClauseFingerprint.normalise("注册资本不低于１．５亿元。"));
    assertNotEquals(ClauseFingerprint.normalise("注册资本不低于1.5亿元"), ClauseFingerprint.normalise("注册资本不低于15亿元"));
    assertNotEquals(ClauseFingerprint.normalise("市场占有率不低于10%"), ClauseFingerprint.normalise("市场占有率不低于10"));
    assertEquals(ClauseFingerprint.normalise("营业收入不低于1,000万元"), ClauseFingerprint.normalise("营业收入不低于1000万元"));
  }

  @Test
  void repeatsOfOneClauseAreToldApartByOccurrence() {
    Finding f = new Finding("SME-SCALE-REGCAP", "scale", "violation", 1, null, 1, 0, 4, 0, "注册资本", "投标人注册资本不低于800万元。",
        "", "qualification", "t", "m", List.of(), "s", Map.of(), "rule", null);
    Finding moved = new Finding("SME-SCALE-REGCAP", "scale", "violation", 7, null, 90, 500, 504, 3, "注册资本", "2. 投标人注册资本不低于800万元；",
        "", "qualification", "t", "m", List.of(), "s", Map.of(), "rule", null);
    Finding other = new Finding("SME-AGE-YEARS", "age", "violation", 1, null, 1, 0, 4, 0, "注册资本", "投标人注册资本不低于800万元。",
        "", "qualification", "t", "m", List.of(), "s", Map.of(), "rule", null);
    List<String> prints = ClauseFingerprint.of(List.of(f, moved, other));
    assertEquals(prints.get(0) + ":2", prints.get(1));
    assertNotEquals(prints.get(0), prints.get(2), "the rule is part of the fingerprint");
    assertTrue(prints.get(0).matches("[0-9a-f]{32}"));
  }
}
