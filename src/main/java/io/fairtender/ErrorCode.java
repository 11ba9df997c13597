package io.fairtender;

/** Stable codes for documents or requests the checker cannot process; clients switch on these. */
public enum ErrorCode {
  /** The request itself is malformed (bad parameter, missing file). */
  BAD_REQUEST(400, "请求参数有误", "Bad request parameters"),
  /** No such resource (e.g. an unknown rule id). */
  NOT_FOUND(404, "资源不存在", "Not found"),
  /** The HTTP method is not allowed on this path. */
  METHOD_NOT_ALLOWED(405, "不支持的请求方法", "Method not allowed"),
  /** The document exceeds the configured size limit. */
  TOO_LARGE(413, "文件超过大小限制", "Document exceeds the size limit"),
  /** The format is not one the checker reads. */
  UNSUPPORTED_FORMAT(415, "不支持的文件格式", "Unsupported document format"),
  /** The document is password protected. */
  ENCRYPTED(422, "文件已加密，无法读取", "Document is encrypted"),
  /** The document is damaged or not what its type says. */
  CORRUPT(422, "文件已损坏或格式不正确", "Document is corrupt or malformed"),
  /** The document has no bytes or no text at all. */
  EMPTY(422, "文件为空或不含可读文本", "Document is empty or has no readable text"),
  /** The document has no usable text layer (scanned, or fonts without a text mapping). */
  NO_TEXT_LAYER(422, "文件没有可读取的文字层（可能为扫描件）", "Document has no usable text layer"),
  /** A package (ZIP) goes past the entry-count, expansion or nesting limits, as a zip bomb does. */
  PACKAGE_LIMIT(422, "压缩包超出解压限制（文件数、解压大小或嵌套层数）", "Package exceeds the entry, expansion or nesting limits"),
  /** The document could not be checked within the time limit. */
  TIME_LIMIT(422, "文件处理超时", "Document exceeded the processing time limit"),
  /** The checker is at its concurrency limit. */
  BUSY(503, "服务繁忙，请稍后重试", "Server busy, retry later"),
  /** Anything unexpected. */
  INTERNAL(500, "内部错误", "Internal error");

  private final int httpStatus;
  private final String titleZh;
  private final String titleEn;

  ErrorCode(int httpStatus, String titleZh, String titleEn) {
    this.httpStatus = httpStatus;
    this.titleZh = titleZh;
    this.titleEn = titleEn;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String title(boolean english) {
    return english ? titleEn : titleZh;
  }
}
