package io.fairtender.analyse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fairtender.analyse.Category;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SME-policy checks' metadata, from {@code policy/checks.yaml}. */
public final class PolicyCatalogue {
  /**
   * One check's metadata.
   *
   * @param id stable id
   * @param category finding category
   * @param severity severity of a failure
   * @param zh what it checks, Chinese
   * @param en what it checks, English
   * @param fix how to fix a failure
   * @param basis provisions
   */
  public record Entry(String id, Category category, Severity severity, String zh, String en, String fix, List<LegalBasis> basis) {}

  private static final Map<String, Entry> ENTRIES = load();

  private PolicyCatalogue() {}

  public static Map<String, Entry> entries() {
    return ENTRIES;
  }

  public static Entry get(String id) {
    Entry e = ENTRIES.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no policy check " + id);
    }
    return e;
  }

  private static Map<String, Entry> load() {
    try (InputStream in = PolicyCatalogue.class.getResourceAsStream("/policy/checks.yaml")) {
      Map<String, Entry> out = new LinkedHashMap<>();
      for (JsonNode n : new YAMLMapper().readTree(in)) {
        List<LegalBasis> basis = new ArrayList<>();
        for (JsonNode b : n.get("basis")) {
          basis.add(new LegalBasis(b.get(0).asText(), b.get(1).asText(), null));
        }
        out.put(n.get("id").asText(), new Entry(n.get("id").asText(), Category.fromId(n.get("category").asText()),
            Severity.fromId(n.get("severity").asText()), n.get("zh").asText(), n.get("en").asText(), n.get("fix").asText(), basis));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
