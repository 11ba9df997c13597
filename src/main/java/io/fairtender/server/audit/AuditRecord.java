package io.fairtender.server.audit;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;

/**
 * One audited check: who, when, which document (by SHA-256 and size only), with what options, how it ended.
 * Never the text, the file name or the findings' wording.
 *
 * @param id row id (0 before it is stored); the cursor of {@code GET /v1/audit}
 * @param tenant the caller's tenant
 * @param atMillis when the check ended, epoch milliseconds
 * @param requestId the request's X-Request-Id
 * @param sha256 hex digest of the document
 * @param bytes document size
 * @param pages pages read, null when refused
 * @param ocrPages pages read by OCR, null when refused
 * @param mediaType detected (or declared, when refused) media type
 * @param profile the rule profile applied (or asked for)
 * @param asOf the date the rules were applied as of
 * @param durationMs time taken
 * @param outcome {@code ok} or the error code
 * @param violations findings of severity violation
 * @param risks findings of severity risk
 * @param infos findings of severity info
 */
public record AuditRecord(long id, String tenant, long atMillis, String requestId, String sha256, long bytes, Integer pages,
    Integer ocrPages, String mediaType, String profile, String asOf, long durationMs, String outcome, int violations,
    int risks, int infos) {
  public static final String OK = "ok";

  /** The record of one check as {@link io.fairtender.server.CheckObserver} hears of it. */
  public static AuditRecord of(Caller caller, DocumentInput input, CheckOptions options, Report report, ErrorCode refused,
      long nanos, long atMillis) {
    long ms = nanos / 1_000_000;
    String askedProfile = options.selection().profile();
    String askedAsOf = options.asOf() == null ? null : options.asOf().toString();
    if (report == null) {
      return new AuditRecord(0, caller.tenant(), atMillis, caller.requestId(), Checker.sha256(input.data()),
          input.data().length, null, null, input.mediaType(), askedProfile, askedAsOf, ms,
          refused == null ? ErrorCode.INTERNAL.name() : refused.name(), 0, 0, 0);
    }
    int v = 0;
    int r = 0;
    int i = 0;
    for (Finding f : report.findings()) {
      switch (f.severity()) {
        case "violation" -> v++;
        case "risk" -> r++;
        default -> i++;
      }
    }
    String profile = report.regime() != null && report.regime().profile() != null ? report.regime().profile() : askedProfile;
    String asOf = report.asOf() != null ? report.asOf().date() : askedAsOf;
    return new AuditRecord(0, caller.tenant(), atMillis, caller.requestId(), report.document().sha256(),
        report.document().bytes(), report.document().pages(), report.document().ocrPages().size(),
        report.document().mediaType(), profile, asOf, ms, OK, v, r, i);
  }
}
