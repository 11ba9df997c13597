package io.fairtender.server;

import io.fairtender.analyse.RuleSelection;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Query parameters that choose rules: profile, rules, disableRules, categories, disableCategories (comma lists). */
public final class SelectionParams {
  @QueryParam("profile")
  String profile;

  @QueryParam("rules")
  String rules;

  @QueryParam("disableRules")
  String disableRules;

  @QueryParam("categories")
  String categories;

  @QueryParam("disableCategories")
  String disableCategories;

  @QueryParam("modelFindings")
  @jakarta.ws.rs.DefaultValue("false")
  boolean modelFindings;

  @QueryParam("format")
  @jakarta.ws.rs.DefaultValue("json")
  String format;

  String format() {
    return format == null ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
  }

  boolean modelFindings() {
    return modelFindings;
  }

  RuleSelection selection() {
    return new RuleSelection(profile == null || profile.isBlank() ? null : profile.strip(), split(rules),
        split(disableRules), split(categories), split(disableCategories));
  }

  private static Set<String> split(String s) {
    Set<String> out = new LinkedHashSet<>();
    if (s != null) {
      Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
    }
    return out;
  }
}
