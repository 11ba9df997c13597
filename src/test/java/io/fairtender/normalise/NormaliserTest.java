package io.fairtender.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.MediaTypes;
import io.fairtender.extract.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link Normaliser}: forms, numerals, layout joins, and the offset map back to the source. */
public class NormaliserTest {
  private final Normaliser normaliser = new Normaliser();

  public static NormalisedText norm(String text, boolean layout) {
    return new Normaliser().normalise(new ExtractedText(text, List.of(new Page(1, 0, text.length())), MediaTypes.TEXT, layout, List.of()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "注册资本不低于１０００万元（含）|注册资本不低于1000万元(含)",
      "成立满三年|成立满3年",
      "一百二十人|120人",
      "两千万元|2000万元",
      "伍仟万元|5000万元",
      "壹佰万元整|100万元整",
      "人民币壹佰捌拾万元整|人民币180万元整",
      "一亿二千万元|120000000元",
      "二〇二三年五月一日|2023年5月1日",
      "第十二条|第12条",
      "百分之三十|30%",
      "十分重要|十分重要",
      "一般要求|一般要求",
      "统一标准|统一标准",
      "一、项目概况|一、项目概况",
      "（一）资格要求|(一)资格要求",
      "注册资本 1000 万元|注册资本1000万元",
      "ISO  9001|ISO 9001",
      "得１０－２０分|得10-20分",
      "≧60％|≥60%",
  })
  void normalises(String in, String out) {
    assertEquals(out, norm(in, false).text());
  }

  @Test
  void everyNormalisedCharMapsBackIntoItsSource() {
    String src = "一、资格要求\n投标人注册资本不低于伍仟万元，成立满三年。\n（二）评分：注册 资本１０００万元以上得３分";
    NormalisedText nt = norm(src, false);
    for (int i = 0; i < nt.length(); i++) {
      int s = nt.sourceStart(i);
      int e = nt.sourceEnd(i + 1);
      assertTrue(0 <= s && s < e && e <= src.length(), "char " + i);
      char c = nt.text().charAt(i);
      String piece = src.substring(s, e);
      if (Character.isDigit(c)) {
        assertTrue(piece.chars().allMatch(ch -> ChineseNumerals.isNumeralChar((char) ch) || Character.isDigit(ch)
            || (ch >= 0xff10 && ch <= 0xff19)), piece);
      } else if (c != '\n') {
        assertEquals(Normaliser.mapChar(piece.charAt(0)), c, "char " + i + " from " + piece);
      }
    }
  }

  @Test
  void spanRoundTripRecoversTheOriginalWording() {
    String src = "供应商注册资金须达到人民币伍佰万元以上。";
    NormalisedText nt = norm(src, false);
    int a = nt.text().indexOf("注册资金");
    int b = nt.text().indexOf("以上") + 2;
    assertEquals("注册资金须达到人民币伍佰万元以上", src.substring(nt.sourceStart(a), nt.sourceEnd(b)));
  }

  @Test
  void charactersOutsideTheBmpKeepTheirPairAndMapping() {
    String src = "𠀀𠀁投标人注册资本不低于100万元";
    NormalisedText nt = norm(src, false);
    assertEquals(src, nt.text());
    int a = nt.text().indexOf("注册");
    assertEquals(7, nt.sourceStart(a)); // UTF-16 index: two surrogate pairs, then 投标人
    assertEquals(5, new io.fairtender.report.CodePoints(src).of(nt.sourceStart(a))); // the code point offset reported
  }

  @Test
  void pdfLayoutLinesAreJoinedInsideAClauseButNotAcrossItems() {
    String src = "投标人须具有独立承担民事责任的能力，并且注册资本不低于\n"
        + "1000万元，具有良好的商业信誉和健全的财务会计制度和\n"
        + "依法纳税的记录。\n"
        + "2.投标人须成立满三年。";
    NormalisedText nt = norm(src, true);
    assertTrue(nt.text().contains("不低于1000万元"), nt.text());
    assertTrue(nt.text().contains("制度和依法纳税"), nt.text());
    assertTrue(nt.text().contains("记录。\n2.投标人"), nt.text());
  }

  @Test
  void paragraphTextKeepsEveryLineBreak() {
    NormalisedText nt = norm("第一章 招标公告\n项目名称\n\n\n预算", false);
    assertEquals("第1章招标公告\n项目名称\n预算", nt.text());
  }

  @Test
  void aLayoutLineOfEmSpacesIsDroppedNotJoined() {
    // U+2003 counts towards a line's width but strip() removes it: such a line once failed the layout join
    NormalisedText nt = norm("\u2003".repeat(10) + "\n下一行文字。\n末行", true);
    assertEquals("下一行文字。\n末行", nt.text());
  }

  @Test
  void aWordIsNormalisedAsItWouldBeInADocumentLine() {
    assertEquals("3级甲等医院", Normaliser.word("三级甲等医院"));
    assertEquals("4平市", Normaliser.word("四平市"));
    assertEquals("ISO9001", Normaliser.word("ＩＳＯ９００１"));
    assertEquals("本地", Normaliser.word(" 本地 "));
    assertEquals("三甲医院", Normaliser.word("三甲医院"), "甲 does not make 三 a number");
    assertEquals("", Normaliser.word(""));
  }
}
