package io.fairtender.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The outside-clause scorer on a few clauses of the team's own wording (real clauses stay in ../shared). */
class IndependentClausesTest {
  @Test
  void scoresViolationsAndLookAlikesByAcceptedCategory() throws Exception {
    IndependentClauses.Result r = new IndependentClauses(
        new Evaluation(Checker.create(CheckerConfig.defaults()), LocalDate.of(2026, 6, 1)))
        .run(Path.of("src/test/resources/eval/independent-sample.tsv"));
    assertEquals(5, r.items().size());
    assertEquals(3, r.violations());
    assertEquals(3, r.found(), () -> "misses " + r.misses());
    assertEquals(3, r.flagged(), () -> "false alarms " + r.falseAlarms());
    assertEquals(1.0, r.precision());
    assertEquals(1.0, r.recall());
  }
}
