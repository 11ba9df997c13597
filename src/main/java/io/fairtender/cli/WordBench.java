package io.fairtender.cli;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code fairtender bench --word DIR...}: documents and megabytes per second of raw Tika extraction and of the full
 * check on the same .doc and .docx files, single thread, after warm-up, in one run; the last line is the ratio.
 */
final class WordBench {
  private final Checker checker;
  private final TikaBaseline tika = new TikaBaseline();

  WordBench(Checker checker) {
    this.checker = checker;
  }

  /** The .doc and .docx files under {@code dirs} the checker can read (others are listed as skipped). */
  List<BenchDoc> collect(List<Path> dirs, PrintWriter out) throws IOException {
    List<BenchDoc> docs = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(WordBench::isWord).sorted().toList()) {
          byte[] data = Files.readAllBytes(p);
          try {
            Report r = checker.check(new DocumentInput(data, p.getFileName().toString(), null), CheckOptions.defaults());
            tika.extract(data, p.getFileName().toString());
            docs.add(new BenchDoc(p, data, r.document().pages()));
          } catch (CheckException e) {
            out.println("skipped " + p + ": " + e.code() + " (" + e.getMessage() + ")");
          } catch (IOException e) {
            out.println("skipped " + p + ": " + e.getMessage());
          }
        }
      }
    }
    return docs;
  }

  static boolean isWord(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p) && (n.endsWith(".doc") || n.endsWith(".docx"));
  }

  /** Runs the bench and prints the rates; the check/Tika throughput ratio, or -1 when there is nothing to measure. */
  double run(List<Path> dirs, int warmup, int rounds, PrintWriter out) throws IOException {
    List<BenchDoc> docs = collect(dirs, out);
    if (docs.isEmpty()) {
      out.println("no checkable .doc or .docx files under " + dirs);
      out.flush();
      return -1;
    }
    long bytes = docs.stream().mapToLong(d -> d.data().length).sum();
    out.printf(Locale.ROOT, "%d Word documents (%d .doc), %.2f MB; warm-up %d, rounds %d, single thread%n", docs.size(),
        docs.stream().filter(d -> d.path().toString().toLowerCase(Locale.ROOT).endsWith(".doc")).count(),
        bytes / 1048576.0, warmup, rounds);
    for (int i = 0; i < warmup; i++) {
      tika.extractAll(docs);
      checkAll(docs);
    }
    long tikaNanos = 0;
    long checkNanos = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      tika.extractAll(docs);
      long t1 = System.nanoTime();
      checkAll(docs);
      long t2 = System.nanoTime();
      tikaNanos += t1 - t0;
      checkNanos += t2 - t1;
    }
    double tikaSeconds = tikaNanos / 1e9 / rounds;
    double checkSeconds = checkNanos / 1e9 / rounds;
    out.printf(Locale.ROOT, "raw Tika extraction: %.1f docs/s, %.2f MB/s%n", docs.size() / tikaSeconds,
        bytes / 1048576.0 / tikaSeconds);
    out.printf(Locale.ROOT, "full check:          %.1f docs/s, %.2f MB/s%n", docs.size() / checkSeconds,
        bytes / 1048576.0 / checkSeconds);
    double ratio = tikaSeconds / checkSeconds;
    out.printf(Locale.ROOT, "check/tika throughput ratio: %.3f%n", ratio);
    out.flush();
    return ratio;
  }

  private void checkAll(List<BenchDoc> docs) {
    for (BenchDoc d : docs) {
      checker.check(new DocumentInput(d.data(), d.path().getFileName().toString(), null), CheckOptions.defaults());
    }
  }
}
