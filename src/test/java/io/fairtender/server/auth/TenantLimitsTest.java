package io.fairtender.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantLimitsTest {
  private static final long NOON = 20_000 * TenantLimits.DAY_MS + TenantLimits.DAY_MS / 2;

  private static ApiKey key(String tenant, int maxConcurrent, int quota) {
    return new ApiKey("key_1", tenant, false, maxConcurrent, quota, 0, null);
  }

  @Test
  void concurrencyIsPerTenantAndFreedOnRelease() {
    TenantLimits l = new TenantLimits();
    ApiKey a = key("a", 2, 0);
    assertNull(l.acquire(a, NOON).refused());
    assertNull(l.acquire(a, NOON).refused());
    TenantLimits.Result third = l.acquire(a, NOON);
    assertEquals(TenantLimits.Limit.CONCURRENCY, third.refused());
    assertEquals(TenantLimits.BUSY_RETRY_SECONDS, third.retryAfterSeconds());
    assertNull(l.acquire(key("b", 2, 0), NOON).refused(), "another tenant is not affected");
    l.release("a", false, NOON);
    assertEquals(1, l.running("a"));
    assertNull(l.acquire(a, NOON).refused());
  }

  @Test
  void dailyQuotaRenewsAtMidnightUtcAndRetryAfterPointsThere() {
    TenantLimits l = new TenantLimits();
    ApiKey a = key("a", 0, 2);
    assertNull(l.acquire(a, NOON).refused());
    l.release("a", false, NOON);
    assertNull(l.acquire(a, NOON).refused());
    l.release("a", false, NOON);
    TenantLimits.Result r = l.acquire(a, NOON);
    assertEquals(TenantLimits.Limit.QUOTA, r.refused());
    assertEquals(TenantLimits.DAY_MS / 2 / 1000, r.retryAfterSeconds());
    assertNull(l.acquire(a, NOON + TenantLimits.DAY_MS).refused(), "a new UTC day");
    assertEquals(1, l.usedToday("a", NOON + TenantLimits.DAY_MS));
  }

  @Test
  void refundGivesTheQuotaUnitBack() {
    TenantLimits l = new TenantLimits();
    ApiKey a = key("a", 0, 1);
    assertNull(l.acquire(a, NOON).refused());
    l.release("a", true, NOON);
    assertEquals(0, l.usedToday("a", NOON));
    assertNull(l.acquire(a, NOON).refused());
  }

  @Test
  void seededCountsSurviveARestart() {
    TenantLimits l = new TenantLimits();
    l.seed(Map.of("a", 5L), NOON);
    assertEquals(TenantLimits.Limit.QUOTA, l.acquire(key("a", 0, 5), NOON).refused());
    assertNull(l.acquire(key("a", 0, 6), NOON).refused());
  }
}
