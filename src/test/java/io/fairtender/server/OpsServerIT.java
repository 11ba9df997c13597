package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckerConfig;
import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server with keys, tenant limits, the audit log, metrics and CORS on. */
class OpsServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DOC = "一、资格要求\n投标人注册资本不低于五千万元。\n".getBytes(StandardCharsets.UTF_8);
  @TempDir
  static Path dir;
  private static FairTenderServer server;
  private static HttpClient http;
  private static String base;
  private static String user;
  private static String admin;
  private static String small;

  @BeforeAll
  static void start() throws Exception {
    KeyStore keys = new KeyStore(Database.open(DbSettings.embedded(dir)));
    user = keys.create("buyer-a", false, 0, 0, 0).secret();
    admin = keys.create("ops", true, 0, 0, 0).secret();
    small = keys.create("buyer-small", false, 0, 2, 0).secret();
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults()).withDataDir(dir);
    server = FairTenderServer.start(config, new OpsConfig(DbSettings.embedded(dir), false, 30,
        List.of("https://portal.example.cn")));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder check(String key, String requestId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/check?name=t.txt"))
        .header("Content-Type", "text/plain").header("X-Request-Id", requestId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(DOC));
    return key == null ? b : b.header("Authorization", "Bearer " + key);
  }

  private static JsonNode problem(HttpResponse<String> r, int status, String code) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(code, p.get("code").asText());
    return p;
  }

  @Test
  void withoutAKeyChecksGet401WithAChallenge() throws Exception {
    HttpResponse<String> r = send(check(null, "no-key-1"));
    JsonNode p = problem(r, 401, "UNAUTHORIZED");
    assertEquals("no-key-1", p.get("requestId").asText());
    assertEquals("Bearer realm=\"fairtender\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    problem(send(check("ft_not-a-key", "bad-key")), 401, "UNAUTHORIZED");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/rules"))), 401, "UNAUTHORIZED");
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/health"))).statusCode());
  }

  @Test
  void refusedBeforeTheBodyIsRead() throws Exception {
    // a head announcing 50 MB that never comes: the answer must not wait for it
    try (RawHttp raw = new RawHttp(server.port())) {
      long t0 = System.nanoTime();
      RawHttp.Reply reply = raw.send("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 50000000", new byte[0]).read();
      assertEquals(401, reply.status(), reply.head());
      assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered at once");
    }
  }

  @Test
  void aKeyedCheckIsAuditedForItsTenant() throws Exception {
    HttpResponse<String> r = send(check(user, "audited-1"));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode row = awaitAuditRow("audited-1");
    assertEquals("buyer-a", row.get("tenant").asText());
    assertEquals(DOC.length, row.get("bytes").asInt());
    assertEquals("ok", row.get("outcome").asText());
    assertEquals(JSON.readTree(r.body()).at("/document/sha256").asText(), row.get("sha256").asText());
    assertTrue(row.get("findings").get("violation").asInt() + row.get("findings").get("risk").asInt() > 0, row.toString());
    assertFalse(row.toString().contains("t.txt"), "no file names in the audit log");
  }

  @Test
  void auditAndMetricsNeedTheAdminKey() throws Exception {
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/audit")).header("X-Api-Key", user)), 403, "FORBIDDEN");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("X-Api-Key", user)), 403, "FORBIDDEN");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/audit?from=someday")).header("X-Api-Key", admin)), 400, "BAD_REQUEST");
    assertEquals(200, send(check(user, "metrics-1")).statusCode());
    send(check(null, "metrics-401"));
    HttpResponse<String> m = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("X-Api-Key", admin));
    assertEquals(200, m.statusCode());
    assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String text = m.body();
    assertTrue(text.contains("fairtender_checks_total{outcome=\"ok\"}"), text);
    assertTrue(text.contains("fairtender_check_duration_seconds_bucket"), text);
    assertTrue(text.contains("fairtender_checks_active"), text);
    assertTrue(text.contains("fairtender_requests_rejected_total{status=\"401\"}"), text);
    assertTrue(text.contains("fairtender_audit_written_total"), text);
  }

  @Test
  void aSmallDailyQuotaEndsIn429WithRetryAfter() throws Exception {
    assertEquals(200, send(check(small, "q1")).statusCode());
    assertEquals(200, send(check(small, "q2")).statusCode());
    HttpResponse<String> r = send(check(small, "q3"));
    problem(r, 429, "QUOTA_EXCEEDED");
    long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retry > 0 && retry <= 86_400, "until midnight UTC: " + retry);
    assertEquals(200, send(check(user, "other-tenant")).statusCode(), "another tenant is unaffected");
  }

  @Test
  void corsForListedOriginsOnly() throws Exception {
    HttpResponse<String> pre = send(HttpRequest.newBuilder(URI.create(base + "/v1/check"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://portal.example.cn")
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization"));
    assertEquals(204, pre.statusCode());
    assertEquals("https://portal.example.cn", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    HttpResponse<String> r = send(check(user, "cors-1").header("Origin", "https://portal.example.cn"));
    assertEquals(200, r.statusCode());
    assertEquals("https://portal.example.cn", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> other = send(check(user, "cors-2").header("Origin", "https://evil.example"));
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  /** The audit row of a request, once the async writer has stored it. */
  private static JsonNode awaitAuditRow(String requestId) throws Exception {
    for (int i = 0; i < 100; i++) {
      String cursor = "";
      while (cursor != null) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/audit?limit=2&cursor=" + cursor))
            .header("Authorization", "Bearer " + admin));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode page = JSON.readTree(r.body());
        for (JsonNode row : page.get("items")) {
          if (row.get("requestId").asText().equals(requestId)) {
            return row;
          }
        }
        cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no audit row for " + requestId);
  }
}
