package io.fairtender.cli;

import io.fairtender.Checker;
import io.fairtender.eval.CorpusReports;
import io.fairtender.eval.IndependentClauses;
import io.fairtender.eval.Judgements;
import io.fairtender.eval.RealLabels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The real-document part of {@code eval}: the independent readers' labels (LABELS.tsv), the outside author's clauses,
 * and the team's judgement of every flagged finding on the corpus. Each part runs only when its data is there.
 */
final class RealDocuments {
  private final RealLabels.Result labels;
  private final IndependentClauses.Result clauses;
  private final Judgements.Result judged;

  private RealDocuments(RealLabels.Result labels, IndependentClauses.Result clauses, Judgements.Result judged) {
    this.labels = labels;
    this.clauses = clauses;
    this.judged = judged;
  }

  /** Runs every part whose data is there; {@code reports} is null when there is no corpus. */
  static RealDocuments run(Checker checker, Path evalDir, CorpusReports reports, LocalDate asOf, PrintWriter out)
      throws IOException {
    RealLabels.Result labels = null;
    Judgements.Result judged = null;
    IndependentClauses.Result clauses = null;
    if (reports != null) {
      Path corpus = reports.dir();
      Path labelFile = corpus.resolve("LABELS.tsv");
      if (Files.exists(labelFile)) {
        labels = RealLabels.score(labelFile, reports);
        printLabels(labels, out);
      }
      judged = Judgements.apply(Judgements.load(evalDir.resolve("corpus-judgements.tsv")), reports);
      printJudged(judged, out);
      Path tsv = corpus.resolveSibling("dev").resolve("clauses-independent.tsv");
      if (Files.exists(tsv)) {
        clauses = IndependentClauses.score(tsv, checker, asOf);
        printClauses(clauses, out);
      }
    } else {
      out.println("real documents: not run (no corpus)");
    }
    return new RealDocuments(labels, clauses, judged);
  }

  private static void printLabels(RealLabels.Result r, PrintWriter out) {
    for (RealLabels.Outcome o : r.failures()) {
      out.println("LABEL " + o.file() + " " + o.kind().toUpperCase(Locale.ROOT) + " " + o.what() + " '" + o.anchor()
          + "' FAILED" + (o.got() == null ? "" : " got " + o.got()) + " :: " + o.note());
    }
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, int[]> e : r.byKind().entrySet()) {
      kinds.append(e.getKey()).append(' ').append(e.getValue()[0]).append('/').append(e.getValue()[0] + e.getValue()[1])
          .append("  ");
    }
    out.printf(Locale.ROOT, "real-document labels: %d/%d hold (%.3f); %s%n", r.held(), r.outcomes().size(), r.share(),
        kinds.toString().strip());
  }

  private static void printJudged(Judgements.Result j, PrintWriter out) {
    for (Judgements.Judged f : j.findings()) {
      if (f.judgement() == null) {
        out.println("UNJUDGED " + f.file().substring(0, 2) + "\t" + f.ruleId() + "\t" + oneLine(f.quote()) + "\t:: "
            + oneLine(f.context()));
      } else if (!f.judgement().right()) {
        out.println("FALSE ALARM (judged) " + f.file() + " " + f.ruleId() + " 「" + f.quote() + "」 :: " + f.judgement().why());
      }
    }
    for (Judgements.Judged f : j.insideSizeStandard()) {
      out.println("IN 划型 TEXT " + f.file() + " " + f.ruleId() + " 「" + f.quote() + "」");
    }
    for (Judgements.Judgement u : j.unused()) {
      out.println("STALE judgement line " + u.line() + ": " + u.file() + " " + u.ruleId() + " " + u.anchor());
    }
    out.printf(Locale.ROOT, "corpus findings (violation/risk): %d; judged right %d, false alarm %d, unjudged %d; "
        + "precision %.3f; inside 划型 text %d%n", j.findings().size(), j.right(), j.falseAlarms(), j.unjudged().size(),
        j.precision(), j.insideSizeStandard().size());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static void printClauses(IndependentClauses.Result r, PrintWriter out) {
    for (IndependentClauses.Item i : r.items()) {
      if (i.positive() && !i.found()) {
        out.println("INDEPENDENT MISS " + i.id() + " " + i.accept() + " got " + i.flagged());
      } else if (i.falseAlarm()) {
        out.println("INDEPENDENT FALSE ALARM " + i.id() + " " + i.accept() + " got " + i.flagged());
      }
    }
    out.printf(Locale.ROOT, "independent clauses: %d (%d violations); recall %.3f, precision %.3f%n", r.items().size(),
        r.positives(), r.recall(), r.precision());
  }

  /** What falls below the floors in thresholds.properties (real.labels, real.pos, independent.*, corpus.precision). */
  List<String> belowFloors(Properties t) {
    List<String> out = new ArrayList<>();
    if (labels != null) {
      floor(out, "real.labels", labels.share(), t);
      floor(out, "real.pos", labels.posShare(), t);
    }
    if (clauses != null) {
      floor(out, "independent.recall", clauses.recall(), t);
      floor(out, "independent.precision", clauses.precision(), t);
    }
    if (judged != null) {
      floor(out, "corpus.precision", judged.precision(), t);
      if (!judged.unjudged().isEmpty()) {
        out.add(judged.unjudged().size() + " corpus findings nobody has judged (test-docs/eval/corpus-judgements.tsv)");
      }
      if (!judged.insideSizeStandard().isEmpty()) {
        out.add(judged.insideSizeStandard().size() + " findings inside 划型 text");
      }
    }
    return out;
  }

  private static void floor(List<String> out, String key, double value, Properties t) {
    String min = t.getProperty(key);
    if (min != null && value < Double.parseDouble(min)) {
      out.add(String.format(Locale.ROOT, "%s %.3f is below the floor %s", key, value, min));
    }
  }
}
