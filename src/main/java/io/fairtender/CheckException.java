package io.fairtender;

/** A document or request the checker refuses, with a stable {@link ErrorCode}. */
public class CheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public CheckException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public CheckException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
