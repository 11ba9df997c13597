package io.fairtender.analyse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.eval.CorpusClauses;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./fairtender train is reproducible, and the committed models are what the committed data trains. */
class ModelTrainerTest {
  private static final Path MODELS = TestPaths.project().resolve("models");

  @Test
  void retrainingFromTheCommittedDataGivesTheCommittedModels(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    try (var files = Files.list(MODELS.resolve("data"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve("data").resolve(f.getFileName()));
      }
    }
    // the committed models were trained with the real documents' labelled clauses too: read them when ../shared is here
    Path corpus = TestPaths.project().resolve("../shared/corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not beside the project");
    List<String[]> corpusRows = CorpusClauses.trainingRows(Checker.create(CheckerConfig.defaults()), corpus,
        MODELS.resolve("data/corpus-clauses.tsv"), new int[1]);
    StringWriter first = new StringWriter();
    new ModelTrainer(dir, new PrintWriter(first)).run(corpusRows);
    StringWriter second = new StringWriter();
    new ModelTrainer(dir, new PrintWriter(second)).run(corpusRows);
    assertEquals(first.toString(), second.toString(), "training is deterministic");
    assertEquals(Files.readString(MODELS.resolve("zh-clause.properties")).lines().filter(l -> !l.startsWith("#")).toList(),
        Files.readString(dir.resolve("zh-clause.properties")).lines().filter(l -> !l.startsWith("#")).toList(),
        "models/zh-clause.properties is stale: run ./fairtender train");
    Models fresh = Models.load(dir);
    Models committed = Models.load(MODELS);
    String sample = String.join("", Files.readAllLines(MODELS.resolve("data/sentences-test.txt")));
    assertEquals(committed.sentences(sample, 0, sample.length()).stream().map(s -> s[1]).toList(),
        fresh.sentences(sample, 0, sample.length()).stream().map(s -> s[1]).toList(), "models/zh-sent.bin is stale");
    for (String line : Files.readAllLines(MODELS.resolve("data/clauses.tsv"))) {
      if (!line.startsWith("#")) {
        String clause = line.split("\t", 3)[2];
        assertEquals(committed.rate(clause), fresh.rate(clause), "models/zh-clause.bin is stale: " + clause);
      }
    }
  }
}
