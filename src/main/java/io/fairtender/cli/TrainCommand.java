package io.fairtender.cli;

import io.fairtender.analyse.model.ModelTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fairtender train}: rebuilds the Chinese models from models/data and prints their held-out evaluation. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "用 models/data 重新训练中文句子与条款模型 / Rebuild the Chinese sentence and clause models from models/data.")
public final class TrainCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "DIR", description = "The models folder (default: models).")
  Path dir = Path.of("models");

  @CommandLine.Option(names = "--corpus", paramLabel = "DIR", description = "Also train on the labelled clauses of the real documents in DIR (../shared/corpus), listed in models/data/corpus-clauses.tsv.")
  Path corpus;

  @CommandLine.Option(names = "--label-corpus", description = "First derive models/data/corpus-clauses.tsv from the team's judgements (test-docs/eval/corpus-judgements.tsv) and DIR/LABELS.tsv.")
  boolean labelCorpus;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    java.util.List<String[]> corpusRows = java.util.List.of();
    if (corpus != null) {
      corpusRows = CorpusTraining.rows(dir, corpus, labelCorpus, spec.commandLine().getOut());
    }
    new ModelTrainer(dir, spec.commandLine().getOut()).run(corpusRows);
    spec.commandLine().getOut().println("wrote " + dir.resolve("zh-sent.bin") + ", " + dir.resolve("zh-clause.bin")
        + ", " + dir.resolve("zh-clause.properties") + " (rebuild the jar to use them: mvn package)");
    spec.commandLine().getOut().flush();
    return Main.EXIT_CLEAN;
  }
}
