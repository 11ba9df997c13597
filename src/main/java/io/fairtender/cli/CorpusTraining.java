package io.fairtender.cli;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.eval.CorpusClauses;
import io.fairtender.eval.CorpusReports;
import io.fairtender.eval.Judgements;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real documents' labelled clauses for {@code fairtender train --corpus}: derived, then read back with their text. */
final class CorpusTraining {
  static final String ROWS = "data/corpus-clauses.tsv";

  private CorpusTraining() {}

  static List<String[]> rows(Path models, Path corpus, boolean derive, PrintWriter out) throws IOException {
    Checker checker = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.REQUIRED));
    Path rowsFile = models.resolve(ROWS);
    if (derive) {
      Path judgements = Path.of("test-docs/eval/corpus-judgements.tsv");
      if (!Files.isRegularFile(judgements)) {
        throw new ConfigurationError("--label-corpus: run it from the project folder (no " + judgements + " here)", null);
      }
      List<CorpusClauses.Row> rows = CorpusClauses.derive(checker, new CorpusReports(checker, corpus),
          Judgements.load(judgements), corpus.resolve("LABELS.tsv"));
      CorpusClauses.write(rows, rowsFile);
      out.printf("labelled %d clauses of %s (%d not none) into %s%n", rows.size(), corpus,
          rows.stream().filter(r -> !r.label().equals("none")).count(), rowsFile);
    }
    int[] stale = new int[1];
    List<String[]> rows = CorpusClauses.trainingRows(checker, corpus, rowsFile, stale);
    out.printf("corpus clauses: %d rows read (%d no longer match the documents and were left out)%n", rows.size(), stale[0]);
    return rows;
  }
}
