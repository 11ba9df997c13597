package io.fairtender.eval;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.segment.SectionRole;
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

/**
 * Scores clauses written outside the team ({@code id<TAB>context<TAB>accepted categories or none<TAB>text}, e.g.
 * {@code ../shared/dev/clauses-independent.tsv}) with the same mechanism as {@link Evaluation}: a violation is found
 * when one of its accepted categories is predicted; a flag is right when it names an accepted category.
 */
public final class IndependentClauses {
  private static final Map<String, SectionRole> CONTEXTS = Map.of("qualification", SectionRole.QUALIFICATION,
      "scoring", SectionRole.SCORING, "requirement", SectionRole.REQUIREMENTS, "contract", SectionRole.CONTRACT,
      "form", SectionRole.FORMS, "policy", SectionRole.POLICY, "quote", SectionRole.LAW);

  private final Evaluation evaluation;

  public IndependentClauses(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  /** Clause-level outcome: found violations, missed ones, and flags that name no accepted category. */
  public record Result(List<Evaluation.Item> items, int violations, int found, int flagged, List<Evaluation.Item> misses,
      List<Evaluation.Item> falseAlarms) {
    public double recall() {
      return violations == 0 ? 1.0 : found / (double) violations;
    }

    public double precision() {
      return flagged == 0 ? 1.0 : found / (double) flagged;
    }
  }

  public Result run(Path tsv) throws IOException {
    List<Evaluation.Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", 4);
      if (p.length != 4) {
        throw new IllegalArgumentException(tsv + ": expected id, context, categories, text: " + line);
      }
      SectionRole role = CONTEXTS.getOrDefault(p[1].strip(), SectionRole.OTHER);
      Set<String> accepted = new LinkedHashSet<>();
      for (String c : p[2].split("\\|")) {
        if (!c.isBlank() && !c.strip().equals("none")) {
          accepted.add(c.strip());
        }
      }
      items.add(evaluation.evaluate(p[0].strip(), role, accepted, p[3].strip()));
    }
    int violations = 0;
    int found = 0;
    int flagged = 0;
    List<Evaluation.Item> misses = new ArrayList<>();
    List<Evaluation.Item> falseAlarms = new ArrayList<>();
    for (Evaluation.Item i : items) {
      boolean hit = i.predicted().stream().anyMatch(i.labels()::contains);
      if (!i.labels().isEmpty()) {
        violations++;
        if (hit) {
          found++;
        } else {
          misses.add(i);
        }
      }
      if (!i.predicted().isEmpty()) {
        flagged++;
        if (!hit) {
          falseAlarms.add(i);
        }
      }
    }
    return new Result(items, violations, found, flagged, misses, falseAlarms);
  }

  /** {@code java -cp fairtender.jar io.fairtender.eval.IndependentClauses FILE.tsv}: prints the figures and every error. */
  public static void main(String[] args) throws IOException {
    Path tsv = Path.of(args.length > 0 ? args[0] : "../shared/dev/clauses-independent.tsv");
    Result r = new IndependentClauses(new Evaluation(Checker.create(CheckerConfig.defaults()), LocalDate.now())).run(tsv);
    System.out.printf("%d clauses, %d violations: recall %.3f (%d/%d), precision %.3f (%d/%d)%n", r.items().size(),
        r.violations(), r.recall(), r.found(), r.violations(), r.precision(), r.found(), r.flagged());
    for (Evaluation.Item i : r.misses()) {
      System.out.println("miss  " + i.source() + " " + i.labels() + " " + i.predicted() + " " + i.text());
    }
    for (Evaluation.Item i : r.falseAlarms()) {
      System.out.println("false " + i.source() + " " + i.labels() + " " + i.rules());
    }
  }
}
