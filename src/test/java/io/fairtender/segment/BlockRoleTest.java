package io.fairtender.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.Deadline;
import io.fairtender.analyse.Analyser;
import io.fairtender.analyse.Match;
import io.fairtender.analyse.RuleSet;
import io.fairtender.normalise.NormaliserTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block roles: the 划型 standard, templates inside other sections, quoted law, optional, conditional and accommodating text. */
class BlockRoleTest {
  private static final Analyser ANALYSER = new Analyser(RuleSet.builtin());
  private final Segmenter segmenter = new Segmenter();

  private SegmentedText seg(String text) {
    return segmenter.segment(NormaliserTest.norm(text, false));
  }

  /** The block role of the unit holding {@code needle}, or of the innermost block over the needle itself. */
  private static BlockRole blockOf(SegmentedText s, String needle) {
    String text = s.text().text();
    int at = text.indexOf(needle);
    if (at < 0) {
      throw new AssertionError("no text " + needle);
    }
    return s.blockAt(at, at + needle.length());
  }

  private static List<String> findings(SegmentedText s) {
    List<String> out = new ArrayList<>();
    for (Match m : ANALYSER.analyse(s, r -> true, Deadline.none(), new ArrayList<>())) {
      out.add(m.rule().id() + ":" + s.text().text().substring(m.start(), m.end()));
    }
    return out;
  }

  @Test
  void sizeStandardAfterADeclarationIsAQuotedStandardAndFiresNothing() {
    SegmentedText s = seg("""
        第二章 供应商须知
        一、政策说明
        本项目执行促进中小企业发展的政策。
        供应商声明函（格式）
        我单位郑重承诺，所填信息真实有效。
        单位名称（盖章）：
        日期：
        附：中小企业划型标准
        零售业。从业人员300人以下或营业收入20000万元以下的为中小微型企业。
        其中，从业人员50人及以上，且营业收入500万元及以上的为中型企业；从业人员10人及以上的为小型企业。
        软件和信息技术服务业。从业人员500人以下的为中小微型企业。
        二、资格要求
        供应商注册资本不低于5000万元。
        """);
    assertEquals(BlockRole.STANDARD, blockOf(s, "从业人员300人以下"));
    assertEquals(BlockRole.STANDARD, blockOf(s, "软件和信息技术服务业"));
    assertEquals(BlockRole.TEMPLATE, blockOf(s, "所填信息真实有效"));
    assertEquals(BlockRole.NONE, blockOf(s, "注册资本不低于5000万元"));
    List<String> f = findings(s);
    assertTrue(f.stream().noneMatch(x -> x.contains("从业人员") || x.contains("营业收入")), f.toString());
    assertTrue(f.stream().anyMatch(x -> x.startsWith("SME-SCALE-REGCAP")), f.toString());
  }

  @Test
  void sizeStandardInsideATableRowIsBlockedCellByCell() {
    SegmentedText s = seg("序号\t内容\n5\t标的所属行业：批发业。从业人员20人以下的为微型企业。\t供应商营业收入不少于8000万元\n");
    assertEquals(BlockRole.STANDARD, blockOf(s, "从业人员20人以下"));
    assertEquals(BlockRole.NONE, blockOf(s, "营业收入不少于8000万元"));
  }

  @Test
  void sizeStandardAsATableIsQuoted() {
    SegmentedText s = seg("行业\t指标\t中型\t小型\t微型\n仓储业\t从业人员(人)\t100≤X<1000\t20≤X<100\tX<20\n");
    assertEquals(BlockRole.STANDARD, blockOf(s, "100≤X<1000"));
  }

  @Test
  void templateWithoutItsOwnHeadingRunsToItsSignature() {
    SegmentedText s = seg("""
        第三章 评审办法
        一、评分标准
        供应商基本情况表（参考格式）
        注册资本：__________万元
        员工人数：__________人
        供应商（盖章）：
        日期：
        业绩：近三年每个同类项目得2分。
        """);
    assertEquals(BlockRole.TEMPLATE, blockOf(s, "员工人数"));
    assertEquals(BlockRole.NONE, blockOf(s, "每个同类项目得2分"));
  }

