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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns and keywords the policy facts are read with, from {@code /policy/facts/patterns.yaml}, each with the
 * examples that run as tests. {@code {{labels:FACT}}} in a pattern expands to that fact's labels ({@link FactLabels}).
 * Immutable once loaded; a broken file fails at load, naming the pattern.
 */
public final class FactPatterns {
  /** One example: the text, whether the pattern must be found in it, and group 1 when it must equal something. */
  public record Example(String pattern, String text, boolean match, boolean checkGroup, String group) {}

  private static final Pattern LABELS = Pattern.compile("\\{\\{labels:([A-Za-z]+)}}");
  private static final FactPatterns BUILTIN = load("/policy/facts/patterns.yaml", FactLabels.builtin());

  private final Map<String, Pattern> patterns;
  private final List<String> keywords;
  private final List<Example> examples;

  private FactPatterns(Map<String, Pattern> patterns, List<String> keywords, List<Example> examples) {
    this.patterns = patterns;
    this.keywords = keywords;
    this.examples = examples;
  }

  public static FactPatterns builtin() {
    return BUILTIN;
  }

  static FactPatterns load(String resource, FactLabels labels) {
    try (InputStream in = FactPatterns.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      JsonNode root = new YAMLMapper().readTree(in);
      List<String> keywords = new ArrayList<>();
      root.path("keywords").forEach(k -> keywords.add(k.asText()));
      Map<String, Pattern> patterns = new LinkedHashMap<>();
      List<Example> examples = new ArrayList<>();
      root.path("patterns").fields().forEachRemaining(e -> {
        String name = e.getKey();
        String source = e.getValue().path("pattern").asText("");
        if (source.isEmpty()) {
          throw new IllegalStateException(resource + ": pattern " + name + " is empty");
        }
        try {
          patterns.put(name, Pattern.compile(expand(source, labels)));
        } catch (IllegalArgumentException x) { // PatternSyntaxException, or an unknown fact in {{labels:…}}
          throw new IllegalStateException(resource + ": pattern " + name + ": " + x.getMessage(), x);
        }
        e.getValue().path("match").forEach(x -> examples.add(x.isTextual()
            ? new Example(name, x.asText(), true, false, null)
            : new Example(name, x.path("text").asText(), true, x.has("group"),
                x.path("group").isNull() ? null : x.path("group").asText())));
        e.getValue().path("nomatch").forEach(x -> examples.add(new Example(name, x.asText(), false, false, null)));
        if (examples.stream().noneMatch(x -> x.pattern().equals(name) && x.match())) {
          throw new IllegalStateException(resource + ": pattern " + name + " has no match example");
        }
      });
      return new FactPatterns(Map.copyOf(patterns), List.copyOf(keywords), List.copyOf(examples));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String expand(String source, FactLabels labels) {
    Matcher m = LABELS.matcher(source);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(labels.alternation(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The pattern called {@code name}; an unknown name is a programming error. */
  public Pattern get(String name) {
    Pattern p = patterns.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no fact pattern " + name);
    }
    return p;
  }

  public List<String> keywords() {
    return keywords;
  }

  public List<Example> examples() {
    return examples;
  }
}
