package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckException;
import io.fairtender.CheckerConfig;
import io.fairtender.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and broken HTTP requests against a real server with small limits: each is refused fast, with a problem body. */
class HostileServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FairTenderServer server;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    CheckerConfig cc = CheckerConfig.defaults().withMaxBytes(1_000_000).withTimeLimit(Duration.ofSeconds(2));
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 1, cc).withQueue(1, Duration.ofSeconds(2))
        .withBodyTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(1)));
    port = server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String head(String requestLine, String... headers) {
    StringBuilder b = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port);
    for (String h : headers) {
      b.append("\r\n").append(h);
    }
    return b.toString();
  }

  private RawHttp.Reply exchange(String head, String body) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      return http.send(head, body.getBytes(StandardCharsets.UTF_8)).read();
    }
  }

  private static JsonNode problem(RawHttp.Reply r, int status, String code) throws IOException {
    assertEquals(status, r.status(), r.head() + "\n" + r.body());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.head());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(code, p.get("code").asText());
    assertEquals(r.header("X-Request-Id"), p.get("requestId").asText());
    return p;
  }

  @Test
  void slowUploadsHoldOnlyTheirSlotAndAreCutOffWhileHealthAndBusyAnswerAtOnce() throws Exception {
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) { // one takes the only slot, one the only queue place
        slow.add(new RawHttp(port).send(head("POST /v1/check?name=a.txt", "Content-Type: text/plain",
            "Content-Length: 100000"), "一、资格要求".getBytes(StandardCharsets.UTF_8)));
      }
      Thread.sleep(300);
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        RawHttp.Reply health = exchange(head("GET /health"), "");
        assertEquals(200, health.status(), health.body());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "health answered within a second");
      }
      long t0 = System.nanoTime();
      RawHttp.Reply busy = exchange(head("POST /v1/check?name=b.txt", "Content-Type: text/plain", "Content-Length: 6"), "投标");
      problem(busy, 503, "BUSY");
      assertEquals("5", busy.header("Retry-After"));
      assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "503 at once, not after a wait");
      // the stalled body is cut off by the idle timeout; the queued one then gets the slot and stalls in turn
      JsonNode first = problem(slow.get(0).read(), 408, "REQUEST_TIMEOUT");
      assertTrue(first.get("detail").asText().contains("stalled"));
      problem(slow.get(1).read(), 408, "REQUEST_TIMEOUT");
    } finally {
      for (RawHttp h : slow) {
        h.close();
      }
    }
    RawHttp.Reply ok = exchange(head("POST /v1/check?name=c.txt", "Content-Type: text/plain; charset=UTF-8", "Content-Length: 6"), "投标");
    assertTrue(ok.status() == 200 || ok.status() == 422, ok.body());
  }

  @Test
  void aContentLengthPastTwoGigabytesIsTooLargeAtOnce() throws Exception {
    problem(exchange(head("POST /v1/check?name=a.txt", "Content-Type: text/plain", "Content-Length: 3000000000"), "abc"),
        413, "TOO_LARGE");
    problem(exchange(head("POST /v1/policy/evaluate", "Content-Type: application/json", "Content-Length: 9000000000"), "{}"),
        413, "TOO_LARGE");
  }

  @Test
  void brokenHeadersAndLongUrlsGetProblemBodies() throws Exception {
    problem(exchange(head("POST /v1/check", "Content-Type: a b/c d;;", "Content-Length: 3"), "abc"), 400, "BAD_REQUEST");
    problem(exchange(head("GET /v1/rules?x=" + "a".repeat(40_000)), ""), 414, "URI_TOO_LONG");
  }

  @Test
  void aForeignHostHeaderIsRefusedOnLoopback() throws Exception {
    problem(exchange("GET /v1/rules HTTP/1.1\r\nHost: rebind.attacker.example", ""), 421, "MISDIRECTED_REQUEST");
    for (String host : List.of("localhost:" + port, "127.0.0.1", "[::1]:" + port, "LOCALHOST")) {
      assertEquals(200, exchange("GET /health HTTP/1.1\r\nHost: " + host, "").status(), host);
    }
  }

  @Test
  void theRequestIdIsAcceptedOrGeneratedAndEchoed() throws Exception {
    RawHttp.Reply given = exchange(head("GET /v1/rules/NO-SUCH-RULE", "X-Request-Id: trace-42.a"), "");
    assertEquals("trace-42.a", problem(given, 404, "NOT_FOUND").get("requestId").asText());
    RawHttp.Reply made = exchange(head("GET /v1/rules/NO-SUCH-RULE", "X-Request-Id: bad id with spaces"), "");
    String id = problem(made, 404, "NOT_FOUND").get("requestId").asText();
    assertTrue(id.matches("[0-9a-f-]{36}"), id);
  }

  @Test
  void renderingAfterTheCheckStopsAtTheTimeLimit() throws Exception {
    CheckService service = new CheckService(server.service(), java.util.concurrent.Executors.newSingleThreadExecutor());
    long t0 = System.nanoTime();
    CheckException e = assertThrows(CheckException.class, () -> service.withinTimeLimit(t0, () -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
      return new byte[0];
    }));
    assertEquals(ErrorCode.TIME_LIMIT, e.code());
    assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "stopped at the 2 s limit");
    assertEquals("ok", service.withinTimeLimit(System.nanoTime(), () -> "ok"));
  }

  @Test
  void problemDetailsShowNoPathsOrClassNames() throws Exception {
    // a multipart part header that cannot be parsed: the detail names the problem, not the parser
    String boundary = "b0";
    String body = "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"b.txt\"\r\n\r\nabc\r\n--b0--\r\n";
    JsonNode p = problem(exchange(head("POST /v1/check", "Content-Type: multipart/form-data; boundary=" + boundary,
        "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length), body), 400, "BAD_REQUEST");
    assertFalse(p.get("detail").asText().matches(".*(java\\.|org\\.|/tmp|Exception).*"), p.toString());
    assertNotNull(p.get("title"));
  }
}