  @Test
  void aChapterOfFormsKeepsItsSubsectionsAsForms() {
    SegmentedText s = seg("""
        第六章 响应文件格式
        一、供应商资格声明
        1.名称和概况
        近三年年末资产总额：______万元
        """);
    for (Unit u : s.units()) {
      assertEquals(SectionRole.FORMS, u.role(), s.text().text().substring(u.start(), u.end()));
    }
  }

  @Test
  void aListOfChaptersEarlyOnIsNotTheFormsChapter() {
    SegmentedText s = seg("""
        第二章 供应商须知
        文件由以下部分组成：
        第五章 技术要求
        第六章 响应文件格式
        二、资格条件
        供应商须成立满五年。
        第五章 技术要求
        第六章 响应文件格式
        一、声明函
        """);
    assertEquals(SectionRole.QUALIFICATION, s.units().stream()
        .filter(u -> s.text().text().substring(u.start(), u.end()).contains("成立满5年")).findFirst().orElseThrow().role());
  }

  @Test
  void theLastItemOfAListOfEmptyHeadingsNamesNoRole() {
    SegmentedText s = seg("""
        第二章 供应商须知
        须知前附表
        响应文件包括：
        (1)商务文件
        (2)报价文件
        (3)法定代表人授权书
        序号\t条款\t内容
        3.1\t最高限价\t12万元
        """);
    Unit row = s.units().stream().filter(u -> s.text().text().substring(u.start(), u.end()).contains("最高限价")).findFirst().orElseThrow();
    assertEquals(SectionRole.INSTRUCTIONS, row.role());
  }

  @Test
  void quotedArticlesAreQuotedLaw() {
    SegmentedText s = seg("""
        一、资格要求
        根据《中华人民共和国政府采购法》第二十二条规定：
        （一）具有独立承担民事责任的能力；
        （二）具有良好的商业信誉和健全的财务会计制度；
        第二十二条 供应商参加政府采购活动应当具备下列条件。
        """);
    assertEquals(BlockRole.QUOTED_LAW, blockOf(s, "具有独立承担民事责任的能力"));
    assertEquals(BlockRole.QUOTED_LAW, blockOf(s, "供应商参加政府采购活动应当具备"));
  }

  @Test
  void optionalItemsAndAnswersOfNoAreOptional() {
    SegmentedText s = seg("""
        二、响应文件组成
        （3）营业执照复印件；（4）厂家授权书（如有，格式自拟）；（5）报价单。
        序号\t条件\t要求
        3\t是否要求提供原厂授权\t否
        """);
    assertEquals(BlockRole.OPTIONAL, blockOf(s, "厂家授权书"));
    assertEquals(BlockRole.NONE, blockOf(s, "报价单"));
    assertEquals(BlockRole.OPTIONAL, blockOf(s, "是否要求提供原厂授权"));
    assertTrue(findings(s).isEmpty(), findings(s).toString());
  }

  @Test
  void accommodationsForNewFirmsAreLawfulButExclusionsAreNot() {
    SegmentedText s = seg("""
        二、资格要求
        1.提供上年度财务审计报告，或新设企业提供开办当年的验资报告。
        2.如供应商成立未满一年，可只提供基本户银行出具的资信证明。
        3.成立不满三年的企业不得参加本项目。
        """);
    assertEquals(BlockRole.ACCOMMODATION, blockOf(s, "验资报告"));
    assertEquals(BlockRole.ACCOMMODATION, blockOf(s, "可只提供基本户银行"));
    assertEquals(BlockRole.NONE, blockOf(s, "成立不满3年的企业不得参加"));
    List<String> f = findings(s);
    assertTrue(f.stream().noneMatch(x -> x.contains("验资")), f.toString());
    assertTrue(f.stream().anyMatch(x -> x.startsWith("SME-AGE-DIRECT")), f.toString());
  }

  @Test
  void conditionalSentencesAreMarked() {
    SegmentedText s = seg("""
        一、政策
        如本项目不专门面向中小企业采购，对小微企业报价给予10%的扣除。
        对非预留份额的采购项目，小微企业报价给予扣除。
        本项目专门面向小微企业采购。
        """);
    assertEquals(BlockRole.CONDITIONAL, blockOf(s, "不专门面向中小企业"));
    assertEquals(BlockRole.CONDITIONAL, blockOf(s, "非预留份额"));
    assertEquals(BlockRole.NONE, blockOf(s, "本项目专门面向小微企业"));
  }
}
