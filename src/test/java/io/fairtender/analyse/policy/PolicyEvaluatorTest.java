package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.report.ReportJson;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven tests of each check across the date and amount boundaries, for each procurement type. */
class PolicyEvaluatorTest {
  private static final PolicyEvaluator EVAL = new PolicyEvaluator(PolicyParams.load(null));

  /** Facts from a compact JSON map: {"procurementType":"goods","budgetCny":2000000,...}. */
  static Facts facts(String json) throws Exception {
    Map<?, ?> m = ReportJson.mapper().readValue(json, Map.class);
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(e.getKey()).append("\":{\"value\":").append(ReportJson.line(e.getValue())).append('}');
    }
    return ReportJson.mapper().readValue(sb.append('}').toString(), Facts.class).withDefaults();
  }

  static String status(String json, String date, String check) throws Exception {
    PolicyResult r = EVAL.evaluate(facts(json), LocalDate.parse(date), "request", null, false);
    return r.checks().stream().filter(c -> c.ruleId().equals(check)).findFirst().orElseThrow().status();
  }

  @ParameterizedTest(name = "{2} on {1}: {3}")
  @CsvSource(delimiter = '|', value = {
      // reserve for small projects: in force from 2021-01-01; 200万/400万 are inclusive
      "{'procurementType':'goods','budgetCny':1500000,'reserved':false}|2020-12-31|SME-RSV-SMALL|not-applicable",
      "{'procurementType':'goods','budgetCny':1500000,'reserved':false}|2021-01-01|SME-RSV-SMALL|fail",
      "{'procurementType':'goods','budgetCny':2000000,'reserved':false}|2023-01-01|SME-RSV-SMALL|fail",
      "{'procurementType':'goods','budgetCny':2000001,'reserved':false}|2023-01-01|SME-RSV-SMALL|not-applicable",
      "{'procurementType':'services','budgetCny':2000000,'reserved':true}|2023-01-01|SME-RSV-SMALL|pass",
      "{'procurementType':'works','budgetCny':4000000,'reserved':false}|2023-01-01|SME-RSV-SMALL|fail",
      "{'procurementType':'works','budgetCny':4000001,'reserved':false}|2023-01-01|SME-RSV-SMALL|not-applicable",
      "{'procurementType':'goods','budgetCny':1500000,'reserved':false,'exemptionReason':true}|2023-01-01|SME-RSV-SMALL|review",
      "{'procurementType':'goods','budgetCny':1500000}|2023-01-01|SME-RSV-SMALL|review",
      // reserve share above the ceiling: works 40% from 2022-07-01 to 2026-12-31, 30% before and after
      "{'procurementType':'works','budgetCny':9000000,'reserved':true,'reserveMethod':'consortium','reserveShare':0.35}|2022-06-30|SME-RSV-LARGE|pass",
      "{'procurementType':'works','budgetCny':9000000,'reserved':true,'reserveMethod':'consortium','reserveShare':0.35}|2022-07-01|SME-RSV-LARGE|fail",
      "{'procurementType':'works','budgetCny':9000000,'reserved':true,'reserveMethod':'consortium','reserveShare':0.35}|2026-12-31|SME-RSV-LARGE|fail",
      "{'procurementType':'works','budgetCny':9000000,'reserved':true,'reserveMethod':'consortium','reserveShare':0.35}|2027-01-01|SME-RSV-LARGE|pass",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':true,'reserveMethod':'subcontract','reserveShare':0.30}|2024-01-01|SME-RSV-LARGE|pass",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':true,'reserveMethod':'subcontract','reserveShare':0.25}|2024-01-01|SME-RSV-LARGE|fail",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':true,'reserveMethod':'subcontract','reserveShare':0.3,'reserveIsQualification':false}|2024-01-01|SME-RSV-METHOD|fail",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':true,'reserveMethod':'subcontract','reserveShare':0.3,'reserveIsQualification':true}|2024-01-01|SME-RSV-METHOD|pass",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':true,'reserveMethod':'whole','lessThanThreeClause':true}|2024-01-01|SME-RSV-LT3|pass",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1}}|2024-01-01|SME-RSV-BUDGETLEVEL|review",
      "{'procurementType':'goods','budgetCny':9000000,'reserved':false}|2024-01-01|SME-RSV-BUDGETLEVEL|fail",
      // deduction ranges: 6-10% to 2022-06-30, 10-20% from 2022-07-01; works 3-5%
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.08,'max':0.08}}|2021-01-01|SME-PD-RANGE-GS|pass",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.08,'max':0.08}}|2022-06-30|SME-PD-RANGE-GS|pass",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.08,'max':0.08}}|2022-07-01|SME-PD-RANGE-GS|fail",
      "{'procurementType':'services','reserved':false,'smallMicroDeduction':{'min':0.06,'max':0.06}}|2024-03-01|SME-PD-RANGE-GS|fail",
      "{'procurementType':'services','reserved':false,'smallMicroDeduction':{'min':0.2,'max':0.2}}|2025-12-31|SME-PD-RANGE-GS|pass",
      "{'procurementType':'services','reserved':false,'smallMicroDeduction':{'min':0.2,'max':0.2}}|2026-01-01|SME-PD-RANGE-GS|pass",
      "{'procurementType':'works','reserved':false,'smallMicroDeduction':{'min':0.04,'max':0.04}}|2023-01-01|SME-PD-RANGE-WORKS|pass",
      "{'procurementType':'works','reserved':false,'smallMicroDeduction':{'min':0.06,'max':0.06}}|2023-01-01|SME-PD-RANGE-WORKS|fail",
      "{'procurementType':'works','reserved':false,'smallMicroDeduction':{'min':0.04,'max':0.04}}|2023-01-01|SME-PD-RANGE-GS|not-applicable",
      // consortium 2-3% to 2022-06-30, 4-6% after; works 1-2%
      "{'procurementType':'goods','consortiumDeduction':{'min':0.03,'max':0.03}}|2022-06-30|SME-PD-JV|pass",
      "{'procurementType':'goods','consortiumDeduction':{'min':0.03,'max':0.03}}|2022-07-01|SME-PD-JV|fail",
      "{'procurementType':'works','consortiumDeduction':{'min':0.02,'max':0.02}}|2023-07-01|SME-PD-JV|pass",
      // deduction required unless reserved; none in reserved; small and micro only; one fixed rate
      "{'procurementType':'goods','reserved':false}|2024-01-01|SME-PD-REQUIRED|fail",
      "{'procurementType':'goods','reserved':true,'reserveMethod':'whole'}|2024-01-01|SME-PD-REQUIRED|not-applicable",
      "{'procurementType':'goods','reserved':true,'reserveMethod':'whole','smallMicroDeduction':{'min':0.1,'max':0.1}}|2024-01-01|SME-PD-NONE-IN-RESERVED|fail",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1},'mediumDeduction':true}|2024-01-01|SME-PD-SMALLMICRO-ONLY|fail",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.2}}|2024-01-01|SME-PD-RATE-CHOICE|review",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1},'goodsAllMadeBySmallMicro':true}|2024-01-01|SME-PD-GOODS-ALL|pass",
      "{'procurementType':'services','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1}}|2024-01-01|SME-PD-GOODS-ALL|not-applicable",
      // paperwork
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1},'industries':['工业'],'subcontractDownClause':true}|2024-01-01|SME-DOC-CONTENT|pass",
      "{'procurementType':'goods','reserved':false,'smallMicroDeduction':{'min':0.1,'max':0.1}}|2024-01-01|SME-DOC-CONTENT|fail",
      "{'procurementType':'services','declarationTemplate':'goods'}|2024-01-01|SME-DECL-TEMPLATE|fail",
      "{'procurementType':'works','declarationTemplate':'works-services'}|2024-01-01|SME-DECL-TEMPLATE|pass",
      "{'procurementType':'goods','reserved':true,'reserveMethod':'whole','prisonAndDisabledClause':false}|2024-01-01|SME-PRISON-DISABLED|review",
      // bonds: bid ≤2% of budget, performance ≤10%
      "{'budgetCny':1000000,'bidBondCny':20000}|2024-01-01|BOND-BID|pass",
      "{'budgetCny':1000000,'bidBondCny':20001}|2024-01-01|BOND-BID|fail",
      "{'bidBondShare':0.03}|2024-01-01|BOND-BID|fail",
      "{'performanceBondShare':0.10}|2024-01-01|BOND-PERF|pass",
      "{'performanceBondShare':0.12}|2024-01-01|BOND-PERF|fail",
      "{'bondFormRestricted':true}|2024-01-01|BOND-FORM|fail",
      "{'procurementType':'services','otherDeposit':true}|2024-01-01|BOND-OTHER|fail",
      "{'procurementType':'works','otherDeposit':true}|2024-01-01|BOND-OTHER|not-applicable",
      // payment: 60 days at most; audit settlement banned from 2025-06-01
      "{'paymentDays':60}|2024-01-01|PAY-TERM|pass",
      "{'paymentDays':90}|2024-01-01|PAY-TERM|fail",
      "{'paymentDays':30,'paymentConditional':true}|2024-01-01|PAY-TERM|fail",
      "{'paymentDays':30}|2020-08-31|PAY-TERM|not-applicable",
      "{'auditSettlement':true}|2025-05-31|PAY-AUDIT|review",
      "{'auditSettlement':true}|2025-06-01|PAY-AUDIT|fail",
      "{'noLateInterest':true}|2024-01-01|PAY-INTEREST|fail",
      "{}|2024-01-01|PAY-CONTENT|fail",
  })
  void verdicts(String json, String date, String check, String expected) throws Exception {
    assertEquals(expected, status(json.replace('\'', '"'), date, check));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "reserve.share.works|2022-06-30|0.30",
      "reserve.share.works|2022-07-01|0.40",
      "reserve.share.works|2027-01-01|0.30",
      "deduction.smallMicro.goods_services.min|2022-06-30|0.06",
      "deduction.smallMicro.goods_services.min|2022-07-01|0.10",
      "domesticProduct.preference|2026-01-01|0.20",
  })
  void parametersFollowTheirWindows(String key, String date, double value) {
    assertEquals(value, PolicyParams.load(null).get(key, LocalDate.parse(date), null).value(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"2025-12-31|", "2026-01-01|0.2"})
  void theDomesticPreferenceStartsIn2026(String date, Double value) {
    PolicyParams.Param p = PolicyParams.load(null).get("domesticProduct.preference", LocalDate.parse(date), null);
    assertEquals(value, p == null ? null : p.value());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"|0.30", "山东|0.40"})
  void provinceRulesAddToTheNationalOnes(String province, double share) {
    assertEquals(share, PolicyParams.load(null).get("reserve.share.goods_services", LocalDate.of(2023, 1, 1),
        province == null || province.isBlank() ? null : province).value(), 1e-9);
  }
}
