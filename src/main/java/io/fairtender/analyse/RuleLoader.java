package io.fairtender.analyse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fairtender.analyse.lexicon.Lexicons;
import io.fairtender.normalise.Quantity;
import io.fairtender.segment.SectionRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Loads rule files (YAML, one rule per file) from the built-in catalogue or a folder. */
public final class RuleLoader {
  /** Lists the built-in rule files, one name per line. */
  public static final String BUILTIN_INDEX = "/rules/index.txt";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> FIELDS = Set.of("id", "kind", "category", "severity", "title", "message",
      "suggestion", "legalBasis", "triggers", "patterns", "requireAny", "requireWords", "exclude", "appliesIn", "neverIn",
      "scoringOnly", "quantity", "window", "floorOnly", "suppressIn", "examples", "since", "minValue", "validFrom",
      "validUntil", "worksBasis", "enterpriseBasis", "description");

  private RuleLoader() {}

  /**
   * The rules shipped in the jar, in index order. The files are parsed in parallel: compiling the region rules'
   * gazetteer patterns is most of the loading, and start-up has idle cores.
   */
  public static List<Rule> builtin() {
    List<String[]> files = new ArrayList<>();
    for (String name : builtinNames()) {
      try (InputStream in = RuleLoader.class.getResourceAsStream("/rules/" + name)) {
        if (in == null) {
          throw new RuleFileException(name, 0, "listed in index.txt but missing", null);
        }
        files.add(new String[] {name, new String(in.readAllBytes(), StandardCharsets.UTF_8)});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files.parallelStream().map(f -> parse(f[0], f[1])).toList();
  }

  /** Names of the built-in rule files. */
  public static List<String> builtinNames() {
    try (InputStream in = RuleLoader.class.getResourceAsStream(BUILTIN_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("rule index " + BUILTIN_INDEX + " missing from the classpath");
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          names.add(s);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code *.yaml} / {@code *.yml} file in a folder, sorted by name. */
  public static List<Rule> fromDirectory(Path dir) {
    List<Rule> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
        rules.add(parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new RuleFileException(dir.toString(), 0, "cannot read the folder: " + e.getMessage(), e);
    }
    return rules;
  }

  /** Parses one rule file; {@code file} names it in errors. */
  public static Rule parse(String file, String yaml) {
    JsonNode n;
    try {
      n = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RuleFileException(file, line, "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new RuleFileException(file, 0, "a rule file must be a YAML mapping", null);
    }
    Fields f = new Fields(file, n, yaml);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw f.error(name, "unknown field '" + name + "'");
      }
    }
    String id = f.text("id");
    if (!id.matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+")) {
      throw f.error("id", "id '" + id + "' must look like SME-SCALE-REGCAP");
    }
    RuleKind kind = f.enumValue("kind", RuleKind.class);
    Category category;
    Severity severity;
    try {
      category = Category.fromId(f.text("category"));
      severity = Severity.fromId(f.text("severity"));
    } catch (IllegalArgumentException e) {
      throw f.error("category", e.getMessage());
    }
    Set<Quantity.Kind> qkinds = EnumSet.noneOf(Quantity.Kind.class);
    for (String q : f.list("quantity", kind == RuleKind.THRESHOLD)) {
      qkinds.add(Quantity.Kind.valueOf(q.toUpperCase(Locale.ROOT)));
    }
    Set<UnitFeature> suppress = EnumSet.of(UnitFeature.DISCLAIMER, UnitFeature.TEMPLATE);
    if (n.has("suppressIn")) {
      suppress = EnumSet.noneOf(UnitFeature.class);
      for (String s : f.list("suppressIn", false)) {
        suppress.add(UnitFeature.valueOf(s.toUpperCase(Locale.ROOT)));
      }
    }
    List<Example> examples = new ArrayList<>();
    JsonNode ex = n.get("examples");
    if (ex == null || !ex.isObject()) {
      throw f.error("examples", "missing 'examples' with 'positive' and 'negative' lists");
    }
    examples.addAll(f.examples(ex.get("positive"), true));
    examples.addAll(f.examples(ex.get("negative"), false));
    return new Rule(id, kind, category, severity, f.localized("title"), f.localized("message"),
        f.localized("suggestion"), f.basis("legalBasis", true), f.triggers(), f.patterns("patterns", true),
        f.patterns("requireAny", false), f.words("requireWords"), f.patterns("exclude", false), f.roles("appliesIn"), f.roles("neverIn"),
        n.path("scoringOnly").asBoolean(false), qkinds, n.path("window").asInt(20),
        n.path("floorOnly").asBoolean(true), suppress, n.path("minValue").asDouble(Double.NEGATIVE_INFINITY),
        f.date("validFrom"), f.date("validUntil"), f.basis("worksBasis", false), f.basis("enterpriseBasis", false),
        examples, n.path("since").asText("0.1"), file);
  }

  /** Field access with errors that name the file and the field's line. */
  private static final class Fields {
    private final String file;
    private final JsonNode n;
    private final String yaml;

    Fields(String file, JsonNode n, String yaml) {
      this.file = file;
      this.n = n;
      this.yaml = yaml;
    }

    RuleFileException error(String field, String reason) {
      return new RuleFileException(file, lineOf(field), reason, null);
    }

    private int lineOf(String field) {
      String[] lines = yaml.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith(field + ":")) {
          return i + 1;
        }
      }
      return 0;
    }

    String text(String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw error(field, "missing or empty '" + field + "'");
      }
      return v.asText().strip();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
      String v = text(field);
      try {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(field, "unknown " + field + " '" + v + "'");
      }
    }

    Text localized(String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.has("zh") || v.get("zh").asText().isBlank() || !v.has("en") || v.get("en").asText().isBlank()) {
        throw error(field, "'" + field + "' needs both 'zh' and 'en'");
      }
      return new Text(v.get("zh").asText().strip(), v.get("en").asText().strip());
    }

