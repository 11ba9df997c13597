package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.analyse.policy.Facts;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.report.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Whole-document SME-policy fixtures, in every format: the facts read and the verdicts given. */
class PolicyDocsTest {
  private static final Checker CHECKER = TestDocsTest.CHECKER;

  private record Case(String doc, LocalDate asOf, Map<String, Object> facts, Map<String, String> verdicts, List<String> findings) {}

  private static Map<String, Object> m(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  private static Map<String, String> v(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  private static final List<Case> CASES = List.of(
      new Case("07-reserved-goods", null,
          m("procurementType", "goods", "budgetCny", 1_500_000L, "documentDate", "2024-04-10", "reserved", true,
              "reserveMethod", "whole", "smallMicroDeduction", null, "declarationTemplate", "goods", "industries", List.of("工业")),
          v("SME-RSV-SMALL", "pass", "SME-RSV-LT3", "pass", "SME-PD-NONE-IN-RESERVED", "pass", "SME-PD-REQUIRED", "not-applicable",
              "SME-DECL-TEMPLATE", "pass", "SME-SUBCONTRACT-DOWN", "pass", "BOND-PERF", "pass", "PAY-TERM", "pass"),
          List.of()),
      new Case("08-services-fixed-rate", null,
          m("procurementType", "services", "budgetCny", 5_000_000L, "documentDate", "2023-05-08", "reserved", false,
              "smallMicroDeduction", new Facts.Range(0.15, 0.15), "consortiumDeduction", new Facts.Range(0.05, 0.05),
              "industries", List.of("物业管理"), "bidBondCny", 100_000L, "performanceBondShare", 0.15, "paymentDays", 60),
          v("SME-RSV-BUDGETLEVEL", "review", "SME-PD-REQUIRED", "pass", "SME-PD-RANGE-GS", "pass", "SME-PD-JV", "pass",
              "SME-PD-RATE-CHOICE", "pass", "SME-DECL-TEMPLATE", "pass", "BOND-BID", "pass", "BOND-PERF", "fail", "PAY-TERM", "pass"),
          List.of("BOND-PERF")),
      new Case("09-works-consortium", null,
          m("procurementType", "works", "budgetCny", 12_000_000L, "documentDate", "2023-09-20", "reserved", true,
              "reserveMethod", "consortium", "reserveShare", 0.4, "reserveIsQualification", true, "industries", List.of("建筑业")),
          v("SME-RSV-LARGE", "pass", "SME-RSV-METHOD", "pass", "SME-RSV-LT3", "pass", "SME-DECL-TEMPLATE", "pass",
              "BOND-BID", "pass", "BOND-OTHER", "not-applicable", "PAY-TERM", "pass"),
          List.of()),
      new Case("10-goods-2021-six-percent", null,
          m("procurementType", "goods", "budgetCny", 3_000_000L, "documentDate", "2021-09-15", "reserved", false,
              "smallMicroDeduction", new Facts.Range(0.06, 0.06), "bidBondCny", 60_000L),
          v("SME-PD-RANGE-GS", "pass", "SME-PD-GOODS-ALL", "pass", "BOND-BID", "pass", "BOND-PERF", "pass"),
          List.of()),
      new Case("10-goods-2021-six-percent", LocalDate.of(2023, 1, 1), m("smallMicroDeduction", new Facts.Range(0.06, 0.06)),
          v("SME-PD-RANGE-GS", "fail"), List.of("SME-PD-RANGE-GS")));

  @TestFactory
  Stream<DynamicTest> factsAndVerdictsInEveryFormat() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (String ext : List.of("pdf", "docx", "html", "txt")) {
        tests.add(DynamicTest.dynamicTest(c.doc() + "." + ext + (c.asOf() == null ? "" : " as of " + c.asOf()), () -> {
          Report r = CHECKER.check(DocumentInput.of(TestDocsTest.DIR.resolve(c.doc() + "." + ext)),
              new CheckOptions(c.asOf(), false, false));
          assertEquals("government", r.regime().id());
          Facts f = r.facts();
          for (Map.Entry<String, Object> e : c.facts().entrySet()) {
            Facts.Fact<?> fact = (Facts.Fact<?>) Facts.class.getMethod(e.getKey()).invoke(f);
            assertEquals(e.getValue(), fact.value(), e.getKey());
            if (e.getValue() != null) {
              assertTrue(!fact.evidence().isEmpty(), "evidence for " + e.getKey());
            }
          }
          Map<String, String> got = new LinkedHashMap<>();
          for (PolicyCheck pc : r.policy().checks()) {
            got.put(pc.ruleId(), pc.status());
          }
          for (Map.Entry<String, String> e : c.verdicts().entrySet()) {
            assertEquals(e.getValue(), got.get(e.getKey()), e.getKey());
          }
          assertEquals(c.findings(), r.findings().stream().filter(x -> x.source().equals("policy")).map(x -> x.ruleId()).toList());
          if (c.asOf() == null) {
            assertEquals("document", r.asOf().source());
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void evidenceQuotesTheDocument() throws Exception {
    Report r = CHECKER.check(DocumentInput.of(TestDocsTest.DIR.resolve("08-services-fixed-rate.txt")), new CheckOptions(null, true, false));
    Facts.Evidence e = r.facts().smallMicroDeduction().evidence().get(0);
    int[] cps = r.text().codePoints().toArray();
    assertEquals(e.quote(), new String(cps, e.start(), e.end() - e.start()));
    assertTrue(e.quote().contains("15%"));
  }
}
