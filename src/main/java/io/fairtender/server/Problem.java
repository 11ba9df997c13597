package io.fairtender.server;

import io.fairtender.ErrorCode;
import io.fairtender.report.ReportJson;
import java.util.Locale;

/**
 * An RFC 9457 problem body with a stable {@code code}.
 *
 * @param type a URI naming the problem kind
 * @param title short human summary (Chinese by default)
 * @param status HTTP status
 * @param code stable machine code (TOO_LARGE, ENCRYPTED, ...)
 * @param detail what happened with this request (never paths or class names)
 * @param requestId the request's {@code X-Request-Id}
 */
public record Problem(String type, String title, int status, String code, String detail, String requestId) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem for an engine error code. */
  public static Problem of(ErrorCode code, String detail, String requestId) {
    return of(code.httpStatus(), code.name(), code.title(false), detail, requestId);
  }

  /** A problem for any status and code. */
  public static Problem of(int status, String code, String title, String detail, String requestId) {
    return new Problem("https://fairtender.io/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'), title, status,
        code, DetailSanitizer.clean(detail), requestId);
  }

  public String json() {
    return ReportJson.line(this);
  }
}
