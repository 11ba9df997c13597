package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The asynchronous jobs API over real HTTP on a free loopback port. */
class JobsIT {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FairTenderServer server;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults().withMaxBytes(2_000_000)));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpRequest.Builder multipart(String url, String fileName, String type, byte[] data) throws IOException {
    String boundary = "ft" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** Polls the job until it has finished; returns its last state. */
  static JsonNode await(String base, String location) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + location)));
      assertEquals(200, r.statusCode(), r.body());
      JsonNode job = JSON.readTree(r.body());
      String state = job.get("state").asText();
      if (!state.equals("queued") && !state.equals("running")) {
        return job;
      }
      assertTrue(System.nanoTime() < end, "job finished in time: " + r.body());
      Thread.sleep(50);
    }
  }

  private static JsonNode problem(HttpResponse<String> r, int status, String code) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    JsonNode p = JSON.readTree(r.body());
    assertEquals(code, p.get("code").asText());
    return p;
  }

  @Test
  void aPdfJobAnswers202ThenItsStateThenTheReportInEveryFormat() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"));
    HttpResponse<String> r = send(multipart(base + "/v1/jobs?asOf=2025-03-10", "招标文件.pdf", "application/pdf", pdf));
    assertEquals(202, r.statusCode(), r.body());
    JsonNode accepted = JSON.readTree(r.body());
    String id = accepted.get("id").asText();
    String location = "/v1/jobs/" + id;
    assertEquals(location, accepted.get("location").asText());
    assertEquals(location, URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
    assertTrue(Set.of("queued", "running", "done").contains(accepted.get("state").asText()));

    JsonNode job = await(base, location);
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals("招标文件.pdf", job.get("name").asText());
    assertEquals(3, job.get("progress").get("pages").asInt(), job.toString());
    assertEquals(3, job.get("progress").get("page").asInt(), job.toString());
    assertEquals(location + "/report", job.get("links").get("report").asText());
    assertTrue(job.has("created") && job.has("started") && job.has("finished"));

    HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + location + "/report")));
    assertEquals(200, json.statusCode(), json.body());
    JsonNode report = JSON.readTree(json.body());
    assertEquals(7, report.get("findings").size(), "the same findings as POST /v1/check");
    assertEquals("2025-03-10", report.get("asOf").get("date").asText());
    assertFalse(report.has("text"), "no text unless asked for");

    HttpResponse<String> sarif = send(HttpRequest.newBuilder(URI.create(base + location + "/report?format=sarif")));
    assertEquals("2.1.0", JSON.readTree(sarif.body()).get("version").asText());
    HttpResponse<String> html = send(HttpRequest.newBuilder(URI.create(base + location + "/report?format=html&lang=en")));
    assertTrue(html.body().contains("<mark>注册资本不低于1000万元</mark>"));
    HttpResponse<byte[]> annotated = http.send(HttpRequest.newBuilder(URI.create(base + location + "/report?format=pdf"))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, annotated.statusCode());
    assertEquals("%PDF-", new String(annotated.body(), 0, 5, StandardCharsets.ISO_8859_1));
    problem(send(HttpRequest.newBuilder(URI.create(base + location + "/report?format=xml"))), 400, "BAD_REQUEST");

    HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(base + location)).DELETE());
    assertEquals(204, deleted.statusCode());
    problem(send(HttpRequest.newBuilder(URI.create(base + location))), 404, "NOT_FOUND");
    problem(send(HttpRequest.newBuilder(URI.create(base + location + "/report"))), 404, "NOT_FOUND");
    problem(send(HttpRequest.newBuilder(URI.create(base + location)).DELETE()), 404, "NOT_FOUND");
  }

  @Test
  void aRawBodyJobWithTextAndAFailedJobWithItsProblem() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs?name=notice.txt&lang=en&includeText=true"))
        .header("Content-Type", "text/plain; charset=GB18030")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(DOCS.resolve("04-inquiry-notice.txt")))));
    assertEquals(202, r.statusCode(), r.body());
    JsonNode job = await(base, JSON.readTree(r.body()).get("location").asText());
    assertEquals("done", job.get("state").asText());
    JsonNode report = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + job.get("links").get("report").asText()))).body());
    assertEquals(5, report.get("findings").size());
    assertTrue(report.get("text").asText().length() > 100);

    HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs?name=broken.pdf"))
        .header("Content-Type", "application/pdf")
        .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.7 not really")));
    assertEquals(202, bad.statusCode(), bad.body());
    JsonNode failed = await(base, JSON.readTree(bad.body()).get("location").asText());
    assertEquals("failed", failed.get("state").asText(), failed.toString());
    assertEquals("CORRUPT", failed.get("error").get("code").asText(), failed.toString());
    assertEquals(422, failed.get("error").get("status").asInt());
    problem(send(HttpRequest.newBuilder(URI.create(base + failed.get("links").get("report").asText()))), 422, "CORRUPT");
  }

  @Test
  void badRequestsAreRefusedBeforeAJobIsMade() throws Exception {
    byte[] txt = Files.readAllBytes(DOCS.resolve("05-clean-tender.txt"));
    int before = server.jobs().size();
    problem(send(multipart(base + "/v1/jobs?profile=nope", "a.txt", "text/plain", txt)), 400, "BAD_REQUEST");
    problem(send(multipart(base + "/v1/jobs?asOf=yesterday", "a.txt", "text/plain", txt)), 400, "BAD_REQUEST");
    JsonNode noSecret = problem(send(multipart(base + "/v1/jobs?callback=http://127.0.0.1:9/hook", "a.txt", "text/plain", txt)),
        400, "BAD_REQUEST");
    assertTrue(noSecret.get("detail").asText().contains("webhook secret"), noSecret.toString());
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/0123456789abcdef0123456789abcdef"))), 404, "NOT_FOUND");
    assertEquals(before, server.jobs().size(), "no job was made");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs?name=big.txt")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3_000_000]))), 413, "TOO_LARGE");
  }
}
