package io.fairtender.cli;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.Deadline;
import io.fairtender.DocumentInput;
import io.fairtender.analyse.model.Models;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.Extractor;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.normalise.Normaliser;
import io.fairtender.segment.Segmenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code fairtender bench --scaling}: the cost per 1,000 characters of each stage (extract, normalise, segment, the
 * rest of the check) on generated PDFs of 10, 100 and 1,000 pages, plain texts and DOCX files of 1, 5 and 20 MB, and
 * how much that cost grows from the smallest to the largest size (the goal: at most 1.3×).
 */
final class ScalingBench {
  static final double MAX_GROWTH = 1.3;
  static final String[] STAGES = {"extract", "normalise", "segment", "rules+facts+report", "check"};
  private static final int MAX_CHARS = 100_000_000;
  private static final int MAX_UNITS = 20_000_000;

  /** One kind of input at three sizes; {@code divisor} shrinks them (tests). */
  enum Kind {
    PDF("pages", new long[] {10, 100, 1000}),
    TXT("MB", new long[] {1, 5, 20}),
    DOCX("MB", new long[] {1, 5, 20});

    final String unit;
    final long[] sizes;

    Kind(String unit, long[] sizes) {
      this.unit = unit;
      this.sizes = sizes;
    }
  }

  /** Median milliseconds per stage for one input, and its length in characters. */
  record Row(Kind kind, String size, int chars, double[] millis) {
    double perThousand(int stage) {
      return millis[stage] * 1000.0 / chars;
    }
  }

  private final ScalingDocs docs;
  private final int divisor;
  private final int rounds;
  private final Checker checker;
  private final Extractor extractor = new Extractor(3000, MAX_CHARS, null, 0, MAX_UNITS);
  private final Normaliser normaliser = new Normaliser();
  private final Segmenter segmenter = new Segmenter(Models.load());

  ScalingBench(ScalingDocs docs, int divisor, int rounds) {
    this.docs = docs;
    this.divisor = divisor;
    this.rounds = rounds;
    this.checker = Checker.create(CheckerConfig.defaults().withMaxChars(MAX_CHARS).withMaxBytes(1L << 30)
        .withTimeLimit(Duration.ofMinutes(10)).withOcr(false)
        .withLimits(CheckerConfig.Limits.defaults().withMaxUnits(MAX_UNITS)));
  }

  /** Measures every kind and size, printing each row as it is done, then the growth table; the rows measured. */
  List<Row> run(PrintWriter out) throws IOException {
    out.printf("%-5s %10s %11s  ms per 1,000 chars: %8s %9s %8s %18s %8s  %9s%n", "kind", "size", "chars",
        "extract", "normalise", "segment", "rules+facts+report", "check", "check s");
    out.flush();
    List<Row> rows = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < kind.sizes.length; i++) {
        long size = Math.max(1, kind.sizes[i] * (kind == Kind.PDF ? 1 : 1L << 20) / divisor);
        String label = kind == Kind.PDF ? size + " pages" : String.format(Locale.ROOT, "%.2f MB", size / 1048576.0);
        byte[] data = generate(kind, size);
        if (i == 0) {
          measure(data, kind, 2); // warm-up on the smallest size
        }
        double[][] runs = new double[rounds][];
        int chars = 0;
        for (int r = 0; r < runs.length; r++) {
          runs[r] = measure(data, kind, 1);
          chars = (int) runs[r][STAGES.length];
        }
        Row row = new Row(kind, label, chars, fastest(runs));
        rows.add(row);
        print(out, row);
      }
    }
    printGrowth(out, rows);
    return rows;
  }

  byte[] generate(Kind kind, long size) throws IOException {
    return switch (kind) {
      case PDF -> docs.pdf((int) size);
      case TXT -> docs.plainText(size);
      case DOCX -> docs.docx(size);
    };
  }

  static String fileName(Kind kind) {
    return "scaling." + kind.name().toLowerCase(Locale.ROOT);
  }

  /** Times of the stages (the last-but-one the rest of the check) of the last of {@code times} runs, then the chars. */
  private double[] measure(byte[] data, Kind kind, int times) {
    double[] t = new double[STAGES.length + 1];
    for (int n = 0; n < times; n++) {
      long t0 = System.nanoTime();
      ExtractedText ex = extractor.extract(data, fileName(kind), null, Deadline.none());
      long t1 = System.nanoTime();
      NormalisedText nt = normaliser.normalise(ex);
      long t2 = System.nanoTime();
      segmenter.segment(nt, Deadline.none(), MAX_UNITS);
      long t3 = System.nanoTime();
      checker.check(new DocumentInput(data, fileName(kind), null), CheckOptions.defaults());
      long t4 = System.nanoTime();
      t[0] = (t1 - t0) / 1e6;
      t[1] = (t2 - t1) / 1e6;
      t[2] = (t3 - t2) / 1e6;
      t[4] = (t4 - t3) / 1e6;
      t[3] = Math.max(0, t[4] - t[0] - t[1] - t[2]);
      t[5] = ex.text().length();
    }
    return t;
  }

  /**
   * Each stage's fastest round: the round least disturbed by garbage collection of the large inputs and by the
   * machine's other work (a stage of 0.01 ms per 1,000 chars moved by 1.5× in single rounds from that alone).
   */
  private static double[] fastest(double[][] runs) {
    double[] m = new double[STAGES.length];
    for (int s = 0; s < STAGES.length; s++) {
      double[] v = new double[runs.length];
      for (int r = 0; r < runs.length; r++) {
        v[r] = runs[r][s];
      }
      Arrays.sort(v);
      m[s] = v[0];
    }
    m[3] = Math.max(0, m[4] - m[0] - m[1] - m[2]);
    return m;
  }

  private static void print(PrintWriter out, Row r) {
    out.printf(Locale.ROOT, "%-5s %10s %11d  %28.3f %9.3f %8.3f %18.3f %8.3f  %9.2f%n", r.kind(), r.size(), r.chars(),
        r.perThousand(0), r.perThousand(1), r.perThousand(2), r.perThousand(3), r.perThousand(4), r.millis()[4] / 1000);
    out.flush();
  }

  /** Growth of the cost per 1,000 chars from the smallest to the largest size, per kind and stage; flags over 1.3×. */
  static List<String> printGrowth(PrintWriter out, List<Row> rows) {
    List<String> over = new ArrayList<>();
    out.printf("growth of ms per 1,000 chars, smallest to largest size (goal: at most %.1f×):%n", MAX_GROWTH);
    for (Kind kind : Kind.values()) {
      List<Row> k = rows.stream().filter(r -> r.kind() == kind).toList();
      if (k.size() < 2) {
        continue;
      }
      Row first = k.get(0);
      Row last = k.get(k.size() - 1);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s %s → %s:", kind, first.size(), last.size()));
      for (int s = 0; s < STAGES.length; s++) {
        double g = first.perThousand(s) <= 0 ? 0 : last.perThousand(s) / first.perThousand(s);
        boolean bad = g > MAX_GROWTH;
        line.append(String.format(Locale.ROOT, "  %s %.2f×%s", STAGES[s], g, bad ? " OVER" : ""));
        if (bad) {
          over.add(kind + " " + STAGES[s]);
        }
      }
      out.println(line);
    }
    out.println(over.isEmpty() ? "no stage grows by more than " + MAX_GROWTH + "×"
        : "stages growing by more than " + MAX_GROWTH + "×: " + String.join(", ", over));
    out.flush();
    return over;
  }
}
