package io.fairtender.analyse.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dated SME-policy parameter table (and province overrides), loaded from {@code policy/parameters.yaml}. */
public final class PolicyParams {
  /**
   * One dated value.
   *
   * @param key parameter name
   * @param value the number
   * @param from first day (null: open)
   * @param to last day (null: open)
   * @param source where it comes from
   * @param confidence P (primary text), S (secondary), U (unconfirmed)
   * @param province null for national values
   */
  public record Param(String key, double value, LocalDate from, LocalDate to, String source, String confidence, String province) {
    boolean covers(LocalDate d) {
      return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
  }

  private final List<Param> national;
  private final Map<String, List<Param>> provinces;

  private PolicyParams(List<Param> national, Map<String, List<Param>> provinces) {
    this.national = national;
    this.provinces = provinces;
  }

  /** The built-in table, with an optional override file of the same shape applied on top. */
  public static PolicyParams load(Path override) {
    YAMLMapper yaml = new YAMLMapper();
    try (InputStream in = PolicyParams.class.getResourceAsStream("/policy/parameters.yaml")) {
      JsonNode root = yaml.readTree(in);
      List<Param> national = params(root.get("parameters"), null);
      Map<String, List<Param>> provinces = new LinkedHashMap<>();
      root.path("provinces").fields().forEachRemaining(e -> provinces.put(e.getKey(), params(e.getValue(), e.getKey())));
      if (override != null) {
        JsonNode o = yaml.readTree(Files.readString(override));
        // override entries go first, so they win over built-in ones for the same key and date
        List<Param> merged = new ArrayList<>(params(o.get("parameters"), null));
        merged.addAll(national);
        national = merged;
        o.path("provinces").fields().forEachRemaining(e -> {
          List<Param> m = new ArrayList<>(params(e.getValue(), e.getKey()));
          m.addAll(provinces.getOrDefault(e.getKey(), List.of()));
          provinces.put(e.getKey(), m);
        });
      }
      return new PolicyParams(national, provinces);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Param> params(JsonNode list, String province) {
    List<Param> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    for (JsonNode n : list) {
      if (!n.hasNonNull("key") || !n.hasNonNull("value")) {
        throw new IllegalArgumentException("policy parameter needs key and value: " + n);
      }
      out.add(new Param(n.get("key").asText(), n.get("value").asDouble(), date(n.get("from")), date(n.get("to")),
          n.path("source").asText(""), n.path("confidence").asText("U"), province));
    }
    return out;
  }

  private static LocalDate date(JsonNode n) {
    return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
  }

  public java.util.Set<String> provinces() {
    return provinces.keySet();
  }

  /** The value in force on {@code date}, the province's own first; null when none covers the date. */
  public Param get(String key, LocalDate date, String province) {
    if (province != null) {
      for (Param p : provinces.getOrDefault(province, List.of())) {
        if (p.key().equals(key) && p.covers(date)) {
          return p;
        }
      }
    }
    for (Param p : national) {
      if (p.key().equals(key) && p.covers(date)) {
        return p;
      }
    }
    return null;
  }
}
