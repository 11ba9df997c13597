package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link RegimeDetector}: negations, enterprise buyers by kind, the 第二十二条 citation, weak evidence. */
class RegimeDetectorTest {
  private final RegimeDetector detector = new RegimeDetector();

  private Regime of(String text) {
    return detector.detect(text).regime();
  }

  @Test
  void aNegationIsNoMentionOfGovernmentProcurement() {
    assertEquals(Regime.ENTERPRISE, of("说明：本项目不属于政府采购项目，由公司自行组织比选。采购人：某某物流有限公司"));
    assertEquals(Regime.UNKNOWN, of("本次采购非政府采购项目，按内部制度执行。"));
  }

  @Test
  void banksInsurersAndTelecomOperatorsOnTheCoverAreEnterprises() {
    assertEquals(Regime.ENTERPRISE, of("某某农村商业银行股份有限公司\n邀请招标文件\n2025年3月\n供应商应具备政府采购项目的相关经验。"));
    assertEquals(Regime.ENTERPRISE, of("项目编号：A-1\n某省信用合作联社\n办公设备采购\n采购预算：50万元。"));
    assertEquals(Regime.ENTERPRISE, of("运维服务询比文件\n询比人：中国联合网络通信有限公司某市分公司\n"));
    assertEquals(Regime.ENTERPRISE, of("某某人寿保险股份有限公司\n网络安全服务招标文件"));
  }

  @Test
  void citingTheSupplierConditionsOfTheLawDoesNotMakeAGovernmentTender() {
    assertEquals(Regime.ENTERPRISE, of("招标人：某某银行股份有限公司\n投标人应具备《中华人民共和国政府采购法》第二十二条规定的条件。"));
    assertEquals(Regime.UNKNOWN, of("投标人应具备《中华人民共和国政府采购法》第二十二条规定的条件。"));
  }

  @Test
  void governmentTendersStayGovernment() {
    assertEquals(Regime.GOVERNMENT, of("某市卫生健康委员会政府采购项目\n依据《中华人民共和国政府采购法》组织公开招标，采购代理机构：某某招标代理有限公司"));
    assertEquals(Regime.GOVERNMENT, of("采购方式：竞争性磋商\n供应商须符合政府采购法第22条的规定。\n采购单位：某某职业技术学院"));
    assertEquals(Regime.GOVERNMENT, of("本项目为政府采购项目，供应商须满足《政府采购法》第二十二条规定。"));
  }

  private String buyerOf(String text) {
    String reasons = detector.detect(text).reasons().get(0);
    int at = reasons.indexOf(", buyer ");
    return at < 0 ? null : reasons.substring(at + ", buyer ".length());
  }

  @Test
  void theBuyerIsReadFromTheFirstTwentyLabelsOnly() {
    String cover = "运维服务采购文件\n" + "说明文字。".repeat(70) + "\n";
    String bank = "采购人：某某银行股份有限公司\n";
    assertEquals("某某银行股份有限公司", buyerOf(cover + "采购人名称为某某银行股份有限公司\n"));
    assertEquals("某某银行股份有限公司", buyerOf(cover + "采购方式：询价\n采购人：\n".repeat(19) + bank));
    assertEquals(null, buyerOf(cover + "采购方式：询价\n采购人：\n".repeat(20) + bank));
  }

  @Test
  void aPublicBodyAsBuyerCountsOnlyAfterALabel() {
    String law = "依据《政府采购法》组织。\n"; // one 政府采购 term and one 政府采购法
    assertEquals("政府采购 terms 2, 政府采购法 1, 招标投标法 0, works terms 0, enterprise-procurement terms 0",
        detector.detect(law + "采购人：某某区人民医院\n").reasons().get(0));
    assertEquals("政府采购 terms 1, 政府采购法 1, 招标投标法 0, works terms 0, enterprise-procurement terms 0",
        detector.detect(law + "采购某某区人民医院的设备\n").reasons().get(0));
  }

  @Test
  void theCoverIsItsFirstThreeHundredChars() {
    String cover = "说明文字。".repeat(59) + "。"; // 296 chars
    assertEquals("某某银行", buyerOf(cover + "某某银行\n项目概况"));
    assertEquals(null, buyerOf(cover + "。某某银行\n项目概况")); // 银行 would end at 301
  }
}
