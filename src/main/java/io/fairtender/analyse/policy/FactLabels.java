package io.fairtender.analyse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels that introduce a fact's value (预算金额, 最高应答限价, 项目属性, 发布日期…), read from
 * {@code /policy/facts/labels.yaml} with their examples. Immutable once loaded.
 */
public final class FactLabels {
  /** One example: text and the value the fact must take on it (null: the fact stays unknown). */
  public record Example(String fact, String text, Object value) {}

  private static final FactLabels BUILTIN = load("/policy/facts/labels.yaml");

  private final Map<String, List<String>> labels;
  private final List<Example> examples;

  private FactLabels(Map<String, List<String>> labels, List<Example> examples) {
    this.labels = labels;
    this.examples = examples;
  }

  public static FactLabels builtin() {
    return BUILTIN;
  }

  private static FactLabels load(String resource) {
    try (InputStream in = FactLabels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      JsonNode root = new YAMLMapper().readTree(in);
      Map<String, List<String>> labels = new LinkedHashMap<>();
      List<Example> examples = new ArrayList<>();
      root.fields().forEachRemaining(e -> {
        List<String> ls = new ArrayList<>();
        e.getValue().path("labels").forEach(l -> ls.add(l.asText()));
        if (ls.isEmpty()) {
          throw new IllegalStateException(resource + ": fact " + e.getKey() + " has no labels");
        }
        labels.put(e.getKey(), List.copyOf(ls));
        e.getValue().path("examples").forEach(x -> {
          JsonNode v = x.get("value");
          Object value = v == null || v.isNull() ? null : v.isNumber() ? (Object) v.asLong() : v.asText();
          examples.add(new Example(e.getKey(), x.path("text").asText(), value));
        });
      });
      return new FactLabels(Map.copyOf(labels), List.copyOf(examples));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The labels of a fact as one regular-expression alternation, "(?:a|b|…)". */
  public String alternation(String fact) {
    List<String> ls = labels.get(fact);
    if (ls == null) {
      throw new IllegalArgumentException("no labels for fact " + fact);
    }
    return "(?:" + String.join("|", ls) + ")";
  }

  /** A pattern of the labels followed by {@code suffix}. */
  public Pattern pattern(String fact, String suffix) {
    return Pattern.compile(alternation(fact) + suffix);
  }

  public List<Example> examples() {
    return examples;
  }
}
