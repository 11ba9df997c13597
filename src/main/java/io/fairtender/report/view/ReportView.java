package io.fairtender.report.view;

import java.util.List;

/**
 * A report as the HTML report and the web page show it: every string already in the reader's language.
 *
 * @param lang zh or en
 * @param title the report's title
 * @param meta the line under the title (document, pages, regime, date, checker)
 * @param sha256 the document's digest (the page keys an officer's marks by it)
 * @param verdict the verdict line
 * @param groups the problems, one per clause and rule, in document order
 * @param categories the categories present, for the filter
 * @param severities the severities present, for the filter
 * @param policy the SME-policy table, empty when there is none
 * @param policyAsOf the line above the policy table
 * @param ocrPages pages read by OCR
 * @param notChecked parts that could not be checked
 */
public record ReportView(String lang, String title, String meta, String sha256, Verdict verdict, List<FindingGroup> groups,
    List<Option> categories, List<Option> severities, List<PolicyRow> policy, String policyAsOf, List<Integer> ocrPages,
    List<String> notChecked) {

  /**
   * The verdict line.
   *
   * @param publishable true when nothing must be fixed first
   * @param tone ok, warn or bad
   * @param text the sentence
   * @param counts the numbers behind it (violations, risks, notes, failed policy checks)
   */
  public record Verdict(boolean publishable, String tone, String text, List<Count> counts) {}

  /** One number on the verdict line. */
  public record Count(String id, String label, int n) {}

  /** A filter choice. */
  public record Option(String id, String label, int n) {}

  /**
   * One SME-policy verdict as a table row.
   *
   * @param id the check id (kept out of the visible text)
   * @param name the check's name
   * @param status pass, fail, review
   * @param statusName the status in words
   * @param expected what the rules require
   * @param found what the document says
   * @param note the verdict explained
   */
  public record PolicyRow(String id, String name, String status, String statusName, String expected, String found, String note) {}
}
