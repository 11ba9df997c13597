package io.fairtender.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The outside-clause scorer on a few clauses of the team's own wording (real clauses stay in ../shared). */
class IndependentClausesTest {
  @Test
  void scoresViolationsAndLookAlikesByAcceptedCategory() throws Exception {
    IndependentClauses.Result r = IndependentClauses.score(
        TestPaths.project().resolve("src/test/resources/eval/independent-sample.tsv"),
        Checker.create(CheckerConfig.defaults()), LocalDate.of(2026, 6, 1));
    assertEquals(5, r.items().size());
    assertEquals(3, r.positives());
    assertEquals(3, r.found(), () -> "misses " + r.items().stream().filter(i -> i.positive() && !i.found()).toList());
    assertEquals(0, r.falseAlarms(), () -> "false alarms " + r.items().stream().filter(IndependentClauses.Item::falseAlarm).toList());
    assertEquals(1.0, r.precision());
    assertEquals(1.0, r.recall());
  }
}
