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
 * @param modelFindings add the clause classifier's suggestions (when the models are loaded); off unless asked for,
 *     because on real documents they cost precision without adding measurable recall (models/README.md)
 */
public record CheckOptions(LocalDate asOf, boolean includeText, boolean english, RuleSelection selection,
    boolean modelFindings) {

  public CheckOptions(LocalDate asOf, boolean includeText, boolean english) {
    this(asOf, includeText, english, RuleSelection.all(), false);
  }

  public CheckOptions(LocalDate asOf, boolean includeText, boolean english, RuleSelection selection) {
    this(asOf, includeText, english, selection, false);
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
