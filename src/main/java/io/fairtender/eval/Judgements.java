package io.fairtender.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The team's judgement of every violation and risk finding on the real documents: one line per finding,
 * {@code NN<TAB>RULE-ID<TAB>anchor<TAB>right|false<TAB>why}, where the anchor is a few words of the finding's quote
 * (never a whole clause). Precision on real documents is right / (right + false); a finding nobody judged is listed.
 */
public final class Judgements {
  /** Anchors are short: enough to tell findings apart, never the document's clause. */
  static final int MAX_ANCHOR = 24;
  /** The anchor of a finding without a quote (an absence reported at the document's start). */
  static final String NO_QUOTE = "-";
  /** A line of the 划型 standard: thresholds that end in 中型／小型／微型企业. */
  private static final Pattern SIZE_STANDARD = Pattern.compile("的为(?:中型|小型|微型)企业|(?:中型|小型|微型)企业[。;；]?\\s*$");

  /** One judgement line. */
  public record Judgement(String file, String ruleId, String anchor, boolean right, String why, int line) {}

  /** A flagged finding and the judgement it matched (null: not judged). */
  public record Judged(String file, String ruleId, String quote, String context, Judgement judgement) {}

  /** Every flagged finding on the corpus with its judgement, and the judgements that matched nothing. */
  public record Result(List<Judged> findings, List<Judgement> unused) {
    public long right() {
      return findings.stream().filter(j -> j.judgement() != null && j.judgement().right()).count();
    }

    public long falseAlarms() {
      return findings.stream().filter(j -> j.judgement() != null && !j.judgement().right()).count();
    }

    public List<Judged> unjudged() {
      return findings.stream().filter(j -> j.judgement() == null).toList();
    }

    public double precision() {
      long judged = right() + falseAlarms();
      return judged == 0 ? 1.0 : right() / (double) judged;
    }

    /** Findings standing in a line of the 划型 standard (there must be none). */
    public List<Judged> insideSizeStandard() {
      return findings.stream().filter(j -> SIZE_STANDARD.matcher(j.context()).find()).toList();
    }
  }

  private Judgements() {}

  public static List<Judgement> load(Path file) throws IOException {
    List<Judgement> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", -1);
      if (p.length < 5 || !(p[3].equals("right") || p[3].equals("false"))) {
        throw new IllegalArgumentException(file.getFileName() + ":" + n + ": expected NN, RULE-ID, anchor, right|false, why");
      }
      String anchor = QuoteMatch.squash(p[2]);
      if (anchor.isEmpty() || anchor.codePointCount(0, anchor.length()) > MAX_ANCHOR) {
        throw new IllegalArgumentException(file.getFileName() + ":" + n + ": the anchor must be 1 to " + MAX_ANCHOR
            + " characters of the quote, not the clause");
      }
      if (p[4].isBlank()) {
        throw new IllegalArgumentException(file.getFileName() + ":" + n + ": say why");
      }
      out.add(new Judgement(p[0].strip(), p[1].strip(), anchor, p[3].equals("right"), p[4].strip(), n));
    }
    return out;
  }

  /** Matches every flagged finding of every corpus document against the judgements. */
  public static Result apply(List<Judgement> judgements, CorpusReports reports) {
    List<Judged> out = new ArrayList<>();
    java.util.Set<Judgement> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (String file : reports.files()) {
      String nn = file.substring(0, 2);
      for (JsonNode f : reports.report(file).path("findings")) {
        if (!CorpusReports.flagging(f)) {
          continue;
        }
        String rule = f.path("ruleId").asText();
        String quote = QuoteMatch.squash(f.path("quote").asText());
        String context = QuoteMatch.squash(f.path("context").asText());
        Judgement match = null;
        for (Judgement j : judgements) {
          if (j.file().equals(nn) && j.ruleId().equals(rule) && matches(j.anchor(), quote, context)) {
            match = j;
            break;
          }
        }
        if (match != null) {
          used.add(match);
        }
        out.add(new Judged(file, rule, f.path("quote").asText(), f.path("context").asText(), match));
      }
    }
    List<Judgement> unused = judgements.stream().filter(j -> !used.contains(j)).toList();
    return new Result(out, unused);
  }

  /** The anchor is part of the quote, or the quote is part of the anchor and the anchor stands in the clause. */
  private static boolean matches(String anchor, String quote, String context) {
    if (anchor.equals(NO_QUOTE)) {
      return quote.isEmpty();
    }
    return !quote.isEmpty() && (quote.contains(anchor) || (anchor.contains(quote) && context.contains(anchor)));
  }
}
