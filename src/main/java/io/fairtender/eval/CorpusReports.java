package io.fairtender.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The reports of the real documents in {@code ../shared/corpus}, each checked once and kept as the JSON tree a
 * caller of the API sees (so labels are judged on exactly what is published). A file that cannot be checked maps to
 * an error node {@code {"error": {"code", "message"}}}.
 */
public final class CorpusReports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Checker checker;
  private final Path corpus;
  private final Map<String, JsonNode> reports = new LinkedHashMap<>();

  public CorpusReports(Checker checker, Path corpus) {
    this.checker = checker;
    this.corpus = corpus;
  }

  public Path dir() {
    return corpus;
  }

  /** The corpus documents: every file whose name starts with its two-digit number, sidecars left out. */
  public List<String> files() {
    try (Stream<Path> s = Files.list(corpus)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[0-9]{2}_.*") && !n.endsWith(".source.txt"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report of one file, checked on first use. */
  public JsonNode report(String file) {
    return reports.computeIfAbsent(file, this::check);
  }

  private JsonNode check(String file) {
    try {
      return JSON.readTree(ReportJson.line(checker.check(DocumentInput.of(corpus.resolve(file)),
          new CheckOptions(null, false, false))));
    } catch (CheckException e) {
      return JSON.createObjectNode().set("error",
          JSON.createObjectNode().put("code", e.code().name()).put("message", e.getMessage()));
    } catch (IOException e) {
      return JSON.createObjectNode().set("error",
          JSON.createObjectNode().put("code", "IO").put("message", String.valueOf(e.getMessage())));
    }
  }

  /** True for the findings a person acts on: violations and risks. */
  static boolean flagging(JsonNode finding) {
    String s = finding.path("severity").asText();
    return s.equals("violation") || s.equals("risk");
  }
}
