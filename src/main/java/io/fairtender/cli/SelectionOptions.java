package io.fairtender.cli;

import io.fairtender.analyse.RuleSelection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Rule selection and rule settings shared by the commands that check documents. */
public final class SelectionOptions {
  @Option(names = "--profile", paramLabel = "ID", description = "Rule profile: government or enterprise (default: chosen from the document).")
  String profile;

  @Option(names = "--rules", split = ",", paramLabel = "ID", description = "Run only these rules.")
  List<String> rules = List.of();

  @Option(names = "--disable-rules", split = ",", paramLabel = "ID", description = "Never run these rules.")
  List<String> disableRules = List.of();

  @Option(names = "--categories", split = ",", paramLabel = "CAT", description = "Run only these categories.")
  List<String> categories = List.of();

  @Option(names = "--disable-categories", split = ",", paramLabel = "CAT", description = "Never run these categories.")
  List<String> disableCategories = List.of();

  @Option(names = "--rule-param", paramLabel = "RULE.minValue=N", description = "Rule setting, e.g. DISC-PERF-WEIGHT.minValue=20 (repeatable).")
  Map<String, String> ruleParams = new LinkedHashMap<>();

  RuleSelection selection() {
    return new RuleSelection(profile, set(rules), set(disableRules), set(categories), set(disableCategories));
  }

  private static Set<String> set(List<String> l) {
    Set<String> s = new LinkedHashSet<>();
    l.forEach(x -> s.add(x.strip()));
    return s;
  }
}
