package io.fairtender.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import io.fairtender.report.ReportJson;
import io.fairtender.server.Caller;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Callbacks: signed, retried after a 5xx or a refused connection, delivered once; and which URLs are accepted. */
class WebhookTest {
  private static final String SECRET = "s3cret-for-tests";
  private static Report report;
  private HttpServer receiver;
  private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void realReport() {
    Checker checker = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF));
    report = checker.check(doc(), new CheckOptions(null, true, false));
  }

  private static DocumentInput doc() {
    return new DocumentInput("一、资格要求\n投标人注册资本不低于100万元。".getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain");
  }

  /** A receiver on a free loopback port answering the n-th request (1-based) with {@code status.applyAsInt(n)}. */
  private URI receive(IntUnaryOperator status) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, String> h = new java.util.HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      bodies.add(body);
      headers.add(h);
      ex.sendResponseHeaders(status.applyAsInt(bodies.size()), -1);
      ex.close();
    });
    receiver.start();
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static Jobs jobs(Jobs.Runner runner, int tries) {
    JobSettings s = JobSettings.defaults(1).withWebhooks(SECRET, List.of(), true);
    return new Jobs(runner, s, Clock.systemUTC(), new WebhookSender(SECRET, tries, Duration.ofMillis(100), Clock.systemUTC()));
  }

  private static void awaitOutcome(Job job) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((job.callbackOutcome() == null || job.callbackOutcome() == WebhookSender.Outcome.PENDING) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  @Test
  void theReportIsPostedSignedRetriedAfterA500AndDeliveredOnce() throws Exception {
    URI hook = receive(n -> n == 1 ? 500 : 204);
    try (Jobs jobs = jobs((in, o, c, p) -> report, 5)) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), new Caller("t1", "r1"), hook);
      awaitOutcome(job);
      assertEquals(WebhookSender.Outcome.DELIVERED, job.callbackOutcome());
      assertEquals(2, job.callbackTries());
      Thread.sleep(500);
      assertEquals(2, bodies.size(), "nothing is sent after a success");
      for (int i = 0; i < 2; i++) {
        Map<String, String> h = headers.get(i);
        assertEquals(WebhookSender.sign(SECRET.getBytes(StandardCharsets.UTF_8), bodies.get(i)), h.get("x-fairtender-signature"));
        assertTrue(h.get("x-fairtender-signature").matches("sha256=[0-9a-f]{64}"));
        assertEquals(job.id(), h.get("x-fairtender-job"));
        assertEquals("job.done", h.get("x-fairtender-event"));
        assertTrue(Math.abs(Long.parseLong(h.get("x-fairtender-timestamp")) - System.currentTimeMillis() / 1000) < 60);
        assertTrue(h.get("content-type").startsWith("application/json"));
      }
      assertEquals(headers.get(0).get("x-fairtender-delivery"), headers.get(1).get("x-fairtender-delivery"),
          "a retry is the same delivery");
      JsonNode body = ReportJson.mapper().readTree(bodies.get(1));
      assertEquals(report.findings().size(), body.get("findings").size());
      assertFalse(body.has("text"), "the text goes out only when asked for");
      assertFalse(WebhookSender.sign("other".getBytes(StandardCharsets.UTF_8), bodies.get(1)).equals(headers.get(1).get("x-fairtender-signature")));
    }
  }

  @Test
  void aFailedJobPostsItsProblemAndA4xxIsNotRetried() throws Exception {
    URI hook = receive(n -> 410);
    try (Jobs jobs = jobs((in, o, c, p) -> {
      throw new CheckException(ErrorCode.CORRUPT, "the document cannot be read");
    }, 5)) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), new Caller("t1", "r1"), hook);
      awaitOutcome(job);
      assertEquals(WebhookSender.Outcome.FAILED, job.callbackOutcome());
      Thread.sleep(400);
      assertEquals(1, bodies.size(), "a 4xx is final");
      JsonNode problem = ReportJson.mapper().readTree(bodies.get(0));
      assertEquals("CORRUPT", problem.get("code").asText());
      assertEquals(job.id(), problem.get("requestId").asText());
      assertEquals("job.failed", headers.get(0).get("x-fairtender-event"));
      assertTrue(headers.get(0).get("content-type").startsWith("application/problem+json"));
    }
  }

  @Test
  void fiveXxAndRefusedConnectionsAreRetriedUpToTheLimit() throws Exception {
    URI hook = receive(n -> 503);
    try (Jobs jobs = jobs((in, o, c, p) -> report, 3)) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), new Caller("t1", "r1"), hook);
      awaitOutcome(job);
      assertEquals(WebhookSender.Outcome.FAILED, job.callbackOutcome());
      assertEquals(3, bodies.size());
      assertEquals(3, job.callbackTries());
    }
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (Jobs jobs = jobs((in, o, c, p) -> report, 3)) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), new Caller("t1", "r1"), URI.create("http://127.0.0.1:" + closedPort + "/x"));
      awaitOutcome(job);
      assertEquals(WebhookSender.Outcome.FAILED, job.callbackOutcome());
      assertEquals(3, job.callbackTries());
    }
  }

  @Test
  void onlyHttpUrlsToAllowedHostsAndOnlyWithASecret() {
    JobSettings base = JobSettings.defaults(1);
    CallbackPolicy off = CallbackPolicy.of(base);
    assertNull(off.check(null));
    assertNull(off.check(" "));
    assertTrue(refused(off, "https://portal.example.cn/hook").contains("webhook secret"));

    CallbackPolicy local = CallbackPolicy.of(base.withWebhooks("k", List.of(), true));
    assertEquals(URI.create("http://127.0.0.1:9000/hook"), local.check("http://127.0.0.1:9000/hook"));
    assertEquals("portal.example.cn", local.check("https://portal.example.cn/hook").getHost());
    assertTrue(refused(local, "ftp://portal.example.cn/x").contains("http or https"));
    assertTrue(refused(local, "file:///etc/passwd").contains("http or https"));
    assertTrue(refused(local, "http://user:pw@portal.example.cn/x").contains("user info"));
    assertTrue(refused(local, "http://169.254.169.254/latest/meta-data").contains("link-local"));
    assertTrue(refused(local, "not a url").contains("valid URL"));

    CallbackPolicy exposed = CallbackPolicy.of(base.withWebhooks("k", List.of(), false));
    assertTrue(refused(exposed, "http://localhost:8080/x").contains("loopback"));
    assertTrue(refused(exposed, "http://[::1]:8080/x").contains("loopback"));
    assertTrue(refused(exposed, "http://127.0.0.2/x").contains("loopback"));
    exposed.check("https://portal.example.cn/hook");

    CallbackPolicy listed = CallbackPolicy.of(base.withWebhooks("k", List.of("hooks.example.cn", "127.0.0.1"), false));
    listed.check("https://HOOKS.example.cn./in");
    listed.check("http://127.0.0.1:7000/in");
    assertTrue(refused(listed, "https://portal.example.cn/hook").contains("not in the server's list"));
  }

  @Test
  void theHostIsResolvedBeforeEachTryAndAnAddressCallbacksMayNotReachIsNotCalled() throws Exception {
    CallbackPolicy exposed = CallbackPolicy.of(JobSettings.defaults(1).withWebhooks("k", List.of(), false));
    assertFalse(exposed.allowsAddresses("127.0.0.1"));
    assertFalse(exposed.allowsAddresses("localhost"), "a name resolving to loopback");
    assertFalse(exposed.allowsAddresses("169.254.169.254"));
    assertFalse(exposed.allowsAddresses("no-such-host.invalid"));
    assertTrue(CallbackPolicy.of(JobSettings.defaults(1).withWebhooks("k", List.of("localhost"), false)).allowsAddresses("localhost"));
    assertTrue(CallbackPolicy.of(JobSettings.defaults(1).withWebhooks("k", List.of(), true)).allowsAddresses("localhost"));

    URI hook = receive(n -> 204);
    JobSettings s = JobSettings.defaults(1).withWebhooks(SECRET, List.of(), false);
    try (Jobs jobs = new Jobs((in, o, c, p) -> report, s, Clock.systemUTC(),
        new WebhookSender(SECRET, 3, Duration.ofMillis(100), Clock.systemUTC()))) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), new Caller("t1", "r1"), hook);
      awaitOutcome(job);
      assertEquals(WebhookSender.Outcome.FAILED, job.callbackOutcome());
      assertEquals(0, job.callbackTries());
      assertEquals(0, bodies.size(), "nothing was sent to a loopback address");
    }
  }

  private static String refused(CallbackPolicy p, String url) {
    CheckException e = assertThrows(CheckException.class, () -> p.check(url));
    assertEquals(ErrorCode.BAD_REQUEST, e.code());
    return e.getMessage();
  }
}
