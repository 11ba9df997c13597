package io.fairtender.report.view;

import java.util.List;

/**
 * One problem: every finding of one rule in one clause (13 brand names in one table row are one problem with 13
 * places).
 *
 * @param id the first finding's id: the key an officer's mark is stored under
 * @param ruleId the rule
 * @param category category id
 * @param categoryName category in words
 * @param severity violation, risk or info
 * @param severityName severity in words
 * @param title the rule's title
 * @param where the first place in words (page, section)
 * @param context the clause, cut into plain and highlighted pieces
 * @param why why it is unlawful
 * @param basis the legal basis, one line per provision
 * @param suggestion the suggested rewrite
 * @param ruleUrl the rule's documentation page
 * @param places every finding in the clause
 * @param ocr true when the clause stands on a page read by OCR
 * @param mark the officer's mark, or null
 */
public record FindingGroup(String id, String ruleId, String category, String categoryName, String severity, String severityName,
    String title, String where, List<Piece> context, String why, List<String> basis, String suggestion, String ruleUrl,
    List<Place> places, boolean ocr, Mark mark) {

  /** A run of the clause; {@code hit} runs are what the findings quote. */
  public record Piece(String text, boolean hit) {}

  /**
   * One finding of the group.
   *
   * @param id ruleId@start
   * @param page 1-based page
   * @param start first code point in the document text
   * @param end one past the last
   * @param quote the quoted text
   */
  public record Place(String id, int page, int start, int end, String quote) {}

  /**
   * An officer's mark on a problem.
   *
   * @param state fixed, accepted or false-alarm
   * @param stateName the state in words
   * @param reason why (for accepted), may be empty
   */
  public record Mark(String state, String stateName, String reason) {}

  /** The places' pages, for the data attribute the page jumps by. */
  public String pagesAttr() {
    return String.join(" ", places.stream().map(p -> String.valueOf(p.page())).distinct().toList());
  }
}
