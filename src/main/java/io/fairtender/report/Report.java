package io.fairtender.report;

import java.util.List;

/**
 * The result of checking one document.
 *
 * @param formatVersion version of this contract (1)
 * @param checker name and version of the checker
 * @param document what was checked
 * @param asOf the date the rules were applied as of, and why that date
 * @param findings problems, ordered by position then rule id
 * @param processingErrors parts that could not be checked
 * @param text the extracted text the offsets refer to, when asked for
 */
public record Report(
    int formatVersion,
    CheckerInfo checker,
    DocumentInfo document,
    AsOf asOf,
    RegimeInfo regime,
    io.fairtender.analyse.policy.Facts facts,
    io.fairtender.analyse.policy.PolicyResult policy,
    List<Finding> findings,
    List<ProcessingError> processingErrors,
    String text) {

  public static final int FORMAT_VERSION = 1;

  public Report {
    findings = List.copyOf(findings);
    processingErrors = List.copyOf(processingErrors);
  }

  /**
   * The law the document falls under, as the checker judged it.
   *
   * @param id government, works, enterprise or unknown
   * @param name human label
   * @param reason the evidence counted
   * @param profile the rule profile applied
   */
  public record RegimeInfo(String id, String name, String reason, String profile) {}

  /** Name and version of the software that made a report. */
  public record CheckerInfo(String name, String version, int rules) {}

  /**
   * The date rules are applied as of.
   *
   * @param date ISO date
   * @param source "request" (asked for), "document" (the document's own date) or "today"
   */
  public record AsOf(String date, String source) {}
}
