package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke runs of the three bench modes on tiny inputs. */
class BenchCommandTest {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");

  private record Run(int code, List<String> lines) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    return new Run(code, out.toString().lines().toList());
  }

  private static String last(Run r) {
    return r.lines().get(r.lines().size() - 1);
  }

  @Test
  void wordBenchComparesTheCheckWithTikaOnDocAndDocxFiles(@TempDir Path dir) throws IOException {
    Files.copy(DOCS.resolve("01-goods-open-tender.docx"), dir.resolve("a.docx"));
    Files.copy(DOCS.resolve("05-clean-tender.docx"), dir.resolve("b.docx"));
    Files.copy(DOCS.resolve("01-goods-open-tender.pdf"), dir.resolve("c.pdf")); // not a Word file: ignored
    Run r = run("bench", "--word", "--warmup", "1", "--rounds", "1", dir.toString());
    assertEquals(Main.EXIT_CLEAN, r.code(), String.join("\n", r.lines()));
    assertTrue(r.lines().get(0).startsWith("2 Word documents (0 .doc)"), r.lines().get(0));
    assertTrue(r.lines().stream().anyMatch(l -> l.matches("raw Tika extraction: [0-9.]+ docs/s, [0-9.]+ MB/s")), r.lines().toString());
    assertTrue(Pattern.matches("check/tika throughput ratio: [0-9]+\\.[0-9]{3}", last(r)), last(r));
  }

  @Test
  void wordBenchWithoutWordFilesFails(@TempDir Path dir) throws IOException {
    Files.copy(DOCS.resolve("01-goods-open-tender.pdf"), dir.resolve("c.pdf"));
    Run r = run("bench", "--word", dir.toString());
    assertEquals(Main.EXIT_ERROR, r.code());
    assertTrue(last(r).startsWith("no checkable .doc or .docx files"), last(r));
  }

  @Test
  void pdfBenchPrintsTheOtherExtractorsBesideTheCheck(@TempDir Path dir) throws IOException {
    Files.copy(DOCS.resolve("01-goods-open-tender.pdf"), dir.resolve("a.pdf"));
    Run r = run("bench", "--warmup", "1", "--rounds", "1", dir.toString());
    assertEquals(Main.EXIT_CLEAN, r.code(), String.join("\n", r.lines()));
    assertTrue(r.lines().stream().anyMatch(l -> l.matches("raw Tika extraction: +[0-9.]+ pages/s")), r.lines().toString());
    assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("pdftotext")), r.lines().toString());
    assertTrue(last(r).startsWith("check/extract throughput ratio: "), last(r));
  }

  @Test
  void repeatedPdfBenchPrintsEachRunAndTheMedianRatio(@TempDir Path dir) throws IOException {
    Files.copy(DOCS.resolve("01-goods-open-tender.pdf"), dir.resolve("a.pdf"));
    Run r = run("bench", "--warmup", "1", "--rounds", "1", "--repeat", "3", dir.toString());
    assertEquals(Main.EXIT_CLEAN, r.code(), String.join("\n", r.lines()));
    List<Double> ratios = r.lines().stream().filter(l -> l.startsWith("run "))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sorted().toList();
    assertEquals(3, ratios.size(), String.join("\n", r.lines()));
    assertTrue(last(r).endsWith("(median of 3 runs; rates above from that run)"), last(r));
    assertEquals(ratios.get(1), Double.parseDouble(last(r).split(" ")[3]), 0.0011, last(r));
    assertTrue(r.lines().stream().anyMatch(l -> l.matches(
        "FairTender's own PDF extraction \\(the check's first stage alone\\): [0-9.]+ pages/s; check/that [0-9]\\.[0-9]{3}")),
        String.join("\n", r.lines()));
  }

  @Test
  void repeatedWordBenchGivesTheMedianOfItsRuns(@TempDir Path dir) throws IOException {
    Files.copy(DOCS.resolve("05-clean-tender.docx"), dir.resolve("b.docx"));
    Run r = run("bench", "--word", "--warmup", "1", "--rounds", "1", "--repeat", "2", dir.toString());
    assertEquals(Main.EXIT_CLEAN, r.code(), String.join("\n", r.lines()));
    assertEquals(2, r.lines().stream().filter(l -> l.startsWith("check/tika throughput ratio: ")).count());
    assertTrue(last(r).startsWith("median check/tika throughput ratio of 2 runs: "), last(r));
  }

  @Test
  void scalingBenchMeasuresEveryKindAndSizeAndPrintsTheGrowth() {
    Run r = run("bench", "--scaling", "--scaling-divisor", "2000", "--scaling-rounds", "1", DOCS.toString());
    assertEquals(Main.EXIT_CLEAN, r.code(), String.join("\n", r.lines()));
    for (String kind : List.of("PDF", "TXT", "DOCX")) {
      assertEquals(3, r.lines().stream().filter(l -> l.startsWith(kind + " ") && !l.contains("→")).count(), String.join("\n", r.lines()));
      assertTrue(r.lines().stream().anyMatch(l -> l.startsWith(kind) && l.contains("→") && l.contains("segment")),
          String.join("\n", r.lines()));
    }
    assertTrue(last(r).startsWith("no stage grows") || last(r).startsWith("stages growing"), last(r));
  }

  @Test
  void scalingDivisorBelowOneIsRefused() {
    assertEquals(Main.EXIT_USAGE, run("bench", "--scaling", "--scaling-divisor", "0").code());
  }
}
