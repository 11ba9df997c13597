package io.fairtender.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.Checker;
import io.fairtender.Deadline;
import io.fairtender.analyse.Analyser;
import io.fairtender.analyse.Match;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.MediaTypes;
import io.fairtender.extract.Page;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.normalise.Normaliser;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Segmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures precision and recall per category on a labelled clause set ({@code role|labels|clause} lines) and,
 * when given, on labelled clauses of real documents ({@code file<TAB>label<TAB>quote}).
 */
public final class Evaluation {
  private static final Map<String, SectionRole> ROLES = Map.of("q", SectionRole.QUALIFICATION, "s", SectionRole.SCORING,
      "r", SectionRole.REQUIREMENTS, "c", SectionRole.CONTRACT, "f", SectionRole.FORMS, "p", SectionRole.POLICY,
      "l", SectionRole.LAW, "i", SectionRole.INSTRUCTIONS, "a", SectionRole.ANNOUNCEMENT, "o", SectionRole.OTHER);

  private final Checker checker;
  private final LocalDate asOf;
  private final Normaliser normaliser = new Normaliser();
  private final Segmenter segmenter = new Segmenter();

  public Evaluation(Checker checker, LocalDate asOf) {
    this.checker = checker;
    this.asOf = asOf;
  }

  /** One labelled clause and what the checker said. */
  public record Item(String source, SectionRole role, Set<String> labels, String text, Set<String> predicted, List<String> rules) {}

  /** Counts for one category. */
  public static final class Counts {
    int tp;
    int fp;
    int fn;

    public int tp() {
      return tp;
    }

    public int fp() {
      return fp;
    }

    public int fn() {
      return fn;
    }

    public double precision() {
      return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
    }
  }

  /** The outcome of a run. */
  public record Result(List<Item> items, Map<String, Counts> byCategory, Counts overall, int lawful,
      List<String> corpusProblems, int corpusLabels) {

    public List<Item> falseAlarms() {
      return items.stream().filter(i -> !i.labels().containsAll(i.predicted())).toList();
    }

    public List<Item> misses() {
      return items.stream().filter(i -> !i.predicted().containsAll(i.labels())).toList();
    }
  }

  public Result run(Path dir, Path corpus) throws IOException {
    return run(dir, corpus != null && Files.isDirectory(corpus) ? new CorpusReports(checker, corpus) : null);
  }

  /** The labelled set in {@code dir}, and its corpus labels on {@code corpus}'s reports (null: not run). */
  public Result run(Path dir, CorpusReports corpus) throws IOException {
    List<Item> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        int lineNo = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          lineNo++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] parts = line.split("\\|", 3);
          if (parts.length != 3 || !ROLES.containsKey(parts[0].strip())) {
            throw new IllegalArgumentException(f.getFileName() + ":" + lineNo + ": expected role|labels|clause");
          }
          Set<String> labels = new LinkedHashSet<>();
          for (String l : parts[1].split(",")) {
            if (!l.isBlank() && !l.strip().equals("none")) {
              labels.add(l.strip());
            }
          }
          items.add(evaluate(f.getFileName() + ":" + lineNo, ROLES.get(parts[0].strip()), labels,
              parts[2].strip().replace("\\t", "\t")));
        }
      }
    }
    Map<String, Counts> by = new TreeMap<>();
    Counts overall = new Counts();
    int lawful = 0;
    for (Item i : items) {
      if (i.labels().isEmpty()) {
        lawful++;
      }
      Set<String> cats = new LinkedHashSet<>(i.labels());
      cats.addAll(i.predicted());
      for (String c : cats) {
        Counts k = by.computeIfAbsent(c, x -> new Counts());
        boolean want = i.labels().contains(c);
        boolean got = i.predicted().contains(c);
        if (want && got) {
          k.tp++;
          overall.tp++;
        } else if (got) {
          k.fp++;
          overall.fp++;
        } else {
          k.fn++;
          overall.fn++;
        }
      }
    }
    List<String> corpusProblems = new ArrayList<>();
    int corpusLabels = 0;
    Path labelsFile = dir.resolve("corpus-labels.tsv");
    if (corpus != null && Files.exists(labelsFile)) {
      corpusLabels = corpus(labelsFile, corpus, corpusProblems);
    }
    return new Result(items, by, overall, lawful, corpusProblems, corpusLabels);
  }

  /** Runs the rules on one clause as if it stood in a section with {@code role}. */
  public Item evaluate(String source, SectionRole role, Set<String> labels, String text) {
    ExtractedText ex = new ExtractedText(text, List.of(new Page(1, 0, text.length())), MediaTypes.TEXT, false, List.of());
    NormalisedText nt = normaliser.normalise(ex);
    SegmentedText seg = segmenter.segmentAs(nt, role);
    Analyser analyser = new Analyser(checker.rules());
    List<Match> matches = analyser.analyse(seg, r -> r.inForceOn(asOf), Deadline.none(), new ArrayList<>());
    Set<String> predicted = new LinkedHashSet<>();
    List<String> rules = new ArrayList<>();
    for (Match m : matches) {
      predicted.add(m.rule().category().id());
      rules.add(m.rule().id() + "「" + text.substring(nt.sourceStart(m.start()), nt.sourceEnd(m.end())) + "」");
    }
    return new Item(source, role, labels, text, predicted, rules);
  }

  /** Checks each labelled corpus clause: suspicious ones must be found, lawful ones left alone. */
  private int corpus(Path labelsFile, CorpusReports reports, List<String> problems) throws IOException {
    int n = 0;
    for (String line : Files.readAllLines(labelsFile, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", 3);
      String file = p[0].strip();
      String label = p[1].strip();
      String quote = QuoteMatch.squash(p[2]);
      n++;
      JsonNode r = reports.report(file);
      if (!r.has("findings")) {
        // an unreadable file (e.g. a scan on a machine without OCR) cannot raise a false alarm; a missed label it can
        if (!label.equals("none")) {
          problems.add(file + ": could not be checked");
        }
        continue;
      }
      List<JsonNode> hits = new ArrayList<>();
      for (JsonNode f : r.path("findings")) {
        if (QuoteMatch.squash(f.path("context").asText()).contains(quote) || quote.contains(QuoteMatch.squash(f.path("quote").asText()))) {
          hits.add(f);
        }
      }
      if (label.equals("none")) {
        List<JsonNode> inside = hits.stream()
            .filter(f -> quote.contains(QuoteMatch.squash(f.path("quote").asText()))).toList();
        if (!inside.isEmpty()) {
          problems.add("false alarm in " + file + ": 「" + p[2].strip() + "」 flagged by " + inside.get(0).path("ruleId").asText());
        }
      } else if (hits.stream().noneMatch(f -> f.path("category").asText().equals(label))) {
        problems.add("missed in " + file + ": " + label + " 「" + p[2].strip() + "」");
      }
    }
    return n;
  }

}
