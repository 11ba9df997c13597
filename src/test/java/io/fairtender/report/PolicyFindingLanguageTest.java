package io.fairtender.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed SME-policy check becomes a finding whose every text is in the report's language. */
class PolicyFindingLanguageTest {
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());

  private static List<Finding> policyFindings(boolean english) throws Exception {
    Report r = CHECKER.check(DocumentInput.of(TestPaths.project().resolve("test-docs/08-services-fixed-rate.txt")),
        new CheckOptions(null, false, english));
    return r.findings().stream().filter(f -> f.source().equals("policy")).toList();
  }

  private static boolean han(String s) {
    return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @Test
  void englishPolicyFindingsCarryNoChinese() throws Exception {
    List<Finding> en = policyFindings(true);
    assertFalse(en.isEmpty(), "test-docs/08 fails a policy check (its 15% performance bond)");
    for (Finding f : en) {
      assertFalse(han(f.title()) || han(f.message()) || han(f.suggestion()), f.ruleId() + ": " + f.title() + " / "
          + f.message() + " / " + f.suggestion());
    }
    for (Finding f : policyFindings(false)) {
      assertTrue(han(f.suggestion()), f.ruleId() + ": " + f.suggestion());
    }
  }
}