    List<String> list(String field, boolean required) {
      JsonNode v = n.get(field);
      List<String> out = new ArrayList<>();
      if (v == null) {
        if (required) {
          throw error(field, "missing '" + field + "'");
        }
        return out;
      }
      if (!v.isArray()) {
        throw error(field, "'" + field + "' must be a list");
      }
      for (JsonNode e : v) {
        out.add(e.asText());
      }
      if (required && out.isEmpty()) {
        throw error(field, "'" + field + "' must not be empty");
      }
      return out;
    }

    /** Triggers, with {@code {{lexicon}}} entries standing for that lexicon's words. */
    List<String> triggers() {
      try {
        return Lexicons.builtin().expandTriggers(list("triggers", true));
      } catch (IllegalArgumentException e) {
        throw error("triggers", e.getMessage());
      }
    }

    /** Literal words (optional), with {@code {{lexicon}}} entries standing for that lexicon's words, however many. */
    List<String> words(String field) {
      try {
        return Lexicons.builtin().expandWords(list(field, false));
      } catch (IllegalArgumentException e) {
        throw error(field, e.getMessage());
      }
    }

    /** Regular expressions, with {@code {{lexicon}}} references expanded. */
    List<Pattern> patterns(String field, boolean required) {
      List<Pattern> out = new ArrayList<>();
      for (String s : list(field, required)) {
        try {
          out.add(Pattern.compile(Lexicons.builtin().expand(s)));
        } catch (PatternSyntaxException e) {
          throw error(field, "bad regular expression in '" + field + "': " + e.getDescription() + " in " + s);
        } catch (IllegalArgumentException e) {
          throw error(field, e.getMessage());
        }
      }
      return out;
    }

    Set<SectionRole> roles(String field) {
      Set<SectionRole> out = EnumSet.noneOf(SectionRole.class);
      for (String s : list(field, false)) {
        try {
          out.add(SectionRole.fromId(s));
        } catch (IllegalArgumentException e) {
          throw error(field, "unknown section role '" + s + "'");
        }
      }
      return out;
    }

    List<LegalBasis> basis(String field, boolean required) {
      JsonNode v = n.get(field);
      List<LegalBasis> out = new ArrayList<>();
      if (v == null) {
        if (required) {
          throw error(field, "missing '" + field + "'");
        }
        return out;
      }
      if (!v.isArray() || v.isEmpty()) {
        throw error(field, "'" + field + "' must be a non-empty list");
      }
      for (JsonNode b : v) {
        if (!b.hasNonNull("document") || !b.hasNonNull("article")) {
          throw error(field, "each legal basis needs 'document' and 'article'");
        }
        out.add(new LegalBasis(b.get("document").asText(), b.get("article").asText(), b.path("summary").asText(null)));
      }
      return out;
    }

    java.time.LocalDate date(String field) {
      JsonNode v = n.get(field);
      if (v == null) {
        return null;
      }
      try {
        return java.time.LocalDate.parse(v.asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw error(field, "'" + field + "' must be a date like 2021-01-01");
      }
    }

    List<Example> examples(JsonNode list, boolean positive) {
      String name = positive ? "positive" : "negative";
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw error("examples", "needs at least one " + name + " example");
      }
      List<Example> out = new ArrayList<>();
      for (JsonNode e : list) {
        String text = e.isTextual() ? e.asText() : e.path("text").asText();
        String role = e.isTextual() ? "qualification" : e.path("role").asText("qualification");
        SectionRole r;
        try {
          r = SectionRole.fromId(role);
        } catch (IllegalArgumentException ex) {
          throw error("examples", "unknown role '" + role + "' in an example");
        }
        Example example = new Example(text, r, positive);
        if (positive && example.marked().isEmpty()) {
          throw error("examples", "positive example without a well-formed ⟦marked⟧ span: " + text);
        }
        out.add(example);
      }
      return out;
    }
  }
}
