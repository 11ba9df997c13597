package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The growth table of the scaling bench. */
class ScalingBenchTest {
  private static ScalingBench.Row row(ScalingBench.Kind kind, int chars, double... millis) {
    return new ScalingBench.Row(kind, chars + " chars", chars, millis);
  }

  @Test
  void aStageWhoseCostPerCharacterGrowsMoreThanThirtyPercentIsFlagged() {
    List<ScalingBench.Row> rows = List.of(
        row(ScalingBench.Kind.TXT, 1000, 1, 1, 1, 1, 4),
        row(ScalingBench.Kind.TXT, 10_000, 10, 12, 14, 10, 46),
        row(ScalingBench.Kind.TXT, 100_000, 100, 120, 200, 100, 520));
    StringWriter sw = new StringWriter();
    List<String> over = ScalingBench.printGrowth(new PrintWriter(sw), rows);
    assertEquals(List.of("TXT segment"), over, sw.toString());
    assertTrue(sw.toString().contains("normalise 1.20×  segment 2.00× OVER"), sw.toString());
    assertTrue(sw.toString().contains("check 1.30×"), sw.toString());
  }

  @Test
  void constantCostPerCharacterPasses() {
    List<ScalingBench.Row> rows = List.of(
        row(ScalingBench.Kind.PDF, 1000, 2, 1, 1, 1, 5),
        row(ScalingBench.Kind.PDF, 1_000_000, 2000, 1000, 1000, 1000, 5000));
    StringWriter sw = new StringWriter();
    assertEquals(List.of(), ScalingBench.printGrowth(new PrintWriter(sw), rows));
    assertTrue(sw.toString().endsWith("no stage grows by more than 1.3×" + System.lineSeparator()), sw.toString());
  }
}
