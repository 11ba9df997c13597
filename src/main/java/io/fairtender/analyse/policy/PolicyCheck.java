package io.fairtender.analyse.policy;

import io.fairtender.analyse.LegalBasis;
import io.fairtender.i18n.Phrase;
import java.util.List;

/**
 * One SME-policy verdict.
 *
 * @param ruleId the check (SME-PD-RANGE-GS ...)
 * @param status pass, fail, review or not-applicable
 * @param expected what the rules in force require
 * @param found what the document says
 * @param evidence where it says it
 * @param message the verdict explained; for review, what input is missing
 * @param legalBasis provisions
 * @param expectedPhrase {@code expected} as a message key and arguments, for rendering in any language
 * @param foundPhrase {@code found} likewise
 * @param notes the explanations appended to the check's name in {@code message}, likewise
 */
public record PolicyCheck(String ruleId, String status, String expected, String found, List<Facts.Evidence> evidence,
    String message, List<LegalBasis> legalBasis, Phrase expectedPhrase, Phrase foundPhrase, List<Phrase> notes) {

  public PolicyCheck {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String REVIEW = "review";
  public static final String NA = "not-applicable";
}
