package io.fairtender.analyse;

import java.util.Set;

/**
 * What a request asks to run, on top of its profile.
 *
 * @param profile profile id, or null to pick one from the document's regime
 * @param onlyRules run only these rules (empty: no limit)
 * @param disableRules never run these
 * @param onlyCategories run only these categories (empty: no limit)
 * @param disableCategories never run these
 */
public record RuleSelection(String profile, Set<String> onlyRules, Set<String> disableRules, Set<String> onlyCategories,
    Set<String> disableCategories) {

  public RuleSelection {
    onlyRules = Set.copyOf(onlyRules);
    disableRules = Set.copyOf(disableRules);
    onlyCategories = Set.copyOf(onlyCategories);
    disableCategories = Set.copyOf(disableCategories);
  }

  public static RuleSelection all() {
    return new RuleSelection(null, Set.of(), Set.of(), Set.of(), Set.of());
  }

  public boolean admits(Rule r) {
    String c = r.category().id();
    return (onlyRules.isEmpty() || onlyRules.contains(r.id())) && !disableRules.contains(r.id())
        && (onlyCategories.isEmpty() || onlyCategories.contains(c)) && !disableCategories.contains(c);
  }
}
