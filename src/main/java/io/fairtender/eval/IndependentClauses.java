package io.fairtender.eval;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.report.Finding;
import io.fairtender.report.Report;
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
 * Scores single clauses written outside the team ({@code ../shared/dev/clauses-independent.tsv}: id, context,
 * accepted categories or {@code none}, text). Each clause is checked as a small document: a header naming its section,
 * then the clause. A positive holds when a violation or risk finding of an accepted category overlaps the clause; a
 * look-alike holds when no violation or risk finding of a discrimination category overlaps it.
 */
public final class IndependentClauses {
  /** The categories a look-alike must not get. */
  static final Set<String> DISCRIMINATION = Set.of("ownership", "age", "scale", "financial", "region", "performance",
      "award", "certification", "brand");
  private static final Map<String, String> HEADERS = Map.of(
      "qualification", "二、申请人的资格要求：\n1. ",
      "scoring", "第四章 评标办法\n评分标准（商务部分）：\n",
      "form", "第六章 投标文件格式\n附件3 投标人基本情况表\n",
      "requirement", "第三章 采购需求\n",
      "contract", "第五章 合同主要条款\n",
      "policy", "落实政府采购政策：\n",
      "quote", "");

  /** One clause and what the checker flagged on it. */
  public record Item(String id, String context, Set<String> accept, String text, Set<String> flagged) {
    public boolean positive() {
      return !accept.isEmpty();
    }

    /** A positive with a finding of an accepted category. */
    public boolean found() {
      return flagged.stream().anyMatch(accept::contains);
    }

    /** A look-alike with a discrimination finding, or a positive flagged only with wrong categories. */
    public boolean falseAlarm() {
      return positive() ? !flagged.isEmpty() && !found()
          : flagged.stream().anyMatch(DISCRIMINATION::contains);
    }
  }

  /** Clause-level recall and precision. */
  public record Result(List<Item> items) {
    public long positives() {
      return items.stream().filter(Item::positive).count();
    }

    public long found() {
      return items.stream().filter(Item::found).count();
    }

    public long falseAlarms() {
      return items.stream().filter(Item::falseAlarm).count();
    }

    public double recall() {
      return positives() == 0 ? 1.0 : found() / (double) positives();
    }

    public double precision() {
      return found() + falseAlarms() == 0 ? 1.0 : found() / (double) (found() + falseAlarms());
    }
  }

  private IndependentClauses() {}

  public static Result score(Path tsv, Checker checker, LocalDate asOf) throws IOException {
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", 4);
      if (p.length < 4 || !HEADERS.containsKey(p[1].strip())) {
        throw new IllegalArgumentException(tsv.getFileName() + ": expected id, context, accept, text: " + line);
      }
      Set<String> accept = new LinkedHashSet<>();
      for (String c : p[2].split("\\|")) {
        if (!c.isBlank() && !c.strip().equals("none")) {
          accept.add(c.strip());
        }
      }
      items.add(check(p[0].strip(), p[1].strip(), accept, p[3].strip(), checker, asOf));
    }
    return new Result(items);
  }

  private static Item check(String id, String context, Set<String> accept, String text, Checker checker, LocalDate asOf) {
    String header = HEADERS.get(context);
    String doc = header + text + "\n";
    Report r = checker.check(new DocumentInput(doc.getBytes(StandardCharsets.UTF_8), id + ".txt", "text/plain"),
        new CheckOptions(asOf, false, false));
    int from = header.codePointCount(0, header.length());
    int to = from + text.codePointCount(0, text.length());
    Set<String> flagged = new LinkedHashSet<>();
    for (Finding f : r.findings()) {
      boolean flagging = f.severity().equals("violation") || f.severity().equals("risk");
      if (flagging && f.start() < to && f.end() > from) {
        flagged.add(f.category());
      }
    }
    return new Item(id, context, accept, text, flagged);
  }
}
