package io.fairtender.server;

/**
 * An RFC 9457 problem body with a stable {@code code}.
 *
 * @param type a URI naming the problem kind
 * @param title short human summary (Chinese by default)
 * @param status HTTP status
 * @param code stable machine code (TOO_LARGE, ENCRYPTED, ...)
 * @param detail what happened with this request
 */
public record Problem(String type, String title, int status, String code, String detail) {
  public static final String MEDIA_TYPE = "application/problem+json";
}
