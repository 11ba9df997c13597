package io.fairtender.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.normalise.NormaliserTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link Segmenter}: headings, roles, units and table rows. */
class SegmenterTest {
  private final Segmenter segmenter = new Segmenter();

  private SegmentedText seg(String text) {
    return segmenter.segment(NormaliserTest.norm(text, false));
  }

  private static String roleOf(SegmentedText s, String needle) {
    String text = s.text().text();
    for (Unit u : s.units()) {
      if (text.substring(u.start(), u.end()).contains(needle)) {
        return u.role().id() + " | " + u.section().path();
      }
    }
    throw new AssertionError("no unit contains " + needle);
  }

  @Test
  void headingsGiveNestedSectionsWithRoles() {
    SegmentedText s = seg("""
        第一章 招标公告
        一、项目基本情况
        预算金额为100万元。
        二、申请人的资格要求
        1.投标人须成立满三年;
        第三章 评标办法
        一、评分标准
        技术方案完整的得10分。
        第四章 投标文件格式
        附件1 中小企业声明函
        从业人员____人。
        第五章 合同条款
        付款方式：验收合格后30日内付款。
        """);
    assertEquals("announcement | 第1章招标公告 > 一、项目基本情况", roleOf(s, "预算金额"));
    assertEquals("qualification | 第1章招标公告 > 二、申请人的资格要求", roleOf(s, "成立满"));
    assertEquals("scoring | 第3章评标办法 > 一、评分标准", roleOf(s, "技术方案"));
    assertEquals("forms | 第4章投标文件格式 > 附件1中小企业声明函", roleOf(s, "从业人员"));
    assertEquals("contract", roleOf(s, "付款方式").split(" ")[0]);
  }

  @Test
  void sentencesSplitAtFullStopsButNotInsideBrackets() {
    SegmentedText s = seg("投标人应提供证明（复印件。加盖公章）。采用综合评分法!是否允许分包?不允许。");
    List<Unit> units = s.units();
    assertEquals(4, units.size(), units.toString());
    assertEquals("投标人应提供证明(复印件。加盖公章)。", s.text().text().substring(units.get(0).start(), units.get(0).end()));
  }

  @Test
  void tableRowsStayWholeUnits() {
    SegmentedText s = seg("评分标准\n企业实力\t注册资本1000万元以上得3分;500万元以上得2分。其余不得分\t3\n");
    assertEquals(1, s.units().size());
    assertTrue(s.units().get(0).tableRow());
    assertEquals(SectionRole.SCORING, s.units().get(0).role());
  }

  @Test
  void aLabelledItemTakesTheLabelsRole() {
    SegmentedText s = seg("项目说明\n资格要求:投标人须成立满3年。");
    assertEquals("qualification", roleOf(s, "成立满").split(" ")[0]);
  }

  @Test
  void aShortNumberedRequirementWrappedBeforeItsBracketIsAClauseNotAHeading() {
    assertEquals(0, Segmenter.headingLevel("1. 投标人注册资本不低于800万元"));
    assertEquals(0, Segmenter.headingLevel("(2)供应商须具有三年以上同类经验"));
    assertEquals(0, Segmenter.headingLevel("3.从业人员50人以上"));
    assertTrue(Segmenter.headingLevel("2.供应商应具备的条件") > 0, "a title that names conditions stays a heading");
    assertTrue(Segmenter.headingLevel("1.投标人资格要求") > 0);
    assertTrue(Segmenter.headingLevel("第二章 投标人须知") > 0);
    assertTrue(Segmenter.headingLevel("三、供应商应提交的资料") > 0);
    assertEquals(4, Segmenter.headingLevel("三、评分标准"));
    SegmentedText s = seg("二、资格要求\n1. 投标人注册资本不低于800万元\n（以营业执照为准）；\n");
    assertTrue(s.units().stream().anyMatch(u -> s.text().text().substring(u.start(), u.end()).contains("注册资本不低于800万元")),
        s.units().toString());
  }

  @Test
  void longItemsAreNotHeadings() {
    assertEquals(0, Segmenter.headingLevel("1.投标人须具有独立承担民事责任的能力,并提供营业执照副本复印件和法定代表人身份证明。"));
    assertEquals(4, Segmenter.headingLevel("一、申请人的资格要求"));
    assertEquals(1, Segmenter.headingLevel("第3章评标办法"));
  }

  @Test
  void requirementsOnTheRespondentAreQualification() {
    SegmentedText s = seg("""
        第一章 采购公告
        （三）对响应人的要求
        1.响应人须成立满3年。
        """);
    assertEquals("qualification", roleOf(s, "成立满3年").split(" ")[0]);
  }

  @Test
  void aScoringRowKeepsItsRoleAfterThePageBreak() {
    SegmentedText s = seg("""
        第四章 技术要求
        二、其他
        企业认证\t4\t具有信息安全管理体系认证得2分，最高得4分。
        交货期\t按合同约定执行
        """);
    assertEquals("scoring", roleOf(s, "信息安全管理体系认证").split(" ")[0]);
    assertEquals("requirements", roleOf(s, "交货期").split(" ")[0]);
  }

  @Test
  void whatTheBidderMustHoldAmongTheRequirementsIsQualification() {
    SegmentedText s = seg("""
        第五章 采购需求
        一、服务要求
        投标人须具有有效的质量管理体系认证证书。
        所投设备须通过国家强制性产品认证。
        """);
    assertEquals("qualification", roleOf(s, "质量管理体系认证证书").split(" ")[0]);
    assertEquals("requirements", roleOf(s, "强制性产品认证").split(" ")[0]);
  }

  @Test
  void everyNumberingGetsItsLevelWhateverCharacterOpensIt() {
    String[] headings = {"第三章 评标办法", "附件1 报价表", "第二节 资格审查", "三、项目概况", "(二)资格要求", "4. 采购内容",
      "4.2 技术要求", "4.2.1 服务内容", "(3)售后服务", "5)付款方式", "③验收标准"};
    for (int i = 0; i < headings.length; i++) {
      assertEquals(i + 1, Segmenter.headingLevel(headings[i]), headings[i]);
    }
    assertEquals(0, Segmenter.headingLevel("（二）全角括号"), "the normaliser makes brackets half-width first");
  }
}
