package io.fairtender.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.CheckException;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.segment.Clause;
import io.fairtender.segment.SectionRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clauses of the real documents, labelled by the team, for training the clause classifier. The project keeps only
 * where each clause stands (file number, offsets) with a short hash of its text and its label, never the text: the
 * text is read again from {@code ../shared/corpus} at training time, and a clause whose hash no longer matches is
 * reported and left out.
 *
 * <p>Labels come from the team's hand judgements: a flagged finding judged right labels its clause with the finding's
 * category; a false alarm, and a clause the independent readers marked as lawful ({@code neg} in LABELS.tsv), label
 * it {@code none}; a {@code pos} label of LABELS.tsv labels its clause with that category; every other clause of the
 * qualification and scoring sections is {@code none}
 * (one in three of them, by hash).
 */
public final class CorpusClauses {
  /** The categories the classifier rates; policy, bond and payment findings are document-level checks, not clauses. */
  static final Set<String> CATEGORIES = Set.of("ownership", "age", "scale", "financial", "region", "performance", "award",
      "certification", "brand", "procedure");

  /** One labelled clause: file number, span in the extracted text, hash of its text, label and where the label came from. */
  public record Row(String file, int start, int end, String hash, String label, String source) {
    String line() {
      return file + "\t" + start + "\t" + end + "\t" + hash + "\t" + label + "\t" + source;
    }
  }

  private CorpusClauses() {}

  /** Derives the labelled clauses of every corpus document from the judgements and LABELS.tsv. */
  public static List<Row> derive(Checker checker, CorpusReports reports, List<Judgements.Judgement> judgements,
      Path labels) throws IOException {
    Map<String, List<String[]>> byFile = new HashMap<>();
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      String[] r = line.split("\t", -1);
      if (r.length >= 4 && (r[1].equals("pos") || r[1].equals("neg"))) {
        byFile.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
      }
    }
    Judgements.Result judged = Judgements.apply(judgements, reports);
    List<Row> out = new ArrayList<>();
    for (String file : reports.files()) {
      List<Clause> clauses;
      try {
        clauses = checker.clauses(DocumentInput.of(reports.dir().resolve(file)));
      } catch (CheckException e) {
        continue;
      }
      String nn = file.substring(0, 2);
      String[] label = new String[clauses.size()];
      String[] source = new String[clauses.size()];
      JsonNode findings = reports.report(file).path("findings");
      int k = 0;
      for (JsonNode f : findings) {
        if (!CorpusReports.flagging(f)) {
          continue;
        }
        Judgements.Judged j = judgedAt(judged.findings(), file, k++);
        int i = at(clauses, f.path("start").asInt(-1));
        String cat = f.path("category").asText();
        if (i < 0 || j == null || j.judgement() == null || f.path("quote").asText().isEmpty()) {
          continue;
        }
        if (!j.judgement().right()) {
          set(label, source, i, "none", "false-alarm:" + j.ruleId(), true);
        } else if (CATEGORIES.contains(cat)) {
          set(label, source, i, cat, "right:" + j.ruleId(), false);
        }
      }
      for (String[] l : byFile.getOrDefault(file, List.of())) {
        for (int i = 0; i < clauses.size(); i++) {
          if (QuoteMatch.names(clauses.get(i).text(), l[3])) {
            String cat = l[2].split("\\|")[0];
            if (l[1].equals("neg")) {
              set(label, source, i, "none", "labels-neg", true);
            } else if (CATEGORIES.contains(cat)) {
              set(label, source, i, cat, "labels-pos", false);
            }
            break;
          }
        }
      }
      for (int i = 0; i < clauses.size(); i++) {
        Clause c = clauses.get(i);
        boolean rated = c.role() == SectionRole.QUALIFICATION || c.role() == SectionRole.SCORING;
        if (label[i] == null && rated && c.text().strip().length() >= 6 && sampled(c.text())) {
          label[i] = "none";
          source[i] = "unflagged";
        }
        if (label[i] != null) {
          out.add(new Row(nn, c.start(), c.end(), hash(c.text()), label[i], source[i]));
        }
      }
    }
    return out;
  }

  /** A clause that discriminates keeps its first positive label; a negative label only fills an unlabelled clause. */
  private static void set(String[] label, String[] source, int i, String value, String why, boolean negative) {
    if (label[i] == null || !negative && label[i].equals("none")) {
      label[i] = value;
      source[i] = why;
    }
  }

  private static Judgements.Judged judgedAt(List<Judgements.Judged> all, String file, int k) {
    int n = 0;
    for (Judgements.Judged j : all) {
      if (j.file().equals(file) && n++ == k) {
        return j;
      }
    }
    return null;
  }

  /** The clause whose span holds {@code pos}, or -1. */
  private static int at(List<Clause> clauses, int pos) {
    for (int i = 0; i < clauses.size(); i++) {
      if (clauses.get(i).start() <= pos && pos < clauses.get(i).end()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One in three of the unflagged clauses, chosen by their hash so the choice is stable: all of them would outweigh
   * the discriminating clauses twenty to one and teach the classifier to say none.
   */
  private static boolean sampled(String text) {
    return Integer.parseInt(hash(text).substring(0, 2), 16) % 3 == 0;
  }

  /** The first ten hex digits of the SHA-1 of a clause's text. */
  public static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(List<Row> rows, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# file\tstart\tend\tsha1 of the clause text (10 hex)\tlabel\tsource (derived by ./fairtender train --label-corpus; see models/README.md)");
    rows.forEach(r -> lines.add(r.line()));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * The training rows ({split, label, text}) of the labelled clauses, their text read again from the corpus. The split
   * is by document (file number mod 5: 0 test, 1 dev, else train), so no document is in two splits; duplicate texts
   * are kept once. Clauses whose text changed are counted in {@code stale}.
   */
  public static List<String[]> trainingRows(Checker checker, Path corpus, Path rowsFile, int[] stale) throws IOException {
    Map<String, List<String[]>> byFile = new HashMap<>();
    for (String line : Files.readAllLines(rowsFile, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] r = line.split("\t", -1);
        byFile.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r);
      }
    }
    List<String[]> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> files;
    try (var s = Files.list(corpus)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{2}_.*") && !n.endsWith(".source.txt"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String file : files) {
      List<String[]> rows = byFile.get(file.substring(0, 2));
      if (rows == null) {
        continue;
      }
      Map<Long, Clause> spans = new HashMap<>();
      for (Clause c : checker.clauses(DocumentInput.of(corpus.resolve(file)))) {
        spans.put(((long) c.start() << 32) | c.end(), c);
      }
      int n = Integer.parseInt(file.substring(0, 2));
      String split = n % 5 == 0 ? "test" : n % 5 == 1 ? "dev" : "train";
      for (String[] r : rows) {
        Clause c = spans.get((Long.parseLong(r[1]) << 32) | Long.parseLong(r[2]));
        if (c == null || !hash(c.text()).equals(r[3])) {
          stale[0]++;
          continue;
        }
        if (seen.add(c.text())) {
          out.add(new String[] {split, r[4], c.text()});
        }
      }
    }
    return out;
  }
}
