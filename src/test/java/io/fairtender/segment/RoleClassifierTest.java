package io.fairtender.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RoleClassifierTest {
  @Test
  void namesTheRoleOfAHeading() {
    assertEquals(SectionRole.SCORING, RoleClassifier.classify("第三章 评标办法"));
    assertEquals(SectionRole.QUALIFICATION, RoleClassifier.classify("二、申请人的资格要求"));
    assertEquals(SectionRole.QUALIFICATION, RoleClassifier.classify("对比选申请人的条件"));
    assertEquals(SectionRole.QUALIFICATION, RoleClassifier.classify("竞标人要求"));
    assertEquals(SectionRole.CONTRACT, RoleClassifier.classify("第五章 合同条款"));
    assertEquals(SectionRole.ANNOUNCEMENT, RoleClassifier.classify("采购公告"));
    assertNull(RoleClassifier.classify("第一章"));
    assertNull(RoleClassifier.classify(""));
  }

  @Test
  void theFirstRoleInOrderWinsWhateverItsPlaceInTheHeading() {
    assertEquals(SectionRole.FORMS, RoleClassifier.classify("合同协议书格式"));
    assertEquals(SectionRole.SCORING, RoleClassifier.classify("合同履约评价标准与评分"));
    assertEquals(SectionRole.QUALIFICATION, RoleClassifier.classify("中小企业资格声明"), "qualification before policy");
  }

  @Test
  void theTableBeforeTheInstructionsIsNoForm() {
    assertEquals(SectionRole.INSTRUCTIONS, RoleClassifier.classify("投标人须知前附表"));
    assertEquals(SectionRole.FORMS, RoleClassifier.classify("附表1 报价明细"));
    assertEquals(SectionRole.FORMS, RoleClassifier.classify("前附表及附表"), "a second 附表 not after 前");
  }
}
