package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.CheckerConfig;
import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses of a server with API keys on (a database, keys per tenant, the audit log) checked against the
 * description: 401/403/429 refusals, keyed jobs, the audit log's pages and the metrics.
 */
class OpenApiOpsContractIT {
  private static final ApiDescription API = ApiDescription.load();
  private static final ResponseContract CONTRACT = new ResponseContract(API);
  private static final byte[] DOC = "一、资格要求\n投标人注册资本不低于五千万元。\n".getBytes(StandardCharsets.UTF_8);
  @TempDir
  static Path dir;
  private static FairTenderServer server;
  private static String base;
  private static String user;
  private static String admin;
  private static String quotaOfOne;
  private final ContractCalls calls = new ContractCalls(CONTRACT);

  @BeforeAll
  static void start() throws Exception {
    KeyStore keys = new KeyStore(Database.open(DbSettings.embedded(dir)));
    user = keys.create("buyer-a", false, 0, 0, 0).secret();
    admin = keys.create("ops", true, 0, 0, 0).secret();
    quotaOfOne = keys.create("buyer-quota", false, 0, 1, 0).secret();
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults()).withDataDir(dir);
    server = FairTenderServer.start(config, new OpsConfig(DbSettings.embedded(dir), false, 30, List.of()));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void everyResponseConformed() {
    calls.assertAllConformed();
  }

  private HttpResponse<byte[]> call(String method, String template, HttpRequest.Builder b) throws Exception {
    return calls.call(method, template, b, Duration.ofSeconds(60));
  }

  private HttpResponse<byte[]> get(String key, String template, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    return call("GET", template, key == null ? b : b.header("X-Api-Key", key));
  }

  private HttpResponse<byte[]> post(String key, String path, String requestId) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + "?name=t.txt")).header("Content-Type", "text/plain")
        .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofByteArray(DOC));
    return call("POST", path, key == null ? b : b.header("Authorization", "Bearer " + key));
  }

  private static String code(HttpResponse<byte[]> r) {
    return ResponseContract.json(r).get("code").asText();
  }

  @Test
  void refusalsAtTheDoorConform() throws Exception {
    HttpResponse<byte[]> noKey = get(null, "/v1/rules", "/v1/rules");
    assertEquals(401, noKey.statusCode());
    assertEquals("UNAUTHORIZED", code(noKey));
    assertTrue(noKey.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), noKey.headers().toString());
    assertEquals(401, post(null, "/v1/jobs", "ops-job-no-key").statusCode());
    assertEquals(401, post("ft_not-a-key", "/v1/check", "ops-bad-key").statusCode());
    assertEquals(401, get(null, "/metrics", "/metrics").statusCode());
    HttpResponse<byte[]> audit = get(user, "/v1/audit", "/v1/audit");
    assertEquals(403, audit.statusCode());
    assertEquals("FORBIDDEN", code(audit));
    assertEquals(403, get(user, "/metrics", "/metrics").statusCode());
    // a daily quota of one: the second check of the day is refused with Retry-After
    assertEquals(200, post(quotaOfOne, "/v1/check", "ops-quota-1").statusCode());
    HttpResponse<byte[]> over = post(quotaOfOne, "/v1/jobs", "ops-quota-2");
    assertEquals(429, over.statusCode());
    assertEquals("QUOTA_EXCEEDED", code(over));
    assertTrue(Integer.parseInt(over.headers().firstValue("Retry-After").orElse("0")) > 0, over.headers().toString());
  }

  @Test
  void keyedJobsConformAndAreTheirTenantsOnly() throws Exception {
    HttpResponse<byte[]> accepted = post(user, "/v1/jobs", "ops-job-1");
    assertEquals(202, accepted.statusCode(), ResponseContract.body(accepted));
    String id = ResponseContract.json(accepted).get("id").asText();
    JsonNode view = null;
    for (int i = 0; i < 900; i++) {
      HttpResponse<byte[]> r = get(user, "/v1/jobs/{id}", "/v1/jobs/" + id);
      assertEquals(200, r.statusCode(), ResponseContract.body(r));
      view = ResponseContract.json(r);
      if (!view.get("state").asText().equals("queued") && !view.get("state").asText().equals("running")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("done", view.get("state").asText(), view.toString());
    assertEquals(200, get(user, "/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report").statusCode());
    // another tenant (even an admin) does not see it
    assertEquals(404, get(admin, "/v1/jobs/{id}", "/v1/jobs/" + id).statusCode());
    assertEquals(404, get(admin, "/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report").statusCode());
  }

  @Test
  void auditPagesAndMetricsConform() throws Exception {
    assertEquals(200, post(user, "/v1/check", "ops-audit-1").statusCode());
    assertEquals(200, post(user, "/v1/check", "ops-audit-2").statusCode());
    JsonNode first = null;
    for (int i = 0; i < 100; i++) { // the audit writer is asynchronous
      first = ResponseContract.json(get(admin, "/v1/audit", "/v1/audit?tenant=buyer-a&limit=1"));
      if (first.has("nextCursor")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(1, first.get("items").size(), first.toString());
    assertEquals("buyer-a", first.at("/items/0/tenant").asText());
    assertTrue(first.has("nextCursor"), first.toString());
    JsonNode second = ResponseContract.json(get(admin, "/v1/audit", "/v1/audit?tenant=buyer-a&limit=1&cursor="
        + first.get("nextCursor").asText()));
    assertEquals(1, second.get("items").size(), second.toString());
    assertNotEquals(first.at("/items/0/id").asLong(), second.at("/items/0/id").asLong());
    JsonNode all = ResponseContract.json(get(admin, "/v1/audit", "/v1/audit?from=2000-01-01&limit=1000"));
    assertFalse(all.has("nextCursor"), "the last page has no cursor: " + all);
    assertEquals(400, get(admin, "/v1/audit", "/v1/audit?from=someday").statusCode());
    assertEquals(400, get(admin, "/v1/audit", "/v1/audit?limit=0").statusCode());
    HttpResponse<byte[]> metrics = get(admin, "/metrics", "/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertTrue(ResponseContract.body(metrics).contains("fairtender_"), "Prometheus text");
  }
}
