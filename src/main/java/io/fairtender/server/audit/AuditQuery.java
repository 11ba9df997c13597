package io.fairtender.server.audit;

/**
 * A page of the audit log.
 *
 * @param afterId rows with a larger id (the cursor; 0 for the first page)
 * @param tenant only this tenant, or null
 * @param fromMs only rows at or after this time (epoch ms), or null
 * @param toMs only rows before this time (epoch ms), or null
 * @param limit at most this many rows (1 to {@link #MAX_LIMIT})
 */
public record AuditQuery(long afterId, String tenant, Long fromMs, Long toMs, int limit) {
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (afterId < 0) {
      throw new IllegalArgumentException("cursor must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
