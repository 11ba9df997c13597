package io.fairtender.report;

import io.fairtender.analyse.LegalBasis;
import java.util.List;
import java.util.Map;

/**
 * One problem found in a document. Offsets count Unicode code points in the extracted text.
 *
 * @param ruleId the rule's stable id
 * @param category the finding category id (ownership, age, scale, financial, ...)
 * @param severity violation, risk or info
 * @param page 1-based page of the start
 * @param entry the ZIP entry the finding stands in, for packages; null otherwise
 * @param line 1-based line of the start in the extracted text
 * @param start first code point in the document text
 * @param end one past the last code point (equal to start only for an SME-policy absence no section locates)
 * @param pageOffset start relative to the page's first code point
 * @param quote the extracted text of {@code [start, end)}
 * @param context the whole clause the finding stands in
 * @param section the heading path of the section
 * @param sectionRole the role applied to the clause
 * @param title the rule's title
 * @param message why this is unlawful
 * @param legalBasis the provisions it rests on
 * @param suggestion how to rewrite it
 * @param values quantities the rule read
 * @param source "rule" for rule findings
 * @param doc where the rule's documentation page is served
 */
public record Finding(
    String ruleId,
    String category,
    String severity,
    int page,
    String entry,
    int line,
    int start,
    int end,
    int pageOffset,
    String quote,
    String context,
    String section,
    String sectionRole,
    String title,
    String message,
    List<LegalBasis> legalBasis,
    String suggestion,
    Map<String, Object> values,
    String source,
    String doc) {

  public Finding {
    // an SME-policy absence that no section locates stands at the document start and quotes nothing
    if (end < start || end == start && !"policy".equals(source)) {
      throw new IllegalArgumentException("empty finding span [" + start + "," + end + ") for " + ruleId);
    }
    legalBasis = List.copyOf(legalBasis);
    values = Map.copyOf(values);
  }
}
