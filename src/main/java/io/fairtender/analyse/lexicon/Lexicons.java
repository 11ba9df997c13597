package io.fairtender.analyse.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fairtender.normalise.Normaliser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in concept lexicons ({@code /lexicon/*.yaml}, listed in {@code /lexicon/index.txt}) and the expansion of
 * {@code {{id}}} references in rule patterns and triggers. A lexicon lists {@code terms} (literal words), optional
 * {@code patterns} (regex fragments), {@code include} (other lexicons) and a {@code gazetteer} (a TSV of place names).
 */
public final class Lexicons {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern REF = Pattern.compile("\\{\\{([a-z0-9-]+)}}");
  /** Each trigger is one scan of the text; a gazetteer's thousands of names are no trigger. */
  private static final int MAX_TRIGGERS = 200;
  private static final Lexicons BUILTIN = load();

  private final Map<String, Lexicon> byId;

  private Lexicons(Map<String, Lexicon> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  public static Lexicons builtin() {
    return BUILTIN;
  }

  public List<Lexicon> all() {
    return List.copyOf(byId.values());
  }

  public Lexicon get(String id) {
    Lexicon l = byId.get(id);
    if (l == null) {
      throw new IllegalArgumentException("unknown lexicon '" + id + "' (known: " + byId.keySet() + ")");
    }
    return l;
  }

  /** Replaces every {@code {{id}}} in a regex by a non-capturing group of that lexicon's expression. */
  public String expand(String regex) {
    Matcher m = REF.matcher(regex);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      // appended as it is: appendReplacement would scan a gazetteer's 60 K chars for $ and \ (start-up)
      out.append(regex, last, m.start()).append("(?:").append(get(m.group(1)).regex()).append(')');
      last = m.end();
    }
    return out.append(regex, last, regex.length()).toString();
  }

  /** A trigger list where an entry {@code {{id}}} stands for the literal words of that lexicon. */
  public List<String> expandTriggers(List<String> triggers) {
    return expand(triggers, MAX_TRIGGERS);
  }

  /** A word list where an entry {@code {{id}}} stands for all the literal words of that lexicon (the gazetteer too). */
  public List<String> expandWords(List<String> words) {
    return expand(words, Integer.MAX_VALUE);
  }

  private List<String> expand(List<String> triggers, int maxWords) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : triggers) {
      Matcher m = REF.matcher(t);
      if (m.matches()) {
        Lexicon l = get(m.group(1));
        if (!l.literalOnly() || l.literals().size() > maxWords) {
          throw new IllegalArgumentException("lexicon '" + l.id() + "' has patterns or too many words to be a trigger");
        }
        out.addAll(l.literals());
      } else {
        out.addAll(withNormalisedForms(List.of(t)));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Each word followed by its form in normalised text when that differs ({@link Normaliser#word}: 三级医院 →
   * 3级医院): rules read normalised text, where a word written with Chinese numerals would never be found.
   */
  static List<String> withNormalisedForms(List<String> words) {
    List<String> out = new ArrayList<>(words.size() + 4);
    for (String w : words) {
      out.add(w);
      String n = Normaliser.word(w);
      if (!n.isEmpty() && !n.equals(w) && !words.contains(n)) { // few words change: the list search is rare
        out.add(n);
      }
    }
    return out;
  }

  private static Lexicons load() {
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    for (String name : read("/lexicon/index.txt").split("\n")) {
      String s = name.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      try {
        for (JsonNode n : YAML.readTree(read("/lexicon/" + s)).path("lexicons")) {
          if (raw.put(n.path("id").asText(), n) != null) {
            throw new IllegalStateException("lexicon " + s + ": duplicate id " + n.path("id").asText());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("lexicon " + s + ": " + e.getMessage(), e);
      }
    }
    Map<String, Lexicon> built = new LinkedHashMap<>();
    for (String id : raw.keySet()) {
      build(id, raw, built, new LinkedHashSet<>());
    }
    return new Lexicons(built);
  }

  private static Lexicon build(String id, Map<String, JsonNode> raw, Map<String, Lexicon> built, Set<String> path) {
    if (built.containsKey(id)) {
      return built.get(id);
    }
    JsonNode n = raw.get(id);
    if (n == null) {
      throw new IllegalStateException("lexicon '" + id + "' is included but not defined");
    }
    if (!path.add(id)) {
      throw new IllegalStateException("lexicon include cycle: " + path);
    }
    // a lexicon's own words and gazetteer names get their normalised forms; an included lexicon's words have them
    List<String> literals = withNormalisedForms(strings(n.path("terms")));
    List<String> fragments = new ArrayList<>(strings(n.path("patterns")));
    for (String inc : strings(n.path("include"))) {
      Lexicon l = build(inc, raw, built, path);
      literals.addAll(l.literals());
      if (!l.literalOnly()) {
        fragments.add(l.regex());
      }
    }
    if (n.has("gazetteer")) {
      literals.addAll(withNormalisedForms(Gazetteer.names(n.get("gazetteer").asText(), strings(n.path("levels")))));
    }
    for (String f : fragments) {
      Pattern.compile(f); // fails loudly on a broken fragment
    }
    List<String> parts = new ArrayList<>();
    if (!literals.isEmpty()) {
      parts.add(TrieRegex.of(literals));
    }
    parts.addAll(fragments);
    String regex = parts.isEmpty() ? "(?!)" : parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
    Lexicon l = new Lexicon(id, n.path("description").asText(""), List.copyOf(literals), regex,
        strings(n.path("examples").path("match")), strings(n.path("examples").path("noMatch")),
        !literals.isEmpty() && fragments.isEmpty());
    built.put(id, l);
    path.remove(id);
    return l;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  static String read(String resource) {
    try (InputStream in = Lexicons.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
