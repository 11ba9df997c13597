package io.fairtender.report;

import java.util.Set;

/**
 * Something the checker could not do for part of a document; the rest was checked.
 *
 * @param code stable code (NO_TEXT_LAYER, RULE_ERROR, ...)
 * @param message what happened
 * @param page the page concerned, or null
 * @param ruleId the rule concerned, or null
 */
public record ProcessingError(String code, String message, Integer page, String ruleId) {
  /** Codes after which every page was still read and checked: the finding list was cut, or one rule failed. */
  private static final Set<String> TEXT_STILL_CHECKED = Set.of("FINDINGS_LIMIT", "RULE_ERROR");

  /**
   * Whether part of the document's text went unchecked (a page without text, an image too large to OCR, the OCR page
   * limit, a package entry skipped, a time limit). Any code not known to leave the text checked counts, so a new kind
   * of gap is never taken for a complete check.
   */
  public boolean leftTextUnchecked() {
    return !TEXT_STILL_CHECKED.contains(code);
  }
}
