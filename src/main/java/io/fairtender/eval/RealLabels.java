package io.fairtender.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores the labels that independent readers wrote for real documents ({@code ../shared/corpus/LABELS.tsv}:
 * {@code file, kind, categories|fact|check, anchor|value, note}) with the semantics of
 * {@code ../shared/tools/score-labels.py}: pos, neg, negdoc, fact, check and regime are counted; opt and nofact are not.
 */
public final class RealLabels {
  private static final Pattern RANGE = Pattern.compile("[0-9.]+-[0-9.]+");

  /** One counted label and whether it holds. */
  public record Outcome(String file, String kind, String what, String anchor, String note, boolean holds, String got) {}

  /** Counted outcomes, with per-kind tallies. */
  public record Result(List<Outcome> outcomes) {
    public Map<String, int[]> byKind() {
      Map<String, int[]> out = new TreeMap<>();
      for (Outcome o : outcomes) {
        int[] c = out.computeIfAbsent(o.kind(), k -> new int[2]);
        c[o.holds() ? 0 : 1]++;
      }
      return out;
    }

    public long held() {
      return outcomes.stream().filter(Outcome::holds).count();
    }

    public double share() {
      return outcomes.isEmpty() ? 1.0 : held() / (double) outcomes.size();
    }

    /** The share of positive labels that hold (a finding of the right category quotes the anchor). */
    public double posShare() {
      int[] c = byKind().getOrDefault("pos", new int[2]);
      return c[0] + c[1] == 0 ? 1.0 : c[0] / (double) (c[0] + c[1]);
    }

    public List<Outcome> failures() {
      return outcomes.stream().filter(o -> !o.holds()).toList();
    }
  }

  private RealLabels() {}

  public static Result score(Path labels, CorpusReports reports) throws IOException {
    List<Outcome> out = new ArrayList<>();
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] r = Arrays.copyOf(line.split("\t", -1), 5);
      for (int i = 0; i < r.length; i++) {
        r[i] = r[i] == null ? "" : r[i];
      }
      String kind = r[1];
      if (!Set.of("pos", "neg", "negdoc", "fact", "check", "regime").contains(kind)) {
        continue;
      }
      JsonNode report = reports.report(r[0]);
      out.add(judge(r[0], kind, r[2], r[3], r[4], report));
    }
    return new Result(out);
  }

  private static Outcome judge(String file, String kind, String what, String anchor, String note, JsonNode r) {
    if (r.has("error") && !r.has("findings")) {
      return new Outcome(file, kind, what, anchor, note, false, "no report: " + r.path("error").path("code").asText());
    }
    Set<String> cats = Set.of(what.split("\\|"));
    List<JsonNode> flagged = new ArrayList<>();
    for (JsonNode f : r.path("findings")) {
      if (CorpusReports.flagging(f) && cats.contains(f.path("category").asText())) {
        flagged.add(f);
      }
    }
    return switch (kind) {
      case "pos" -> new Outcome(file, kind, what, anchor, note,
          flagged.stream().anyMatch(f -> QuoteMatch.names(f.path("quote").asText(), anchor)), null);
      case "neg" -> new Outcome(file, kind, what, anchor, note,
          flagged.stream().noneMatch(f -> QuoteMatch.names(f.path("quote").asText(), anchor)), null);
      case "negdoc" -> new Outcome(file, kind, what, anchor, note, flagged.isEmpty(),
          flagged.isEmpty() ? null : flagged.get(0).path("ruleId").asText());
      case "fact" -> {
        JsonNode v = r.path("facts").path(what);
        JsonNode value = v.isObject() && v.has("value") ? v.get("value") : v;
        yield new Outcome(file, kind, what, anchor, note, factHolds(value, anchor), String.valueOf(value));
      }
      case "check" -> {
        List<String> statuses = new ArrayList<>();
        for (JsonNode c : r.path("policy").path("checks")) {
          if (c.path("ruleId").asText().equals(what)) {
            statuses.add(c.path("status").asText());
          }
        }
        Set<String> want = Set.of(anchor.split("\\|"));
        yield new Outcome(file, kind, what, anchor, note, statuses.stream().anyMatch(want::contains), statuses.toString());
      }
      default -> {
        String id = r.path("regime").path("id").asText();
        yield new Outcome(file, kind, what, anchor, note, id.equals(anchor), id);
      }
    };
  }

  static boolean factHolds(JsonNode value, String expected) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (RANGE.matcher(expected).matches()) {
      String[] lohi = expected.split("-");
      return value.isObject() && close(value.path("min").asDouble(-1), Double.parseDouble(lohi[0]))
          && close(value.path("max").asDouble(-1), Double.parseDouble(lohi[1]));
    }
    if (expected.equals("true") || expected.equals("false")) {
      return value.asText().equalsIgnoreCase(expected);
    }
    try {
      double e = Double.parseDouble(expected);
      if (value.isObject()) {
        return close(value.path("min").asDouble(-1), e) && close(value.path("max").asDouble(-1), e);
      }
      return close(Double.parseDouble(value.asText()), e);
    } catch (NumberFormatException ex) {
      return value.asText().equalsIgnoreCase(expected);
    }
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) < 1e-6;
  }
}
