package io.fairtender.server;

/** Refusals that only the HTTP layer makes (the engine's own codes are in {@link io.fairtender.ErrorCode}). */
enum HttpError {
  /** The body did not arrive within the body or idle timeout. */
  REQUEST_TIMEOUT(408, "请求体接收超时", "Request body timed out"),
  /** The URL is longer than the server reads. */
  URI_TOO_LONG(414, "请求地址过长", "Request URI too long"),
  /** No API key, or one that is unknown or revoked, while keys are on. */
  UNAUTHORIZED(401, "需要有效的API密钥", "A valid API key is required"),
  /** The key is valid but may not use this resource (admin only). */
  FORBIDDEN(403, "该密钥无权访问此资源", "This key may not use this resource"),
  /** The key's tenant runs as many checks at once as it may. */
  TENANT_BUSY(429, "本租户同时进行的检查已达上限，请稍后重试", "Tenant concurrency limit reached, retry later"),
  /** The key's tenant has used its checks for the day (UTC). */
  QUOTA_EXCEEDED(429, "本租户今日检查次数已用完", "Tenant daily quota used up"),
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
