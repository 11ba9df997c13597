package io.fairtender.cli;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.Deadline;
import io.fairtender.DocumentInput;
import io.fairtender.extract.PdfExtractor;
import io.fairtender.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fairtender bench DIR...}: pages per second of raw PDFBox extraction and of the full check on the same PDFs,
 * single thread, after warm-up, in one run (Tika and pdftotext beside them); the last line is the throughput ratio.
 * {@code --word} does the same for Word files against Tika ({@link WordBench}), {@code --scaling} measures how the
 * cost per character of each stage grows with the size of generated documents ({@link ScalingBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "测量检查速度与原始文本提取速度之比 / Measure check throughput against raw PDFBox extraction.")
public final class BenchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "DIR", description = "Folders searched for PDFs (default: test-docs).")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up passes over all files. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--rounds", defaultValue = "5", description = "Measured passes. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--ocr", description = "OCR pages without a text layer during the check too (raw extraction never does, so the ratio then mostly measures Tesseract).")
  boolean ocr;

  @Option(names = "--scaling", description = "Cost per 1,000 characters of each stage on generated PDFs (10/100/1,000 pages), texts and DOCX files (1/5/20 MB), and its growth with size.")
  boolean scaling;

  @Option(names = "--scaling-divisor", hidden = true, defaultValue = "1", description = "Divide the --scaling sizes by this (tests).")
  int scalingDivisor;

  @Option(names = "--scaling-rounds", hidden = true, defaultValue = "3", description = "Measured rounds per size but the largest (median).")
  int scalingRounds;

  @Option(names = "--repeat", defaultValue = "1", description = "Measure this many times in a row (after one warm-up) and give the median ratio. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--word", description = "Measure .doc and .docx files against raw Tika extraction instead of PDFs against PDFBox.")
  boolean word;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private record Doc(Path path, byte[] data, int pages) {}


  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (scaling) {
      if (scalingDivisor < 1 || scalingRounds < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--scaling-divisor and --scaling-rounds must be at least 1");
      }
      ScalingText text = ScalingText.fromTestDocs(dirs.isEmpty() ? Path.of("test-docs") : dirs.get(0));
      new ScalingBench(new ScalingDocs(text), scalingDivisor, scalingRounds).run(out);
      return Main.EXIT_CLEAN;
    }
    if (dirs.isEmpty()) {
      dirs = List.of(Path.of("test-docs"));
    }
    Checker checker = Checker.create(CheckerConfig.defaults().withTimeLimit(java.time.Duration.ZERO).withOcr(ocr));
    if (word) {
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < Math.max(1, repeat); r++) {
        double ratio = new WordBench(checker).run(dirs, r == 0 ? warmup : 1, rounds, out);
        if (ratio < 0) {
          return Main.EXIT_ERROR;
        }
        ratios.add(ratio);
      }
      if (ratios.size() > 1) {
        List<Double> sorted = ratios.stream().sorted().toList();
        out.printf(Locale.ROOT, "median check/tika throughput ratio of %d runs: %.3f (runs: %s)%n", sorted.size(),
            sorted.get(sorted.size() / 2), ratios.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
      }
      return Main.EXIT_CLEAN;
    }
    List<Doc> docs = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted().toList()) {
          byte[] data = Files.readAllBytes(p);
          try {
            Report r = checker.check(new DocumentInput(data, p.getFileName().toString(), null), CheckOptions.defaults());
            docs.add(new Doc(p, data, r.document().pages()));
          } catch (CheckException e) {
            out.println("skipped " + p + ": " + e.code() + " (" + e.getMessage() + ")");
          }
        }
      }
    }
    if (docs.isEmpty()) {
      out.println("no checkable PDFs under " + dirs);
      return Main.EXIT_ERROR;
    }
    int pages = docs.stream().mapToInt(Doc::pages).sum();
    out.printf("%d PDFs, %d pages; warm-up %d, rounds %d, single thread, OCR %s%n", docs.size(), pages, warmup, rounds,
        ocr ? "on" : "off (pages without a text layer are not read in either pass)");
    for (int i = 0; i < warmup; i++) {
      extractAll(docs);
      checkAll(checker, docs);
    }
    List<double[]> runs = new ArrayList<>();
    for (int r = 0; r < Math.max(1, repeat); r++) {
      double[] rates = measure(checker, docs, pages);
      runs.add(rates);
      if (repeat > 1) {
        out.printf(Locale.ROOT, "run %d: raw PDFBox %.1f pages/s, FairTender's extraction %.1f pages/s (check/that %.3f),"
            + " full check %.1f pages/s, ratio %.3f%n", r + 1, rates[0], rates[2], rates[1] / rates[2], rates[1], rates[1] / rates[0]);
      }
    }
    runs.sort(java.util.Comparator.comparingDouble(x -> x[1] / x[0]));
    double[] median = runs.get(runs.size() / 2);
    double extractRate = median[0];
    double checkRate = median[1];
    Doc largest = docs.stream().max((a, b) -> Integer.compare(a.data().length, b.data().length)).orElseThrow();
    long peak = peakHeap(checker, largest);
    out.printf("raw PDFBox extraction: %.1f pages/s%n", extractRate);
    out.printf(Locale.ROOT, "FairTender's own PDF extraction (the check's first stage alone): %.1f pages/s; check/that %.3f%n",
        median[2], checkRate / median[2]);
    printAnchors(out, docs, pages);
    out.printf("full check:            %.1f pages/s%n", checkRate);
    out.printf("peak heap checking the largest PDF (%s, %d pages, %d KiB): %.1f MiB%n", largest.path().getFileName(),
        largest.pages(), largest.data().length / 1024, peak / (1024.0 * 1024));
    out.printf(Locale.ROOT, "check/extract throughput ratio: %.3f%s%n", checkRate / extractRate,
        runs.size() > 1 ? " (median of " + runs.size() + " runs; rates above from that run)" : "");
    out.flush();
    return Main.EXIT_CLEAN;
  }

  /**
   * Pages per second of raw PDFBox extraction, of the full check and of the check's own PDF extraction (OCR off),
   * {@code rounds} passes each. The three alternate document by document, so a slow spell of this shared machine falls
   * on all alike rather than on one pass.
   */
  private double[] measure(Checker checker, List<Doc> docs, int pages) throws IOException {
    long extractNanos = 0;
    long checkNanos = 0;
    long ownNanos = 0;
    // the check's own PDF reader, timed alone beside the check so the report shows what the stages after it cost
    PdfExtractor ownExtractor = new PdfExtractor(CheckerConfig.defaults().maxPages(), null);
    for (int i = 0; i < rounds; i++) {
      for (Doc d : docs) {
        long t0 = System.nanoTime();
        extract(d);
        long t1 = System.nanoTime();
        check(checker, d);
        long t2 = System.nanoTime();
        ownExtractor.extract(d.data(), Deadline.none());
        long t3 = System.nanoTime();
        extractNanos += t1 - t0;
        checkNanos += t2 - t1;
        ownNanos += t3 - t2;
      }
    }
    double n = pages * (double) rounds;
    return new double[] {n / (extractNanos / 1e9), n / (checkNanos / 1e9), n / (ownNanos / 1e9)};
  }

  /** Pages per second of Tika and of poppler's pdftotext (when installed) on the same PDFs, after one warm-up pass. */
  private void printAnchors(PrintWriter out, List<Doc> docs, int pages) throws IOException {
    List<BenchDoc> bench = docs.stream().map(d -> new BenchDoc(d.path(), d.data(), d.pages())).toList();
    TikaBaseline tika = new TikaBaseline();
    tika.extractAll(bench);
    out.printf("raw Tika extraction:   %.1f pages/s%n", pages / PdfAnchors.seconds(rounds, () -> tika.extractAll(bench)));
    if (PdfAnchors.pdftotextAvailable()) {
      PdfAnchors.pdftotextAll(bench);
      out.printf("pdftotext (a process per file): %.1f pages/s%n",
          pages / PdfAnchors.seconds(rounds, () -> PdfAnchors.pdftotextAll(bench)));
    } else {
      out.println("pdftotext: not installed (poppler-utils)");
    }
  }

  /** Plain PDFBox text extraction with the same stripper settings the checker uses. */
  private static void extractAll(List<Doc> docs) throws IOException {
    for (Doc d : docs) {
      extract(d);
    }
  }

  private static void extract(Doc d) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(d.data())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.writeText(pdf, new StringWriter());
    }
  }

  private static void checkAll(Checker checker, List<Doc> docs) {
    for (Doc d : docs) {
      check(checker, d);
    }
  }

  private static void check(Checker checker, Doc d) {
    checker.check(new DocumentInput(d.data(), d.path().getFileName().toString(), null), CheckOptions.defaults());
  }

  /** Peak heap in use while checking one document, after a GC. */
  private static long peakHeap(Checker checker, Doc doc) {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    checker.check(new DocumentInput(doc.data(), doc.path().getFileName().toString(), null), CheckOptions.defaults());
    return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
