package io.fairtender.cli;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.eval.CorpusReports;
import io.fairtender.eval.Evaluation;
import io.fairtender.eval.IndependentClauses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairtender eval [DIR]}: precision and recall per category on the labelled set, plus corpus labels. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "在标注数据上测量准确率与召回率 / Measure precision and recall on the labelled set.")
public final class EvalCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Labelled set (default: test-docs/eval).")
  Path dir = Path.of("test-docs/eval");

  @Option(names = "--corpus", paramLabel = "DIR", description = "Real documents for corpus-labels.tsv (default: ../shared/corpus when it exists).")
  Path corpus = Path.of("../shared/corpus");

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Date the rules are applied as of (default: today).")
  LocalDate asOf = LocalDate.now();

  @Option(names = "--check", description = "Exit 1 when overall precision or recall falls below thresholds.properties, or a corpus label fails.")
  boolean check;

  @Option(names = "--clauses", paramLabel = "FILE", description = "Score only this clause file (tab-separated id, context, "
      + "accepted categories or none, text; the format of ../shared/dev/clauses-independent.tsv): each miss and false "
      + "alarm with its text, recall and precision overall and per category.")
  Path clauses;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Checker checker = Checker.create(CheckerConfig.defaults());
    if (clauses != null) {
      if (!Files.isRegularFile(clauses)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--clauses: no such file: " + clauses);
      }
      IndependentClauses.Result scored;
      try {
        scored = IndependentClauses.score(clauses, checker, asOf);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--clauses: " + e.getMessage());
      }
      ClauseReport.print(clauses, scored, out);
      out.flush();
      return Main.EXIT_CLEAN;
    }
    // each corpus document is checked once, for the team's corpus labels and the real-document measures alike
    CorpusReports reports = corpus != null && Files.isDirectory(corpus) ? new CorpusReports(checker, corpus) : null;
    Evaluation.Result r = new Evaluation(checker, asOf).run(dir, reports);
    out.printf("%d clauses (%d lawful look-alikes, %.0f%%)%n", r.items().size(), r.lawful(), 100.0 * r.lawful() / r.items().size());
    out.printf("%-14s %6s %6s %5s %5s %5s%n", "category", "prec", "recall", "tp", "fp", "fn");
    for (Map.Entry<String, Evaluation.Counts> e : r.byCategory().entrySet()) {
      Evaluation.Counts c = e.getValue();
      out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %5d %5d %5d%n", e.getKey(), c.precision(), c.recall(), c.tp(), c.fp(), c.fn());
    }
    Evaluation.Counts o = r.overall();
    out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %5d %5d %5d%n", "overall", o.precision(), o.recall(), o.tp(), o.fp(), o.fn());
    for (Evaluation.Item i : r.falseAlarms()) {
      out.println("FALSE ALARM " + i.source() + " [" + i.role().id() + "] " + i.text() + " -> " + i.rules());
    }
    for (Evaluation.Item i : r.misses()) {
      out.println("MISS " + i.source() + " [" + i.role().id() + "] " + i.labels() + " " + i.text() + " -> " + i.rules());
    }
    if (r.corpusLabels() > 0) {
      out.printf("corpus labels: %d, problems: %d%n", r.corpusLabels(), r.corpusProblems().size());
      r.corpusProblems().forEach(p -> out.println("CORPUS " + p));
    } else {
      out.println("corpus labels: not run (no " + corpus + ")");
    }
    RealDocuments real = RealDocuments.run(checker, dir, reports, asOf, out);
    Properties t = thresholds(dir);
    List<String> clauseProblems = clauseFiles(checker, t, out);
    out.flush();
    if (check) {
      double minP = Double.parseDouble(t.getProperty("overall.precision", "0"));
      double minR = Double.parseDouble(t.getProperty("overall.recall", "0"));
      double minCat = Double.parseDouble(t.getProperty("category.min", "0"));
      boolean catOk = r.byCategory().values().stream().allMatch(c -> c.precision() >= minCat && c.recall() >= minCat);
      List<String> realProblems = new java.util.ArrayList<>(real.belowFloors(t));
      realProblems.addAll(clauseProblems);
      realProblems.forEach(p -> out.println("eval: " + p));
      if (o.precision() < minP || o.recall() < minR || !catOk || !r.corpusProblems().isEmpty() || !realProblems.isEmpty()) {
        out.printf(Locale.ROOT, "eval: below the recorded floor (precision %.3f, recall %.3f, per category %.2f)%n", minP, minR, minCat);
        out.flush();
        return Main.EXIT_ERROR;
      }
      out.println("eval: at or above the recorded floor");
    }
    out.flush();
    return Main.EXIT_CLEAN;
  }

  /**
   * Scores every {@code *-clauses.tsv} of the labelled set (clause files in the outside author's format, written by the
   * team) and returns what falls below the floors {@code clauses.recall} and {@code clauses.precision}.
   */
  private List<String> clauseFiles(Checker checker, Properties t, PrintWriter out) throws IOException {
    List<String> problems = new java.util.ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.getFileName().toString().endsWith("-clauses.tsv")).sorted().toList();
    }
    double minRecall = Double.parseDouble(t.getProperty("clauses.recall", "0"));
    double minPrecision = Double.parseDouble(t.getProperty("clauses.precision", "0"));
    for (Path f : files) {
      IndependentClauses.Result r = IndependentClauses.score(f, checker, asOf);
      ClauseReport.print(f, r, out);
      if (r.recall() < minRecall || r.precision() < minPrecision) {
        problems.add(String.format(Locale.ROOT, "%s: recall %.3f, precision %.3f below the floors %.3f, %.3f",
            f.getFileName(), r.recall(), r.precision(), minRecall, minPrecision));
      }
    }
    return problems;
  }

  static Properties thresholds(Path dir) throws IOException {
    Properties p = new Properties();
    Path f = dir.resolve("thresholds.properties");
    if (Files.exists(f)) {
      try (InputStream in = Files.newInputStream(f)) {
        p.load(in);
      }
    }
    return p;
  }
}
