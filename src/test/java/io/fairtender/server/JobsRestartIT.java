package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import io.fairtender.server.jobs.JobSettings;
import io.fairtender.server.jobs.WebhookSender;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs across a restart (two servers on one data folder), and a signed callback end to end. */
class JobsRestartIT {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ServerConfig config(Path data) {
    return new ServerConfig("127.0.0.1", 0, 1, CheckerConfig.defaults()).withDataDir(data);
  }

  @Test
  void aJobOfTheEarlierServerAnswersLostNot404(@TempDir Path data) throws Exception {
    String done;
    String queued;
    FairTenderServer first = FairTenderServer.start(config(data));
    try {
      String base = "http://127.0.0.1:" + first.port();
      byte[] txt = Files.readAllBytes(DOCS.resolve("05-clean-tender.txt"));
      done = JSON.readTree(JobsIT.send(JobsIT.multipart(base + "/v1/jobs", "a.txt", "text/plain", txt)).body()).get("id").asText();
      assertEquals("done", JobsIT.await(base, "/v1/jobs/" + done).get("state").asText());
      // a scan that keeps the only worker busy, and one more job waiting behind it
      byte[] scan = io.fairtender.PartialResultsTest.textThenScans(30);
      JobsIT.send(JobsIT.multipart(base + "/v1/jobs", "scan.pdf", "application/pdf", scan));
      queued = JSON.readTree(JobsIT.send(JobsIT.multipart(base + "/v1/jobs", "b.txt", "text/plain", txt)).body()).get("id").asText();
      assertEquals("queued", JSON.readTree(JobsIT.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + queued))).body())
          .get("state").asText());
    } finally {
      first.close();
    }
    String records = String.join("", Files.readAllLines(data.resolve("jobs").resolve(done + ".json")));
    assertFalse(records.contains("a.txt") || records.contains("采购"), "no name or text on disk: " + records);

    FairTenderServer second = FairTenderServer.start(config(data));
    try {
      String base = "http://127.0.0.1:" + second.port();
      for (String id : List.of(done, queued)) {
        HttpResponse<String> r = JobsIT.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode job = JSON.readTree(r.body());
        assertEquals("lost", job.get("state").asText());
        assertEquals("JOB_LOST", job.get("error").get("code").asText());
        assertTrue(job.get("error").get("detail").asText().contains("restarted"), job.toString());
        HttpResponse<String> report = JobsIT.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id + "/report")));
        assertEquals(410, report.statusCode(), report.body());
      }
      String reason = JSON.readTree(JobsIT.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + queued))).body())
          .get("error").get("detail").asText();
      assertTrue(reason.contains("before the job finished"), reason);
    } finally {
      second.close();
    }
  }

  @Test
  void aCallbackReceivesTheSignedReportOnce(@TempDir Path data) throws Exception {
    List<String> signatures = new CopyOnWriteArrayList<>();
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      bodies.add(ex.getRequestBody().readAllBytes());
      signatures.add(ex.getRequestHeaders().getFirst(WebhookSender.SIGNATURE));
      ex.sendResponseHeaders(bodies.size() == 1 ? 502 : 200, -1);
      ex.close();
    });
    receiver.start();
    ServerConfig c = config(data);
    FairTenderServer server = FairTenderServer.start(c, JobSettings.defaults(1).withWebhooks("k3y", List.of(), true));
    try {
      String base = "http://127.0.0.1:" + server.port();
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      byte[] pdf = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"));
      HttpResponse<String> r = JobsIT.send(JobsIT.multipart(base + "/v1/jobs?callback=" + URLEncoder.encode(hook, StandardCharsets.UTF_8),
          "a.pdf", "application/pdf", pdf));
      assertEquals(202, r.statusCode(), r.body());
      String location = JSON.readTree(r.body()).get("location").asText();
      JobsIT.await(base, location);
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      JsonNode job;
      do {
        Thread.sleep(100);
        job = JSON.readTree(JobsIT.send(HttpRequest.newBuilder(URI.create(base + location))).body());
      } while (!job.get("callback").get("state").asText().equals("delivered") && System.nanoTime() < end);
      assertEquals("delivered", job.get("callback").get("state").asText(), job.toString());
      assertEquals(2, job.get("callback").get("tries").asInt(), "one retry after the 502");
      Thread.sleep(300);
      assertEquals(2, bodies.size());
      assertEquals(WebhookSender.sign("k3y".getBytes(StandardCharsets.UTF_8), bodies.get(1)), signatures.get(1));
      assertEquals(7, JSON.readTree(bodies.get(1)).get("findings").size());
      JsonNode refused = JSON.readTree(JobsIT.send(JobsIT.multipart(base + "/v1/jobs?callback=gopher://x", "a.pdf",
          "application/pdf", pdf)).body());
      assertEquals("BAD_REQUEST", refused.get("code").asText());
    } finally {
      server.close();
      receiver.stop(0);
    }
  }
}
