package io.fairtender.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Fails the build when precision or recall on the labelled set drops below the recorded floors. */
class EvalTest {
  private static final Path EVAL = TestPaths.project().resolve("test-docs/eval");

  @Test
  void labelledSetStaysAtOrAboveTheRecordedFloor() throws IOException {
    Path corpus = TestPaths.project().resolve("../shared/corpus").normalize();
    Evaluation.Result r = new Evaluation(Checker.create(CheckerConfig.defaults()), LocalDate.of(2026, 6, 1)).run(EVAL, corpus);
    Properties floor = new Properties();
    try (InputStream in = Files.newInputStream(EVAL.resolve("thresholds.properties"))) {
      floor.load(in);
    }
    assertTrue(r.items().size() >= 400, "the labelled set has " + r.items().size() + " clauses");
    assertTrue(r.lawful() >= r.items().size() * 0.4, "at least 40% lawful look-alikes");
    String detail = "false alarms " + r.falseAlarms().stream().map(i -> i.source() + " " + i.rules()).toList()
        + "; misses " + r.misses().stream().map(Evaluation.Item::source).toList();
    assertTrue(r.overall().precision() >= Double.parseDouble(floor.getProperty("overall.precision")), "precision " + r.overall().precision() + " " + detail);
    assertTrue(r.overall().recall() >= Double.parseDouble(floor.getProperty("overall.recall")), "recall " + r.overall().recall() + " " + detail);
    double min = Double.parseDouble(floor.getProperty("category.min"));
    for (Map.Entry<String, Evaluation.Counts> e : r.byCategory().entrySet()) {
      assertTrue(e.getValue().precision() >= min && e.getValue().recall() >= min, e.getKey() + " below " + min + ": " + detail);
    }
    for (String c : List.of("ownership", "age", "scale", "financial", "region", "performance", "award", "certification",
        "brand", "procedure", "sme-policy")) {
      assertTrue(r.byCategory().containsKey(c), "the labelled set covers " + c);
    }
    if (Files.isDirectory(corpus)) {
      assertTrue(r.corpusLabels() > 0);
      assertEquals(List.of(), r.corpusProblems());
    }
  }
}
