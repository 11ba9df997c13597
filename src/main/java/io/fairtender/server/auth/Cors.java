package io.fairtender.server.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-origin access for browsers, off unless origins are configured ({@code serve --cors-origins}). A listed origin
 * (or any, with {@code *}) gets {@code Access-Control-Allow-Origin} on its answers and an answer to its preflight
 * {@code OPTIONS} requests; other origins get no CORS headers, so browsers keep their same-origin rule.
 */
public final class Cors {
  static final String ALLOW_HEADERS = "Authorization, X-Api-Key, Content-Type, X-Request-Id";
  static final String EXPOSE_HEADERS = "X-Request-Id, Retry-After, Location, WWW-Authenticate, Content-Disposition";
  private final Set<String> origins;
  private final boolean any;

  public Cors(List<String> origins) {
    this.any = origins.contains("*");
    this.origins = Set.copyOf(origins.stream().map(Cors::normalise).toList());
  }

  public static Cors off() {
    return new Cors(List.of());
  }

  public boolean enabled() {
    return any || !origins.isEmpty();
  }

  /** Headers to add to an answer to a request from {@code origin} (empty when not allowed). */
  public Map<String, String> headers(String origin) {
    Map<String, String> h = new LinkedHashMap<>();
    if (origin == null || !allowed(origin)) {
      return h;
    }
    h.put("Access-Control-Allow-Origin", any ? "*" : origin);
    if (!any) {
      h.put("Vary", "Origin");
    }
    h.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    return h;
  }

  /** True for a CORS preflight this policy answers. */
  public boolean isPreflight(String method, String origin, String requestMethod) {
    return "OPTIONS".equals(method) && origin != null && requestMethod != null && allowed(origin);
  }

  /** Headers of the answer (204) to a preflight. */
  public Map<String, String> preflightHeaders(String origin) {
    Map<String, String> h = headers(origin);
    h.put("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    h.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
    h.put("Access-Control-Max-Age", "600");
    return h;
  }

  private boolean allowed(String origin) {
    return any || origins.contains(normalise(origin));
  }

  private static String normalise(String origin) {
    String o = origin.strip().toLowerCase(java.util.Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
