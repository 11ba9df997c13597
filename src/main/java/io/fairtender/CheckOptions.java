package io.fairtender;

import io.fairtender.analyse.RuleSelection;
import java.time.LocalDate;

/**
 * Per-document choices.
 *
 * @param asOf the date to apply the rules as of; null for the document's own date, else today
 * @param includeText put the extracted text in the report
 * @param english messages in English instead of Chinese
 * @param selection profile and rules or categories switched on or off
 * @param modelFindings add the clause classifier's suggestions (when the models are loaded)
 */
public record CheckOptions(LocalDate asOf, boolean includeText, boolean english, RuleSelection selection,
    boolean modelFindings) {

  public CheckOptions(LocalDate asOf, boolean includeText, boolean english) {
    this(asOf, includeText, english, RuleSelection.all(), true);
  }

  public CheckOptions(LocalDate asOf, boolean includeText, boolean english, RuleSelection selection) {
    this(asOf, includeText, english, selection, true);
  }

  public CheckOptions {
    if (selection == null) {
      selection = RuleSelection.all();
    }
  }

  public static CheckOptions defaults() {
    return new CheckOptions(null, false, false);
  }
}
