package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.normalise.NormaliserTest;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Segmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The examples of {@code policy/facts/labels.yaml}, and facts read from conditional, boxed and split text. */
class FactLabelsTest {
  private static final Segmenter SEGMENTER = new Segmenter();

  static Facts facts(String text) {
    SegmentedText seg = SEGMENTER.segment(NormaliserTest.norm(text, false));
    return new FactExtractor((s, e) -> new Facts.Evidence(1, s, e, seg.text().text().substring(s, e))).extract(seg);
  }

  private static Object value(Facts f, String fact) throws ReflectiveOperationException {
    Object v = ((Facts.Fact<?>) Facts.class.getMethod(fact).invoke(f)).value();
    return v instanceof Number n ? (Object) n.longValue() : v;
  }

  @TestFactory
  Stream<DynamicTest> labelExamples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FactLabels.Example x : FactLabels.builtin().examples()) {
      tests.add(DynamicTest.dynamicTest(x.fact() + ": " + x.text(), () -> assertEquals(x.value(), value(facts(x.text()), x.fact()))));
    }
    return tests.stream();
  }

  @Test
  void conditionalBoilerplateDoesNotDecideReservation() throws Exception {
    Facts f = facts("""
        一、中小企业政策
        1.本项目专门面向中小企业采购。
        2.如本项目非专门面向中小企业采购，对小微企业报价给予10%的扣除。
        3.对非预留份额的采购项目，小微企业报价扣除后参与评审。
        """);
    assertEquals(true, value(f, "reserved"));
  }

  @Test
  void reservedForSmallAndMicroFirmsIsReserved() throws Exception {
    assertEquals(true, value(facts("一、采购政策\n本采购包专门面向小微企业采购。\n"), "reserved"));
  }

  @Test
  void noPolicyQualificationMeansNotReserved() throws Exception {
    assertEquals(false, value(facts("二、申请人的资格要求\n2.落实政府采购政策需满足的资格要求:无\n"), "reserved"));
  }

  @Test
  void interestOnALateRefundIsNotTheBondRate() throws Exception {
    Facts f = facts("三、保证金\n履约保证金逾期未退还的，按同期贷款利率上浮20%支付资金占用费。\n履约保证金为合同金额的5%。\n");
    assertEquals(0.05, ((Facts.Fact<?>) f.performanceBondShare()).value());
  }

  @Test
  void aBanOnSubcontractingLeavesNoClauseToDemand() throws Exception {
    assertEquals(true, value(facts("四、其他\n本项目不接受联合体投标，不允许分包。\n"), "subcontractDownClause"));
    assertEquals(true, value(facts("四、其他\n成交供应商不得转包和分包。\n"), "subcontractDownClause"));
    assertEquals(false, value(facts("四、其他\n本项目允许分包非主体工作。\n"), "subcontractDownClause"));
  }

  @Test
  void anAbsenceIsAnchoredAtThePolicySectionOrNowhere() {
    SegmentedText withSection = SEGMENTER.segment(NormaliserTest.norm("第一章 公告\n一、项目概况\n预算100万元。\n二、促进中小企业发展\n本项目对小微企业报价给予10%的扣除。\n", false));
    AbsenceAnchor.Anchor a = AbsenceAnchor.of("SME-SUBCONTRACT-DOWN", withSection);
    assertEquals("二、促进中小企业发展", withSection.text().text().substring(a.start(), a.end()));
    SegmentedText without = SEGMENTER.segment(NormaliserTest.norm("第一章 公告\n一、项目概况\n预算100万元。\n", false));
    assertEquals(null, AbsenceAnchor.of("SME-DOC-CONTENT", without));
  }

  @Test
  void aHeadingThatNamesTheTypeGivesIt() throws Exception {
    assertEquals("services", value(facts("第三章 采购需求\n一、服务类\n1.驻场运维人员2名。\n"), "procurementType"));
  }

  @Test
  void aZeroDeductionIsNoDeduction() throws Exception {
    assertEquals(null, value(facts("一、价格扣除\n对小微企业报价给予0%的扣除。\n"), "smallMicroDeduction"));
  }
}
