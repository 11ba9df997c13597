package io.fairtender.analyse;

import io.fairtender.normalise.Quantity;
import io.fairtender.segment.SectionRole;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One check, loaded from a rule file. What it matches is decided by its {@link RuleKind}; everything else is data.
 *
 * @param id stable id, equal to the rule file's name (e.g. SME-SCALE-REGCAP)
 * @param kind phrase or threshold
 * @param triggers literal strings one of which must occur in a unit before the rule is tried
 * @param patterns what to match; for thresholds, the subject (注册资本) the quantity belongs to
 * @param requireAny context one of which must also occur in the unit
 * @param requireWords literal words one of which must also occur in the unit (found by a keyword table, so a long list
 *     such as the gazetteer costs one pass over the unit; empty: no such condition)
 * @param exclude context that makes the unit a look-alike
 * @param appliesIn roles where the rule applies (empty: all but {@code neverIn})
 * @param neverIn roles where it never applies
 * @param scoringOnly apply only to scoring items (a scoring section, or a unit that awards points)
 * @param quantityKinds for thresholds: the kinds of quantity that make a threshold
 * @param window for thresholds: how many chars after the subject the quantity may start
 * @param floorOnly for thresholds: only lower bounds (不低于, 以上) count
 * @param suppressIn unit features that make it a look-alike (disclaimer, template)
 * @param minValue for thresholds: the smallest value (in base units) that counts; configurable per deployment
 * @param validFrom first day the rule is in force (null: always)
 * @param validUntil last day the rule is in force (null: still in force)
 * @param worksBasis the basis cited for works tendered under 招标投标法 (empty: the regime default)
 * @param enterpriseBasis the basis cited for an enterprise's own procurement (empty: the regime default)
 */
public record Rule(
    String id,
    RuleKind kind,
    Category category,
    Severity severity,
    Text title,
    Text message,
    Text suggestion,
    List<LegalBasis> legalBasis,
    List<String> triggers,
    List<Pattern> patterns,
    List<Pattern> requireAny,
    List<String> requireWords,
    List<Pattern> exclude,
    Set<SectionRole> appliesIn,
    Set<SectionRole> neverIn,
    boolean scoringOnly,
    Set<Quantity.Kind> quantityKinds,
    int window,
    boolean floorOnly,
    Set<UnitFeature> suppressIn,
    double minValue,
    java.time.LocalDate validFrom,
    java.time.LocalDate validUntil,
    List<LegalBasis> worksBasis,
    List<LegalBasis> enterpriseBasis,
    List<Example> examples,
    String since,
    String source) {

  /** True when the rule is in force on {@code date}. */
  public boolean inForceOn(java.time.LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
  }

  /** The same rule with another numeric floor. */
  public Rule withMinValue(double v) {
    return new Rule(id, kind, category, severity, title, message, suggestion, legalBasis, triggers, patterns, requireAny,
        requireWords, exclude, appliesIn, neverIn, scoringOnly, quantityKinds, window, floorOnly, suppressIn, v, validFrom, validUntil,
        worksBasis, enterpriseBasis, examples, since, source);
  }

  /** True when the rule may apply to a unit with this role. */
  public boolean appliesTo(SectionRole role) {
    if (neverIn.contains(role)) {
      return false;
    }
    return appliesIn.isEmpty() || appliesIn.contains(role);
  }
}
