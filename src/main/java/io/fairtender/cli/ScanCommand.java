package io.fairtender.cli;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.scan.DocumentSummary;
import io.fairtender.scan.ScanItem;
import io.fairtender.scan.ScanSource;
import io.fairtender.scan.ScanState;
import io.fairtender.scan.Scanner;
import io.fairtender.scan.SummaryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairtender scan PATH... --out DIR}: checks whole archives in parallel, resumably, with summaries. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "批量检查文件夹、压缩包和文件，可中断续跑 / Check folders, ZIP packages and files in parallel; resumable.",
    footer = {"", "Exit codes: 0 no findings, 4 findings, 1 a document could not be checked, 2 usage."})
public final class ScanCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (recursive), ZIP packages and files.")
  List<Path> paths;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; the same folder resumes an interrupted scan.")
  Path out;

  @Option(names = "--workers", paramLabel = "N", description = "Documents checked at once (default: the number of cores).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--memory-mb", paramLabel = "MB", description = "Memory for documents being checked at once (default: a third of the heap).")
  Long memoryMb;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only files modified on or after this date.")
  LocalDate since;

  @Option(names = "--include", paramLabel = "GLOB", description = "Only paths matching this glob (repeatable; default: the formats the checker reads).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out paths matching this glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--format", split = ",", paramLabel = "FORMAT", description = "Per-document reports besides JSON: html, sarif (comma list; default: html).")
  List<String> formats = new ArrayList<>(List.of("html"));

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Apply the rules in force on this date (default: each document's own date).")
  LocalDate asOf;

  @Option(names = "--lang", defaultValue = "zh", description = "Language of messages: zh or en. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Option(names = "--no-ocr", description = "Do not OCR pages without a text layer.")
  boolean noOcr;

  @Option(names = "--ocr-workers", paramLabel = "N", description = "Pages of one document read by OCR at once, one Tesseract process each (default: the number of cores; the process never runs more Tesseracts than the cores or N).")
  Integer ocrWorkers;

  @Option(names = "--retry-failed", description = "Check again the documents that failed in an earlier run.")
  boolean retryFailed;

  @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Time allowed per document. Default: ${DEFAULT-VALUE}.")
  int timeLimit = 120;

  @Option(names = "--progress", defaultValue = "auto", description = "auto (a bar on a terminal, lines otherwise), bar, lines or none.")
  String progress;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be zh or en");
    }
    if (workers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1");
    }
    Set<String> fmt = new LinkedHashSet<>(formats);
    fmt.removeIf(f -> f.equals("json"));
    if (!Set.of("html", "sarif").containsAll(fmt)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format takes json, html and sarif");
    }
    List<ScanItem> items;
    try {
      items = new ScanSource(includes, excludes, since).list(paths);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Files.createDirectories(out);
    Checker checker = Configuration.checker(CheckerConfig.defaults().withOcr(!noOcr).withTimeLimit(Duration.ofSeconds(timeLimit))
        .withOcrWorkers(Configuration.ocrWorkers(ocrWorkers)));
    boolean en = lang.equals("en");
    long budget = memoryMb != null ? memoryMb << 20 : Scanner.Options.defaultBudget();
    Scanner.Options options = new Scanner.Options(out, workers, budget, retryFailed, new CheckOptions(asOf, false, en), fmt);
    try (ScanState state = ScanState.open(out); ScanProgress bar = ScanProgress.create(progress, err)) {
      Scanner.Outcome o = new Scanner(checker, options, state).run(items, bar);
      bar.close();
      List<DocumentSummary> docs = SummaryWriter.write(state, out, en);
      long failed = docs.stream().filter(DocumentSummary::failed).count();
      boolean findings = docs.stream().anyMatch(d -> d.violations() + d.risks() > 0);
      err.printf("scan: %d documents (%d already done, %d checked, %d same as another, %d failed now); %d failed in all; "
          + "summaries in %s%n", o.documents(), o.skipped(), o.checked(), o.reused(), o.failed(), failed, out);
      err.flush();
      return failed > 0 ? Main.EXIT_ERROR : findings ? Main.EXIT_FINDINGS : Main.EXIT_CLEAN;
    }
  }
}
