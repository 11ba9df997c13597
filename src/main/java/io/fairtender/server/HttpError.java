package io.fairtender.server;

/** Refusals that only the HTTP layer makes (the engine's own codes are in {@link io.fairtender.ErrorCode}). */
enum HttpError {
  /** The body did not arrive within the body or idle timeout. */
  REQUEST_TIMEOUT(408, "请求体接收超时", "Request body timed out"),
  /** The URL is longer than the server reads. */
  URI_TOO_LONG(414, "请求地址过长", "Request URI too long"),
  /** The Host header names a host this server does not serve (DNS rebinding protection). */
  MISDIRECTED_REQUEST(421, "请求的主机名不被接受", "Host not accepted by this server");

  final int status;
  final String titleZh;
  final String titleEn;

  HttpError(int status, String titleZh, String titleEn) {
    this.status = status;
    this.titleZh = titleZh;
    this.titleEn = titleEn;
  }

  Problem problem(String detail, String requestId) {
    return Problem.of(status, name(), titleZh, detail, requestId);
  }
}
