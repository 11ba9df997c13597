package io.fairtender.analyse.policy;

import io.fairtender.segment.BlockRole;
import io.fairtender.segment.Section;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Unit;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a finding about something the document does not say belongs: the section that should have said it (the SME
 * policy section, the contract's payment terms), or nowhere in particular (then the document start, quoting nothing).
 */
public final class AbsenceAnchor {
  /** Checks whose failure is an absence. */
  public static final Set<String> ABSENCES = Set.of("SME-DOC-CONTENT", "SME-SUBCONTRACT-DOWN", "SME-PD-REQUIRED", "PAY-CONTENT");
  private static final Pattern SME_NAMED = FactPatterns.builtin().get("smeNamed");
  private static final Pattern SME_HEADING = FactPatterns.builtin().get("smeHeading");
  private static final Pattern PAY_HEADING = FactPatterns.builtin().get("payHeading");

  /**
   * A span in normalised text.
   *
   * @param start first char
   * @param end one past the last char
   * @param section the section it stands in
   * @param heading true when the span is the section's heading rather than a unit
   */
  public record Anchor(int start, int end, Section section, boolean heading) {}

  private AbsenceAnchor() {}

  /**
   * The anchor of an absence found by {@code ruleId}, or null when no place is the one (document start). For the SME
   * policy: a section whose heading names 中小企业, else the first clause or 前附表 row that opens on it, else a section of
   * the policy role; for payment: a contract section on payment, else the first clause that opens on it.
   */
  public static Anchor of(String ruleId, SegmentedText seg) {
    boolean pay = ruleId.startsWith("PAY-");
    Pattern named = pay ? PAY_HEADING : SME_NAMED;
    for (Section s : seg.sections()) {
      if (s.parent() != null && s.role() != SectionRole.FORMS && s.role() != SectionRole.LAW && named.matcher(s.heading()).find()
          && (!pay || s.role() == SectionRole.CONTRACT)) {
        return new Anchor(s.start(), s.end(), s, true);
      }
    }
    String text = seg.text().text();
    for (Unit u : seg.units()) {
      if (u.role() == SectionRole.FORMS || u.role() == SectionRole.LAW || u.block() != BlockRole.NONE || pay && u.role() != SectionRole.CONTRACT) {
        continue;
      }
      java.util.regex.Matcher m = named.matcher(text).region(u.start(), Math.min(u.end(), u.start() + 24));
      if (m.find()) {
        return new Anchor(u.start(), m.end(), u.section(), false);
      }
    }
    if (!pay) {
      for (Section s : seg.sections()) {
        if (s.parent() != null && s.role() == SectionRole.POLICY && SME_HEADING.matcher(s.heading()).find()) {
          return new Anchor(s.start(), s.end(), s, true);
        }
      }
    }
    return null;
  }
}
