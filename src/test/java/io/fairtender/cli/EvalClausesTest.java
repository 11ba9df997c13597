package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --clauses FILE} scores a clause file of the outside-author format and names what it got wrong. */
class EvalClausesTest {
  private record Run(int code, List<String> out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString().lines().toList(), err.toString());
  }

  @Test
  void scoresEachClauseAndPrintsMissesAndFalseAlarmsWithTheirText(@TempDir Path dir) throws IOException {
    Path tsv = dir.resolve("mine.tsv");
    Files.writeString(tsv, String.join("\n",
        "# id\tcontext\taccept\ttext",
        "A1\tqualification\tscale\t投标人注册资本不低于伍仟万元。",
        "A2\tqualification\tnone\t投标人须具有独立承担民事责任的能力。",
        "A3\tscoring\tbrand\t投标人响应及时的得2分。", // not a brand clause: the checker rightly finds nothing, so a miss
        ""), StandardCharsets.UTF_8);
    Run r = run("eval", "--clauses", tsv.toString(), "--as-of", "2025-06-01");
    assertEquals(Main.EXIT_CLEAN, r.code(), r.err());
    assertTrue(r.out().contains("MISS A3 [scoring] [brand] got [] :: 投标人响应及时的得2分。"), r.out().toString());
    assertTrue(r.out().stream().noneMatch(l -> l.contains(" A1 ") || l.contains(" A2 ")), r.out().toString());
    assertTrue(r.out().contains(
        "mine.tsv: 3 clauses (2 violations, 1 look-alikes); recall 0.500 (1 found), precision 1.000 (0 false alarms)"),
        r.out().toString());
    assertTrue(r.out().contains("found by category: brand 0/1  scale 1/1"), r.out().toString());
  }

  @Test
  void clauseFilesOfTheLabelledSetAreScoredAndHeldToTheirFloors(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "q|scale|投标人注册资本不低于伍仟万元。\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mine-clauses.tsv"), String.join("\n",
        "A1\tqualification\tscale\t投标人注册资本不低于伍仟万元。",
        "A2\tscoring\tbrand\t投标人响应及时的得2分。", ""), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("thresholds.properties"), "clauses.recall=0.9\nclauses.precision=0.9\n");
    Run r = run("eval", dir.toString(), "--corpus", dir.resolve("no-corpus").toString(), "--check");
    assertEquals(Main.EXIT_ERROR, r.code(), String.join("\n", r.out()));
    assertTrue(r.out().contains("MISS A2 [scoring] [brand] got [] :: 投标人响应及时的得2分。"), r.out().toString());
    assertTrue(r.out().contains(
        "eval: mine-clauses.tsv: recall 0.500, precision 1.000 below the floors 0.900, 0.900"), r.out().toString());
    Files.writeString(dir.resolve("thresholds.properties"), "clauses.recall=0.5\nclauses.precision=0.9\n");
    assertEquals(Main.EXIT_CLEAN, run("eval", dir.toString(), "--corpus", dir.resolve("no-corpus").toString(), "--check").code());
  }

  @Test
  void aMalformedOrMissingFileIsAUsageError(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "A1\tnowhere\tscale\t注册资本不低于500万元。\n", StandardCharsets.UTF_8);
    Run r = run("eval", "--clauses", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("expected id, context, accept, text"), r.err());
    Run missing = run("eval", "--clauses", dir.resolve("none.tsv").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }
}
