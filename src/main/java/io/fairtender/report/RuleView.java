package io.fairtender.report;

import io.fairtender.analyse.Example;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Rule;
import java.util.List;

/**
 * The public description of a rule, as listed by the CLI and the API.
 *
 * @param id stable id
 * @param category finding category
 * @param severity violation, risk or info
 * @param title short name
 * @param message what a finding says
 * @param suggestion how to fix
 * @param legalBasis provisions
 * @param appliesIn roles it applies in (empty: all but neverIn)
 * @param neverIn roles it never applies in
 * @param flags examples it flags
 * @param leavesAlone look-alikes it does not flag
 */
public record RuleView(String id, String category, String severity, String title, String message, String suggestion,
    List<LegalBasis> legalBasis, List<String> appliesIn, List<String> neverIn, List<String> flags, List<String> leavesAlone) {

  public static RuleView of(Rule r, boolean en) {
    return new RuleView(r.id(), r.category().id(), r.severity().id(), r.title().in(en), r.message().in(en),
        r.suggestion().in(en), r.legalBasis(),
        r.appliesIn().stream().map(x -> x.id()).sorted().toList(), r.neverIn().stream().map(x -> x.id()).sorted().toList(),
        r.examples().stream().filter(Example::positive).map(Example::plain).toList(),
        r.examples().stream().filter(e -> !e.positive()).map(Example::plain).toList());
  }
}
