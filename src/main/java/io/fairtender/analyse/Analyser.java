package io.fairtender.analyse;

import io.fairtender.Deadline;
import io.fairtender.segment.BlockRole;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Unit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Runs a rule set over segmented text. Thread-safe: all per-document state lives in the call. */
public final class Analyser {
  private final RuleSet rules;
  /** For each trigger (by its index in the rule set's trigger automaton), the indexes of the rules it triggers. */
  private final long[][] triggered;
  /** Where each rule pattern's matches can start, and whether it narrows its span. */
  private final Map<Pattern, PatternScan> scans = new java.util.IdentityHashMap<>();
  /** The keyword table of each rule with {@code requireWords}. */
  private final Map<Rule, io.fairtender.text.Keywords> requiredWords = new java.util.IdentityHashMap<>();

  public Analyser(RuleSet rules) {
    this.rules = rules;
    List<Rule> all = rules.rules();
    Map<Rule, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      index.put(all.get(i), i);
    }
    triggered = new long[rules.byTrigger().size()][];
    int words = (all.size() + 63) / 64;
    for (int t = 0; t < triggered.length; t++) {
      BitSet bits = new BitSet(all.size());
      rules.byTrigger().get(rules.trigger(t)).forEach(r -> bits.set(index.get(r)));
      triggered[t] = java.util.Arrays.copyOf(bits.toLongArray(), words);
    }
    for (UnitFeature f : UnitFeature.values()) {
      scans.put(f.pattern(), PatternScan.of(f.pattern()));
    }
    Map<List<String>, io.fairtender.text.Keywords> tables = new java.util.HashMap<>(); // rules sharing a list share its table
    for (Rule r : all) {
      if (!r.requireWords().isEmpty()) {
        requiredWords.put(r, tables.computeIfAbsent(r.requireWords(), io.fairtender.text.Keywords::of));
      }
      r.patterns().forEach(p -> scans.put(p, PatternScan.of(p)));
      r.requireAny().forEach(p -> scans.put(p, PatternScan.of(p)));
      r.exclude().forEach(p -> scans.put(p, PatternScan.of(p)));
    }
  }

  public RuleSet rules() {
    return rules;
  }

  /** Matches of every enabled rule, sorted by position then rule id; failures of single rules go to {@code errors}. */
  public List<Match> analyse(SegmentedText seg, Predicate<Rule> enabled, Deadline deadline, List<RuleError> errors) {
    String text = seg.text().text();
    List<Unit> units = seg.units();
    if (units.isEmpty()) {
      return List.of();
    }
    List<Rule> all = rules.rules();
    // candidate (unit, rule) pairs from one pass over the text for all triggers
    long[][] candidates = new long[units.size()][];
    int[] starts = new int[units.size()];
    int[] ends = new int[units.size()];
    for (int i = 0; i < units.size(); i++) {
      starts[i] = units.get(i).start();
      ends[i] = units.get(i).end();
    }
    int[] cursor = {-1}; // triggers come in order of start: the unit of the last one is where the search resumes
    rules.triggersIn(text, (pos, end, trigger) -> {
      int u = cursor[0];
      while (u + 1 < starts.length && starts[u + 1] <= pos) {
        u++;
      }
      cursor[0] = u;
      if (u >= 0 && end <= ends[u]) {
        long[] rulesOfTrigger = triggered[trigger];
        long[] c = candidates[u];
        if (c == null) {
          c = new long[rulesOfTrigger.length];
          candidates[u] = c;
        }
        for (int k = 0; k < c.length; k++) {
          c[k] |= rulesOfTrigger[k];
        }
      }
    });
    List<Match> out = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      if (candidates[u] == null) {
        continue;
      }
      deadline.check();
      Unit unit = units.get(u);
      UnitContext ctx = new UnitContext(text, unit, p -> scans.getOrDefault(p, PatternScan.ANY));
      for (int r = nextRule(candidates[u], 0); r >= 0; r = nextRule(candidates[u], r + 1)) {
        Rule rule = all.get(r);
        if (!enabled.test(rule)) {
          continue;
        }
        try {
          if (applies(rule, ctx)) {
            for (Match m : distinct(text, merge(rule.kind().match(rule, ctx)))) {
              if (admits(rule, seg.blockAt(m.start(), m.end()))) {
                out.add(m);
              }
            }
          }
        } catch (RuntimeException ex) {
          errors.add(new RuleError(rule.id(), unit.start(), ex.toString()));
        }
      }
    }
    out.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.rule().id()).thenComparingInt(Match::end));
    return out;
  }

  /** The role, feature and context conditions of a rule, on one unit. */
  boolean applies(Rule rule, UnitContext ctx) {
    SectionRole role = ctx.unit().role();
    if (!rule.appliesTo(role)) {
      return false;
    }
    if (!admits(rule, ctx.unit().block())) {
      return false;
    }
    if (rule.scoringOnly() && role != SectionRole.SCORING && !ctx.has(UnitFeature.SCORING)) {
      return false;
    }
    for (UnitFeature f : rule.suppressIn()) {
      if (ctx.has(f)) {
        return false;
      }
    }
    io.fairtender.text.Keywords words = requiredWords.get(rule);
    if (words != null && !words.occursIn(ctx.text(), ctx.unit().start(), ctx.unit().end())) {
      return false;
    }
    if (!rule.requireAny().isEmpty() && !anyFind(rule.requireAny(), ctx)) {
      return false;
    }
    return !anyFind(rule.exclude(), ctx);
  }

  /**
   * Whether a rule may fire inside a block. A quoted 划型 standard, a lawful accommodation for new firms and an optional
   * item never hold a requirement; a template or quoted law admits the rules that apply in the section role of the same
   * name (a rule file's {@code neverIn: [forms, law]} keeps it out of both kinds of section and block).
   */
  static boolean admits(Rule rule, BlockRole block) {
    return switch (block) {
      case NONE, CONDITIONAL -> true;
      case STANDARD, ACCOMMODATION, OPTIONAL -> false;
      case TEMPLATE -> rule.appliesTo(SectionRole.FORMS);
      case QUOTED_LAW -> rule.appliesTo(SectionRole.LAW);
    };
  }

  private static boolean anyFind(List<Pattern> patterns, UnitContext ctx) {
    for (Pattern p : patterns) {
      if (ctx.finds(p)) {
        return true;
      }
    }
    return false;
  }

  /** One match per distinct place: overlapping or touching matches of one rule become one. */
  private static List<Match> merge(List<Match> matches) {
    if (matches.size() < 2) {
      return matches;
    }
    List<Match> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
    List<Match> out = new ArrayList<>();
    Match cur = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Match m = sorted.get(i);
      if (m.start() <= cur.end()) {
        if (m.end() > cur.end()) {
          cur = new Match(cur.rule(), cur.start(), m.end(), cur.values());
        }
      } else {
        out.add(cur);
        cur = m;
      }
    }
    out.add(cur);
    return out;
  }

  /** A clause that names the same condition twice ("净利润…排序；…净利润均为正值") is one finding. */
  private static List<Match> distinct(String text, List<Match> matches) {
    if (matches.size() < 2) {
      return matches;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Match> out = new ArrayList<>();
    for (Match m : matches) {
      if (seen.add(text.substring(m.start(), m.end()))) {
        out.add(m);
      }
    }
    return out;
  }

  /** The first rule index at or after {@code from} whose bit is set, or -1. */
  private static int nextRule(long[] bits, int from) {
    for (int k = from >>> 6; k < bits.length; k++) {
      long w = bits[k] & (k == from >>> 6 ? -1L << (from & 63) : -1L);
      if (w != 0) {
        return k * 64 + Long.numberOfTrailingZeros(w);
      }
    }
    return -1;
  }

  /** A rule that threw on a unit; the check goes on without it. */
  public record RuleError(String ruleId, int position, String message) {}
}
