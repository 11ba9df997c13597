package io.fairtender.analyse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable set of rules with unique ids, indexed by trigger for fast candidate selection. */
public final class RuleSet {
  private final List<Rule> rules;
  private final Map<String, Rule> byId;
  private final Map<String, List<Rule>> byTrigger;
  /** An Aho–Corasick automaton over all triggers: every occurrence of every trigger in one pass over the text. */
  private final io.fairtender.text.Keywords triggerTrie;

  public RuleSet(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::id));
    Map<String, Rule> ids = new LinkedHashMap<>();
    Map<String, List<Rule>> triggers = new HashMap<>();
    for (Rule r : sorted) {
      Rule dup = ids.put(r.id(), r);
      if (dup != null) {
        throw new RuleFileException(r.source(), 0, "duplicate rule id " + r.id() + " (also in " + dup.source() + ")", null);
      }
      for (String t : r.triggers()) {
        triggers.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
      }
    }
    this.rules = Collections.unmodifiableList(sorted);
    this.byId = Collections.unmodifiableMap(ids);
    this.byTrigger = Collections.unmodifiableMap(triggers);
    this.triggerTrie = io.fairtender.text.Keywords.of(List.copyOf(triggers.keySet()));
  }

  public static RuleSet builtin() {
    return new RuleSet(RuleLoader.builtin());
  }

  public List<Rule> rules() {
    return rules;
  }

  public Optional<Rule> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Map<String, List<Rule>> byTrigger() {
    return byTrigger;
  }

  /** Every occurrence of every trigger in {@code text}, overlapping ones included, found in one pass. */
  void triggersIn(String text, io.fairtender.text.Keywords.Hit hit) {
    triggerTrie.find(text, hit);
  }

  /** The trigger a hit of {@link #triggersIn} names by its index. */
  String trigger(int index) {
    return triggerTrie.word(index);
  }
}
