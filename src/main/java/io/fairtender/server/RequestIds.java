package io.fairtender.server;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id: the client's {@code X-Request-Id} when it is short and plain, else a new random one. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  /** MDC keys used in every log line of a request. */
  static final String MDC_ID = "requestId";
  static final String MDC_CLIENT = "client";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  static String accept(String header) {
    return header != null && SAFE.matcher(header).matches() ? header : UUID.randomUUID().toString();
  }
}
