package io.fairtender.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.server.Caller;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthGateTest {
  @TempDir
  Path dir;
  KeyStore store;
  KeyRing ring;

  @BeforeEach
  void open() {
    store = new KeyStore(Database.open(DbSettings.embedded(dir)));
    ring = new KeyRing(store);
  }

  @Test
  void withoutKeysEveryoneIsLocal() {
    AuthGate gate = new AuthGate(ring, new TenantLimits(), false, () -> 0L);
    assertFalse(gate.keysOn());
    AuthGate.Pass p = assertInstanceOf(AuthGate.Pass.class, gate.authorize("POST", "/v1/check", null, null, "r1"));
    assertEquals(Caller.LOCAL, p.caller().tenant());
    assertEquals("r1", p.caller().requestId());
    assertInstanceOf(AuthGate.Pass.class, AuthGate.open().authorize("GET", "/v1/audit", null, null, "r"));
  }

  @Test
  void requiredKeysRefuseEvenBeforeOneExists() {
    AuthGate gate = new AuthGate(ring, new TenantLimits(), true, () -> 0L);
    AuthGate.Refuse r = assertInstanceOf(AuthGate.Refuse.class, gate.authorize("GET", "/v1/rules", null, null, "r"));
    assertEquals(401, r.status());
    assertEquals("UNAUTHORIZED", r.code());
  }

  @Test
  void keysGuardV1AndMetricsButNotHealthOrTheUi() {
    String secret = store.create("buyer-a", false, 0, 0, 0).secret();
    ring.refresh();
    AuthGate gate = new AuthGate(ring, new TenantLimits(), false, () -> 0L);
    assertTrue(gate.keysOn());
    assertEquals(401, ((AuthGate.Refuse) gate.authorize("POST", "/v1/check", null, null, "r")).status());
    assertEquals(401, ((AuthGate.Refuse) gate.authorize("POST", "/v1/check", "Bearer ft_wrong", null, "r")).status());
    assertEquals(401, ((AuthGate.Refuse) gate.authorize("GET", "/metrics", null, null, "r")).status());
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/", null, null, "r"));
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/app.js", null, null, "r"));
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/static/app.js", null, null, "r"));
    // the workbench's views of a job show a document: they need the key as the API does
    assertEquals(401, ((AuthGate.Refuse) gate.authorize("GET", "/web/jobs/abc/pages/1.png", null, null, "r")).status());
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/web/jobs/abc/view", null, secret, "r"));
    AuthGate.Pass bearer = assertInstanceOf(AuthGate.Pass.class, gate.authorize("POST", "/v1/check", "bearer " + secret, null, "r"));
    assertEquals("buyer-a", bearer.caller().tenant());
    bearer.ticket().close();
    AuthGate.Pass header = assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/v1/rules", null, secret, "r"));
    assertFalse(header.admin());
  }

  @Test
  void auditAndMetricsNeedAnAdminKey() {
    String user = store.create("buyer-a", false, 0, 0, 0).secret();
    String admin = store.create("ops", true, 0, 0, 0).secret();
    ring.refresh();
    AuthGate gate = new AuthGate(ring, new TenantLimits(), false, () -> 0L);
    assertEquals(403, ((AuthGate.Refuse) gate.authorize("GET", "/v1/audit", null, user, "r")).status());
    assertEquals(403, ((AuthGate.Refuse) gate.authorize("GET", "/metrics", null, user, "r")).status());
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/v1/audit", null, admin, "r"));
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/metrics", "Bearer " + admin, null, "r"));
  }

  @Test
  void tenantLimitsGive429WithRetryAfterAndTicketsFreeSlots() {
    String secret = store.create("small", false, 1, 2, 0).secret();
    ring.refresh();
    AuthGate gate = new AuthGate(ring, new TenantLimits(), false, () -> 1000L);
    AuthGate.Pass first = (AuthGate.Pass) gate.authorize("POST", "/v1/check", null, secret, "r");
    AuthGate.Refuse busy = assertInstanceOf(AuthGate.Refuse.class, gate.authorize("POST", "/v1/check", null, secret, "r"));
    assertEquals(429, busy.status());
    assertEquals("TENANT_BUSY", busy.code());
    assertEquals(TenantLimits.BUSY_RETRY_SECONDS, busy.retryAfterSeconds());
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/v1/rules", null, secret, "r"), "only checks take slots");
    first.ticket().close();
    first.ticket().close(); // idempotent
    AuthGate.Pass second = (AuthGate.Pass) gate.authorize("POST", "/v1/check", null, secret, "r");
    second.ticket().close();
    AuthGate.Refuse quota = assertInstanceOf(AuthGate.Refuse.class, gate.authorize("POST", "/v1/check", null, secret, "r"));
    assertEquals("QUOTA_EXCEEDED", quota.code());
    assertEquals(86_399, quota.retryAfterSeconds());
  }

  @Test
  void revokedKeysStopWorkingAfterARefresh() {
    KeyStore.Created c = store.create("buyer-a", false, 0, 0, 0);
    ring.refresh();
    AuthGate gate = new AuthGate(ring, new TenantLimits(), false, () -> 0L);
    assertInstanceOf(AuthGate.Pass.class, gate.authorize("GET", "/v1/rules", null, c.secret(), "r"));
    assertTrue(store.revoke(c.key().id(), 5));
    assertFalse(store.revoke(c.key().id(), 6), "already revoked");
    ring.refresh();
    assertInstanceOf(AuthGate.Refuse.class, gate.authorize("GET", "/v1/rules", null, c.secret(), "r"));
    assertTrue(gate.keysOn(), "revoking the last key does not open the server");
    assertInstanceOf(AuthGate.Refuse.class, gate.authorize("GET", "/v1/rules", null, null, "r"));
  }

  @Test
  void secretFromHeaders() {
    assertEquals("abc", AuthGate.secret("Bearer abc", null));
    assertEquals("abc", AuthGate.secret(null, " abc "));
    assertEquals("xyz", AuthGate.secret("Basic Zm9v", "xyz"));
    assertEquals(null, AuthGate.secret(null, ""));
  }
}
