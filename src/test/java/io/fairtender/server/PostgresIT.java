package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckerConfig;
import io.fairtender.server.audit.AuditLog;
import io.fairtender.server.audit.AuditQuery;
import io.fairtender.server.audit.AuditRecord;
import io.fairtender.server.audit.AuditStore;
import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.auth.Secrets;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL path of the keys and the audit log, against a real server named by {@code FAIRTENDER_TEST_PG_URL}
 * (a JDBC URL with the user; {@code .ci/run} starts a throwaway cluster and sets it). Each run works in a new database.
 * Skipped only when the variable is absent.
 */
class PostgresIT {
  private static DbSettings pg;

  @BeforeAll
  static void freshDatabase() throws Exception {
    String url = System.getenv("FAIRTENDER_TEST_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "FAIRTENDER_TEST_PG_URL is not set");
    String name = "ft_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    URI u = URI.create(url.substring("jdbc:".length()));
    pg = new DbSettings("jdbc:postgresql://" + u.getAuthority() + "/" + name + (u.getQuery() == null ? "" : "?" + u.getQuery()),
        null, null);
  }

  @Test
  void keysAndAuditRowsInPostgres() {
    Database db = Database.open(pg);
    Database.open(pg); // migrating twice is a no-op
    KeyStore keys = new KeyStore(db);
    KeyStore.Created k = keys.create("buyer-pg", true, 2, 10, 1000);
    assertEquals(k.key(), keys.valid().get(Secrets.hash(k.secret())));
    assertTrue(keys.revoke(k.key().id(), 2000));
    assertTrue(keys.valid().isEmpty());
    assertTrue(keys.anyEver());

    AuditStore store = new AuditStore(db);
    AuditLog log = new AuditLog(store::insert, 10_000, () -> 5_000L);
    for (int i = 0; i < 1200; i++) {
      log.add(new AuditRecord(0, i % 2 == 0 ? "a" : "b", 1000L + i, "pg-" + i, "f".repeat(64), 100 + i, i % 3 == 0 ? null : 2, 0,
          "application/pdf", "government", "2026-03-01", 12, AuditRecord.OK, 1, 0, 2));
    }
    log.close();
    assertEquals(1200, store.count(), "none lost on close");
    List<AuditRecord> page = store.page(new AuditQuery(0, "b", 1000L, 1100L, 1000));
    assertEquals(50, page.size());
    assertEquals("pg-1", page.get(0).requestId());
    assertEquals(2, page.get(0).pages());
    assertEquals(null, store.page(new AuditQuery(0, "a", null, null, 1)).get(0).pages(), "null pages survive");
    assertEquals(600L, store.countByTenantSince(0).get("a"));
    assertEquals(600, store.purgeBefore(1600));
    assertEquals(600, store.count());
  }

  @Test
  void aServerOnPostgresAuditsItsChecks() throws Exception {
    KeyStore keys = new KeyStore(Database.open(pg));
    String user = keys.create("tenant-pg", false, 0, 0, 0).secret();
    String admin = keys.create("ops-pg", true, 0, 0, 0).secret();
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 1, CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (FairTenderServer server = FairTenderServer.start(config, new OpsConfig(pg, true, 30, List.of()))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/check?name=x.txt"))
          .header("X-Api-Key", user).header("X-Request-Id", "pg-check-1").header("Content-Type", "text/plain")
          .timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString("一、资格要求\n投标人须为本地注册企业。", StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode found = null;
      for (int i = 0; i < 50 && found == null; i++) {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/audit?tenant=tenant-pg"))
            .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, a.statusCode(), a.body());
        for (JsonNode row : new ObjectMapper().readTree(a.body()).get("items")) {
          if (row.get("requestId").asText().equals("pg-check-1")) {
            found = row;
          }
        }
        Thread.sleep(100);
      }
      assertTrue(found != null, "the check's audit row is in PostgreSQL");
      assertEquals("ok", found.get("outcome").asText());
      assertFalse(found.toString().contains("x.txt"));
    }
  }
}
