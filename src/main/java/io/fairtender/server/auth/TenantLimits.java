package io.fairtender.server.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-tenant limits, counted in memory: checks running at once, and check requests per UTC day. The day's counts are
 * seeded at start-up from the audit log, so a restart does not reset a quota. The limit values come from the key a
 * request presents; the counts are per tenant, shared by all its keys.
 */
public final class TenantLimits {
  static final long DAY_MS = 86_400_000L;
  /** Seconds a client is told to wait when its tenant runs as many checks as it may. */
  public static final long BUSY_RETRY_SECONDS = 5;

  private final Map<String, Integer> active = new HashMap<>();
  private final Map<String, long[]> today = new HashMap<>(); // tenant -> {day, count}

  /** Why a request was refused, and when to retry. */
  public enum Limit { CONCURRENCY, QUOTA }

  /** The result: null {@code refused} means admitted. */
  public record Result(Limit refused, long retryAfterSeconds) {
    static final Result OK = new Result(null, 0);
  }

  /** Counts already made today (from the audit log), per tenant. */
  public synchronized void seed(Map<String, Long> counts, long nowMs) {
    long day = nowMs / DAY_MS;
    counts.forEach((t, n) -> today.put(t, new long[] {day, n}));
  }

  /** Takes a running slot and one of today's requests for {@code key}'s tenant, or says which limit is reached. */
  public synchronized Result acquire(ApiKey key, long nowMs) {
    String t = key.tenant();
    int running = active.getOrDefault(t, 0);
    if (key.maxConcurrent() > 0 && running >= key.maxConcurrent()) {
      return new Result(Limit.CONCURRENCY, BUSY_RETRY_SECONDS);
    }
    long day = nowMs / DAY_MS;
    long[] d = today.computeIfAbsent(t, k -> new long[] {day, 0});
    if (d[0] != day) {
      d[0] = day;
      d[1] = 0;
    }
    if (key.dailyQuota() > 0 && d[1] >= key.dailyQuota()) {
      return new Result(Limit.QUOTA, Math.max(1, ((day + 1) * DAY_MS - nowMs + 999) / 1000));
    }
    d[1]++;
    active.put(t, running + 1);
    return Result.OK;
  }

  /** Frees the running slot; with {@code refund} the request no longer counts against today's quota. */
  public synchronized void release(String tenant, boolean refund, long nowMs) {
    active.computeIfPresent(tenant, (k, n) -> n <= 1 ? null : n - 1);
    if (refund) {
      long[] d = today.get(tenant);
      if (d != null && d[0] == nowMs / DAY_MS && d[1] > 0) {
        d[1]--;
      }
    }
  }

  public synchronized int running(String tenant) {
    return active.getOrDefault(tenant, 0);
  }

  public synchronized long usedToday(String tenant, long nowMs) {
    long[] d = today.get(tenant);
    return d == null || d[0] != nowMs / DAY_MS ? 0 : d[1];
  }
}
