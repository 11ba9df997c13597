package io.fairtender;

import java.time.LocalDate;

/**
 * Per-document choices.
 *
 * @param asOf the date to apply the rules as of; null for the document's own date, else today
 * @param includeText put the extracted text in the report
 * @param english messages in English instead of Chinese
 */
public record CheckOptions(LocalDate asOf, boolean includeText, boolean english) {
  public static CheckOptions defaults() {
    return new CheckOptions(null, false, false);
  }
}
