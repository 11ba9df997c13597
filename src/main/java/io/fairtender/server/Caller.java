package io.fairtender.server;

/**
 * Who asked for a piece of work: the tenant (from the API key; {@code "local"} when keys are off) and the request id.
 * Passed explicitly so that work run on other threads (async jobs) is still attributed.
 */
public record Caller(String tenant, String requestId) {
  public static final String LOCAL = "local";
  /** The Jersey request property holding the request's Caller once authentication has run. */
  public static final String PROPERTY = "io.fairtender.caller";

  public Caller {
    tenant = tenant == null || tenant.isBlank() ? LOCAL : tenant;
  }

  public static Caller local(String requestId) {
    return new Caller(LOCAL, requestId);
  }
}
