package io.fairtender.server.auth;

import io.fairtender.server.Caller;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Decides, from the request line and headers only (before any body is read), who is calling and whether they may.
 * Keys are on once any key was created (revoked ones included) or when required; then {@code /v1/*} and {@code /metrics} need a key,
 * {@code /v1/audit} and {@code /metrics} an admin key, and check requests take a slot and a unit of the daily quota of
 * the key's tenant. Everything else ({@code /health}, {@code /}, static assets, the OpenAPI description) stays open.
 */
public final class AuthGate {
  public static final String API_KEY_HEADER = "X-Api-Key";
  /** The {@code WWW-Authenticate} value sent with 401. */
  public static final String CHALLENGE = "Bearer realm=\"fairtender\"";

  private final KeyRing ring;
  private final TenantLimits limits;
  private final boolean required;
  private final LongSupplier clock;

  public AuthGate(KeyRing ring, TenantLimits limits, boolean required, LongSupplier clock) {
    if (required && ring == null) {
      throw new IllegalArgumentException("keys are required but there is no key database");
    }
    this.ring = ring;
    this.limits = limits;
    this.required = required;
    this.clock = clock;
  }

  /** No keys at all: every request is the local tenant (the zero-configuration loopback default). */
  public static AuthGate open() {
    return new AuthGate(null, new TenantLimits(), false, System::currentTimeMillis);
  }

  /** True when requests need a key now. */
  public boolean keysOn() {
    return required || (ring != null && ring.configured());
  }

  /** What the gate decided. */
  public sealed interface Decision permits Pass, Refuse {}

  /**
   * Let in as {@code caller}. {@code admin} is true for an admin key, or when keys are off.
   * The ticket must be {@linkplain Ticket#close() closed} when the request ends.
   */
  public record Pass(Caller caller, boolean admin, Ticket ticket) implements Decision {}

  /**
   * Refused before the body is read.
   *
   * @param status 401, 403 or 429
   * @param code UNAUTHORIZED, FORBIDDEN, TENANT_BUSY or QUOTA_EXCEEDED
   * @param detail what to do about it
   * @param retryAfterSeconds for 429, else 0
   */
  public record Refuse(int status, String code, String detail, long retryAfterSeconds) implements Decision {}

  /** A check's claim on its tenant's limits. */
  public static final class Ticket implements AutoCloseable {
    static final Ticket NONE = new Ticket(null, null, null);
    private final TenantLimits limits;
    private final String tenant;
    private final LongSupplier clock;
    private final AtomicBoolean done = new AtomicBoolean();

    Ticket(TenantLimits limits, String tenant, LongSupplier clock) {
      this.limits = limits;
      this.tenant = tenant;
      this.clock = clock;
    }

    /** The request ended: frees the tenant's slot (the request still counts against the quota). */
    @Override
    public void close() {
      if (limits != null && done.compareAndSet(false, true)) {
        limits.release(tenant, false, clock.getAsLong());
      }
    }

    /** The server refused the request before checking it (busy): frees the slot and gives the quota unit back. */
    public void refund() {
      if (limits != null && done.compareAndSet(false, true)) {
        limits.release(tenant, true, clock.getAsLong());
      }
    }
  }

  /**
   * @param method HTTP method
   * @param path request path (no query)
   * @param authorization the Authorization header, or null
   * @param apiKey the X-Api-Key header, or null
   * @param requestId the request id
   */
  public Decision authorize(String method, String path, String authorization, String apiKey, String requestId) {
    if (!guarded(path) || !keysOn()) {
      return new Pass(Caller.local(requestId), true, Ticket.NONE);
    }
    String secret = secret(authorization, apiKey);
    if (secret == null) {
      return new Refuse(401, "UNAUTHORIZED",
          "an API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'", 0);
    }
    ApiKey key = ring.find(secret);
    if (key == null) {
      return new Refuse(401, "UNAUTHORIZED", "the API key is not valid (unknown or revoked)", 0);
    }
    Caller caller = new Caller(key.tenant(), requestId);
    if (adminOnly(path) && !key.admin()) {
      return new Refuse(403, "FORBIDDEN", "this resource needs an admin key", 0);
    }
    if (!checkRequest(method, path)) {
      return new Pass(caller, key.admin(), Ticket.NONE);
    }
    long now = clock.getAsLong();
    TenantLimits.Result r = limits.acquire(key, now);
    if (r.refused() == TenantLimits.Limit.CONCURRENCY) {
      return new Refuse(429, "TENANT_BUSY", "tenant " + key.tenant() + " already runs " + key.maxConcurrent()
          + " checks at once, its limit; retry later", r.retryAfterSeconds());
    }
    if (r.refused() == TenantLimits.Limit.QUOTA) {
      return new Refuse(429, "QUOTA_EXCEEDED", "tenant " + key.tenant() + " has used its daily quota of "
          + key.dailyQuota() + " checks; it renews at 00:00 UTC", r.retryAfterSeconds());
    }
    return new Pass(caller, key.admin(), new Ticket(limits, key.tenant(), clock));
  }

  /** The API, metrics, and the workbench's views of a job (its report, page images, export), which show a document. */
  static boolean guarded(String path) {
    return path.startsWith("/v1/") || path.equals("/v1") || path.equals("/metrics") || path.startsWith("/web/jobs/");
  }

  static boolean adminOnly(String path) {
    return path.equals("/metrics") || path.equals("/v1/audit") || path.startsWith("/v1/audit/");
  }

  /** Requests that run a check (now or as a job): they count against the tenant's limits. */
  static boolean checkRequest(String method, String path) {
    return "POST".equals(method) && (path.equals("/v1/check") || path.equals("/v1/jobs"));
  }

  static String secret(String authorization, String apiKey) {
    if (authorization != null) {
      String a = authorization.strip();
      if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return a.substring(7).strip();
      }
    }
    return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
  }
}
