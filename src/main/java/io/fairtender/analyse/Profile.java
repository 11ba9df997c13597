package io.fairtender.analyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named rule selection: which categories and rules are off, and the highest severity findings may carry.
 *
 * @param id stable name (government, enterprise)
 * @param title short name
 * @param description what it is for
 * @param excludeCategories categories switched off
 * @param excludeRules rules switched off
 * @param maxSeverity findings above this are lowered to it (null: as written)
 */
public record Profile(String id, Text title, Text description, Set<String> excludeCategories, Set<String> excludeRules,
    Severity maxSeverity) {

  public boolean admits(Rule r) {
    return !excludeCategories.contains(r.category().id()) && !excludeRules.contains(r.id());
  }

  /** The severity a rule's findings carry under this profile. */
  public Severity cap(Severity s) {
    return maxSeverity != null && s.ordinal() < maxSeverity.ordinal() ? maxSeverity : s;
  }

  /** The built-in profiles by id. */
  public static Map<String, Profile> builtin() {
    YAMLMapper yaml = new YAMLMapper();
    Map<String, Profile> out = new LinkedHashMap<>();
    try (InputStream idx = Profile.class.getResourceAsStream("/profiles/index.txt")) {
      for (String name : new String(idx.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!name.endsWith(".yaml")) {
          continue;
        }
        try (InputStream in = Profile.class.getResourceAsStream("/profiles/" + name.strip())) {
          JsonNode n = yaml.readTree(in);
          Profile p = new Profile(n.get("id").asText(), text(n.get("title")), text(n.get("description")),
              strings(n.get("excludeCategories")), strings(n.get("excludeRules")),
              n.hasNonNull("maxSeverity") ? Severity.fromId(n.get("maxSeverity").asText()) : null);
          out.put(p.id(), p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Text text(JsonNode n) {
    return new Text(n.get("zh").asText(), n.get("en").asText());
  }

  private static Set<String> strings(JsonNode n) {
    Set<String> s = new TreeSet<>();
    if (n != null) {
      n.forEach(x -> s.add(x.asText()));
    }
    return s;
  }
}
