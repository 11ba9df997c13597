package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckerConfig;
import io.fairtender.CheckerTestSupport;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real server on a free loopback port and talks HTTP/1.1 to it. */
class ServerIT {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LIMIT = 2_000_000;
  private static FairTenderServer server;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults().withMaxBytes(LIMIT)));
    // the JDK client would otherwise try an h2c upgrade, which Grizzly's multipart reader does not survive
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> postFile(String query, String fileName, String type, byte[] data) throws Exception {
    return send(multipart(query, fileName, type, data));
  }

  private static HttpRequest.Builder multipart(String query, String fileName, String type, byte[] data) throws IOException {
    String boundary = "ft" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + "/v1/check" + query))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static JsonNode problem(HttpResponse<String> r, int status, String code) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode p = JSON.readTree(r.body());
    assertEquals(code, p.get("code").asText());
    assertEquals(status, p.get("status").asInt());
    assertFalse(r.body().contains("\tat "), "no stack traces in bodies");
    return p;
  }

  @Test
  void healthIsReadyOnceStarted() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/health")));
    assertEquals(200, r.statusCode());
    assertEquals("ready", JSON.readTree(r.body()).get("status").asText());
  }

  @Test
  void checksAPdfUploadedAsMultipartWithAChineseFileName() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"));
    HttpResponse<String> r = postFile("?asOf=2025-03-10", "招标文件.pdf", "application/pdf", pdf);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = JSON.readTree(r.body());
    assertEquals(1, report.get("formatVersion").asInt());
    assertEquals("招标文件.pdf", report.get("document").get("name").asText());
    assertEquals(3, report.get("document").get("pages").asInt());
    assertEquals(7, report.get("findings").size());
    assertEquals("2025-03-10", report.get("asOf").get("date").asText());
  }

  @Test
  void checksADocxUploadAndARawBody() throws Exception {
    byte[] docx = Files.readAllBytes(DOCS.resolve("06-scoring-table.docx"));
    HttpResponse<String> r = postFile("?includeText=true", "scoring.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = JSON.readTree(r.body());
    assertEquals(6, report.get("findings").size());
    assertTrue(report.get("text").asText().contains("评分标准"));

    HttpResponse<String> raw = send(HttpRequest.newBuilder(URI.create(base + "/v1/check?name=notice.txt&lang=en"))
        .header("Content-Type", "text/plain; charset=GB18030")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(DOCS.resolve("04-inquiry-notice.txt")))));
    assertEquals(200, raw.statusCode(), raw.body());
    JsonNode rr = JSON.readTree(raw.body());
    assertEquals(5, rr.get("findings").size());
    assertTrue(rr.get("findings").get(0).get("message").asText().matches("[ -~]+"), "English messages");
  }

  @Test
  void reportsComeAsSarifAndHtmlToo() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"));
    HttpResponse<String> sarif = postFile("?format=sarif", "a.pdf", "application/pdf", pdf);
    assertEquals(200, sarif.statusCode(), sarif.body());
    assertTrue(sarif.headers().firstValue("Content-Type").orElse("").startsWith("application/sarif+json"));
    assertEquals("2.1.0", JSON.readTree(sarif.body()).get("version").asText());
    HttpResponse<String> html = postFile("?format=html", "a.pdf", "application/pdf", pdf);
    assertEquals(200, html.statusCode());
    assertTrue(html.body().contains("<mark>注册资本不低于1000万元</mark>"));
    problem(postFile("?format=xml", "a.pdf", "application/pdf", pdf), 400, "BAD_REQUEST");
  }

  @Test
  void aWordFileComesBackWithTheFindingsAsComments() throws Exception {
    byte[] docx = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.docx"));
    HttpResponse<byte[]> r = http.send(multipart("?format=docx", "招标文件.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    JsonNode report = JSON.readTree(postFile("", "招标文件.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx).body());
    try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(r.body()))) {
      assertEquals(report.get("findings").size(), doc.getDocComments().getComments().size());
    }
  }

  @Test
  void refusalsAreProblemsWithCodes() throws Exception {
    problem(postFile("", "scan.png", "image/png", Files.readAllBytes(TestPaths.project().resolve("src/test/resources/fixtures/not-a-tender.png"))),
        415, "UNSUPPORTED_FORMAT");
    problem(postFile("", "locked.pdf", "application/pdf", CheckerTestSupport.encryptedPdf()), 422, "ENCRYPTED");
    problem(postFile("", "empty.pdf", "application/pdf", new byte[0]), 422, "EMPTY");
    problem(postFile("?asOf=yesterday", "a.txt", "text/plain", "投标".getBytes(StandardCharsets.UTF_8)), 400, "BAD_REQUEST");
    problem(postFile("", "big.txt", "text/plain", new byte[(int) LIMIT + 100_000]), 413, "TOO_LARGE");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/check")).header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))), 400, "BAD_REQUEST");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/rules/NO-SUCH-RULE"))), 404, "NOT_FOUND");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/nowhere"))), 404, "NOT_FOUND");
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/check"))), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void aChunkedBodyOverTheLimitIsCutOff() throws Exception {
    byte[] big = new byte[(int) LIMIT + 200_000];
    HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big));
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/check?name=big.txt")).header("Content-Type", "text/plain")
        .POST(chunked)), 413, "TOO_LARGE");
  }

  @Test
  void rulesAreListedAndDescribed() throws Exception {
    HttpResponse<String> all = send(HttpRequest.newBuilder(URI.create(base + "/v1/rules")));
    assertEquals(200, all.statusCode());
    assertTrue(JSON.readTree(all.body()).size() >= 15);
    JsonNode one = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/v1/rules/SME-SCALE-REGCAP"))).body());
    assertEquals("scale", one.get("category").asText());
    assertTrue(one.get("legalBasis").size() > 0 && one.get("flags").size() > 0 && one.get("leavesAlone").size() > 0);
  }

  @Test
  void requestsChooseRulesAndFindingsLinkToRulePages() throws Exception {
    byte[] txt = Files.readAllBytes(DOCS.resolve("04-inquiry-notice.txt"));
    HttpResponse<String> r = postFile("?categories=ownership&profile=government", "notice.txt", "text/plain", txt);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = JSON.readTree(r.body());
    assertEquals(2, report.get("findings").size());
    assertEquals("government", report.get("regime").get("profile").asText());
    String doc = report.get("findings").get(0).get("doc").asText();
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + doc)));
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("SME-OWN-FORM") && page.body().contains("第二十条"), page.body());
    problem(postFile("?profile=lenient", "notice.txt", "text/plain", txt), 400, "BAD_REQUEST");
  }

  @Test
  void portalsEvaluateThePolicyFromFacts() throws Exception {
    String facts = "{\"procurementType\":{\"value\":\"goods\"},\"budgetCny\":{\"value\":3000000},"
        + "\"reserved\":{\"value\":false},\"smallMicroDeduction\":{\"value\":{\"min\":0.06,\"max\":0.06}}}";
    for (String[] c : new String[][] {{"2022-06-30", "pass"}, {"2022-07-01", "fail"}}) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/policy/evaluate?asOf=" + c[0]))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(facts)));
      assertEquals(200, r.statusCode(), r.body());
      JsonNode checks = JSON.readTree(r.body()).get("checks");
      String status = null;
      for (JsonNode k : checks) {
        if (k.get("ruleId").asText().equals("SME-PD-RANGE-GS")) {
          status = k.get("status").asText();
        }
      }
      assertEquals(c[1], status, c[0]);
    }
    problem(send(HttpRequest.newBuilder(URI.create(base + "/v1/policy/evaluate")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"budgetCny\": \"lots\"}"))), 400, "BAD_REQUEST");
  }
}
