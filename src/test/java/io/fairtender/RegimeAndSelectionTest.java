package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.analyse.RuleSelection;
import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Regime detection picks the basis and severity; profiles and per-request selection choose the rules. */
class RegimeAndSelectionTest {
  private static final Checker CHECKER = TestDocsTest.CHECKER;
  private static final String BODY = "二、资格要求\n1.投标人注册资本不低于1000万元；\n2.投标人须在本市设有分公司；\n"
      + "3.提供中小企业名录截图。\n";

  private static Report check(String text, RuleSelection sel) {
    return CHECKER.check(new DocumentInput(text.getBytes(StandardCharsets.UTF_8), "t.txt", null),
        new CheckOptions(LocalDate.of(2025, 1, 1), false, false, sel));
  }

  @Test
  void governmentProcurementCitesThe46And20Bases() {
    Report r = check("某局政府采购项目招标文件\n本项目依据《中华人民共和国政府采购法》组织采购。\n" + BODY, RuleSelection.all());
    assertEquals("government", r.regime().id());
    assertEquals("government", r.regime().profile());
    Finding cap = find(r, "SME-SCALE-REGCAP");
    assertEquals("violation", cap.severity());
    assertTrue(cap.legalBasis().stream().anyMatch(b -> b.document().contains("46号")));
    assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("SME-DECL-ONLY")));
  }

  @Test
  void worksUnderTheTenderingLawCiteArticle32() {
    Report r = check("某道路改造工程施工招标文件\n本项目依据《中华人民共和国招标投标法》进行施工招标，"
        + "施工总承包，工程量清单见附件，监理单位另行招标，竣工验收后结算。\n" + BODY, RuleSelection.all());
    assertEquals("works", r.regime().id());
    Finding branch = find(r, "DISC-REGION-BRANCH");
    assertTrue(branch.legalBasis().stream().anyMatch(b -> b.document().contains("招标投标法实施条例")), branch.legalBasis().toString());
    Finding cap = find(r, "SME-SCALE-REGCAP");
    assertTrue(cap.legalBasis().stream().anyMatch(b -> b.article().startsWith("第三十二条")));
    assertTrue(cap.legalBasis().stream().anyMatch(b -> b.document().contains("46号")), "46号 still governs works");
  }

  @Test
  void anEnterprisesOwnProcurementGetsRisksWithItsOwnBasis() {
    Report r = check("采购人：浙江某某能源有限公司\n阳光采购公告\n" + BODY, RuleSelection.all());
    assertEquals("enterprise", r.regime().id());
    assertEquals("enterprise", r.regime().profile());
    Finding cap = find(r, "SME-SCALE-REGCAP");
    assertEquals("risk", cap.severity());
    assertTrue(cap.legalBasis().stream().anyMatch(b -> b.document().contains("优化营商环境条例")));
    assertTrue(r.findings().stream().noneMatch(f -> f.category().equals("sme-policy")), "government-only SME rules are off");
  }

  @Test
  void requestsChooseProfilesRulesAndCategories() {
    Report strict = check("采购人：浙江某某能源有限公司\n" + BODY, new RuleSelection("government", Set.of(), Set.of(), Set.of(), Set.of()));
    assertEquals("violation", find(strict, "SME-SCALE-REGCAP").severity());
    Report only = check(BODY, new RuleSelection(null, Set.of("SME-SCALE-REGCAP"), Set.of(), Set.of(), Set.of()));
    assertEquals(1, only.findings().size());
    Report noRegion = check(BODY, new RuleSelection(null, Set.of(), Set.of(), Set.of(), Set.of("region")));
    assertTrue(noRegion.findings().stream().noneMatch(f -> f.category().equals("region")));
    Report regionOnly = check(BODY, new RuleSelection(null, Set.of(), Set.of(), Set.of("region"), Set.of()));
    assertTrue(regionOnly.findings().stream().allMatch(f -> f.category().equals("region")) && !regionOnly.findings().isEmpty());
    Report minus = check(BODY, new RuleSelection(null, Set.of(), Set.of("SME-SCALE-REGCAP"), Set.of(), Set.of()));
    assertTrue(minus.findings().stream().noneMatch(f -> f.ruleId().equals("SME-SCALE-REGCAP")));
  }

  @Test
  void unknownNamesAreBadRequests() {
    for (RuleSelection bad : new RuleSelection[] {
        new RuleSelection("lenient", Set.of(), Set.of(), Set.of(), Set.of()),
        new RuleSelection(null, Set.of("NO-SUCH-RULE"), Set.of(), Set.of(), Set.of()),
        new RuleSelection(null, Set.of(), Set.of(), Set.of("colour"), Set.of())}) {
      assertEquals(ErrorCode.BAD_REQUEST, assertThrows(CheckException.class, () -> check(BODY, bad)).code());
    }
  }

  @Test
  void rulesOutsideTheirDateWindowDoNotRun() {
    String text = "根据《政府采购促进中小企业发展暂行办法》（财库〔2011〕181号），小型、微型企业提供中型企业制造的货物的，视同为中型企业。";
    RuleSelection all = RuleSelection.all();
    Report before = CHECKER.check(new DocumentInput(text.getBytes(StandardCharsets.UTF_8), "t.txt", null),
        new CheckOptions(LocalDate.of(2020, 12, 31), false, false, all));
    Report after = CHECKER.check(new DocumentInput(text.getBytes(StandardCharsets.UTF_8), "t.txt", null),
        new CheckOptions(LocalDate.of(2021, 1, 1), false, false, all));
    assertTrue(before.findings().isEmpty());
    assertTrue(after.findings().stream().anyMatch(f -> f.ruleId().equals("SME-OUTDATED-REF")));
  }

  @Test
  void ruleSettingsChangeThresholdsAndBadOnesFailStartUp() {
    String row = "评分标准\n类似业绩\t类似项目业绩每个得3分，最高12分\t12\n";
    assertTrue(check(row, RuleSelection.all()).findings().stream().noneMatch(f -> f.source().equals("rule")));
    Checker strict = Checker.create(CheckerConfig.defaults().withRuleParams(Map.of("DISC-PERF-WEIGHT.minValue", "10")));
    Report r = strict.check(new DocumentInput(row.getBytes(StandardCharsets.UTF_8), "t.txt", null), CheckOptions.defaults());
    assertEquals("DISC-PERF-WEIGHT", r.findings().stream().filter(f -> f.source().equals("rule")).findFirst().orElseThrow().ruleId());
    assertThrows(IllegalArgumentException.class,
        () -> Checker.create(CheckerConfig.defaults().withRuleParams(Map.of("DISC-PERF-WEIGHT.maxValue", "10"))));
  }

  private static Finding find(Report r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + r.findings().stream().map(Finding::ruleId).toList()));
  }
}
