package io.fairtender.server;

import io.fairtender.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;

/** Writes small answers straight to Grizzly, for refusals made before a request reaches Jersey. */
final class Replies {
  /** Seconds a client is told to wait after 503 BUSY. */
  static final String RETRY_AFTER = "5";

  private Replies() {}

  /** Writes a problem; {@code close} ends the connection afterwards (the unread body is not drained). */
  static void problem(Response res, Problem p, boolean close) {
    if (p.status() == ErrorCode.BUSY.httpStatus()) {
      res.setHeader("Retry-After", RETRY_AFTER);
    }
    if (close) {
      res.setHeader("Connection", "close");
    }
    write(res, p.status(), Problem.MEDIA_TYPE + ";charset=UTF-8", p.json());
  }

  static void write(Response res, int status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType(contentType);
    res.setContentLength(bytes.length);
    try {
      res.getOutputStream().write(bytes);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }
}
