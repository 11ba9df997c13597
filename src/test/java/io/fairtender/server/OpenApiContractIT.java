package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real responses of the running server checked against the description's schemas and content types: reports in every
 * format, problem bodies, rules, policy verdicts, health, the browsable UI, and asynchronous jobs from submission to
 * report and removal.
 */
class OpenApiContractIT {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final java.nio.charset.Charset GB18030 = java.nio.charset.Charset.forName("GB18030");
  private static final ApiDescription API = ApiDescription.load();
  private static final ResponseContract CONTRACT = new ResponseContract(API);
  private static FairTenderServer server;
  private static String base;
  private final ContractCalls calls = new ContractCalls(CONTRACT);

  @BeforeAll
  static void start() throws IOException {
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults().withMaxBytes(2_000_000)));
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

  /** Sends, checks the response against the description, and returns it. */
  private HttpResponse<byte[]> call(String method, String template, HttpRequest.Builder b) throws Exception {
    return calls.call(method, template, b, Duration.ofSeconds(90));
  }

  private HttpResponse<byte[]> get(String template, String path) throws Exception {
    return call("GET", template, HttpRequest.newBuilder(URI.create(base + path)));
  }

  private HttpResponse<byte[]> check(String query, String fileName, String type, byte[] data) throws Exception {
    String boundary = "ft" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return call("POST", "/v1/check", HttpRequest.newBuilder(URI.create(base + "/v1/check" + query))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static String type(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  /** A tender of our own whose first clause only the clause classifier flags. */
  private static byte[] modelTender() {
    return "二、资格要求\n1.投标人近三年年均销售规模须位居全省前列。\n2.投标人注册资本不低于1000万元。\n".getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonReportsConformWithEveryKindOfFindingAndProcessingErrors() throws Exception {
    JsonNode rules = ResponseContract.json(check("?asOf=2025-03-10", "01.pdf", "application/pdf",
        Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"))));
    assertTrue(rules.get("findings").size() > 0);
    assertTrue(rules.get("findings").get(0).has("line"));
    JsonNode policy = ResponseContract.json(check("?lang=en", "08.docx", io.fairtender.extract.MediaTypes.DOCX,
        Files.readAllBytes(DOCS.resolve("08-services-fixed-rate.docx"))));
    assertTrue(policy.toString().contains("\"source\":\"policy\""));
    // model findings are off unless asked for, and speak only where no rule did: the rules that flag the scoring
    // clause are switched off (as in ModelsTest)
    byte[] scoring = "二、评分标准\n1.注册资本5000万元（含）以上得3分，1000万元至5000万元得2分。\n2.投标人应提供有效的营业执照副本。\n"
        .getBytes(StandardCharsets.UTF_8);
    Set<String> ruled = new java.util.TreeSet<>();
    ResponseContract.json(check("", "scoring.txt", "text/plain", scoring)).get("findings").forEach(f -> {
      if (f.get("quote").asText().contains("5000万元")) {
        ruled.add(f.get("ruleId").asText());
      }
    });
    assertTrue(!ruled.isEmpty());
    JsonNode model = ResponseContract.json(check("?includeText=true&modelFindings=true&disableRules=" + String.join(",", ruled),
        "scoring.txt", "text/plain", scoring));
    assertTrue(model.toString().contains("\"source\":\"model\""), model.toString());
    // a page without text: the report lists it as a processing error with its page
    byte[] pdf = Files.readAllBytes(DOCS.resolve("03-announcement.pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      JsonNode blank = ResponseContract.json(check("", "blank.pdf", "application/pdf", out.toByteArray()));
      assertEquals(blank.get("document").get("pages").asInt(), blank.get("processingErrors").get(0).get("page").asInt(),
          blank.get("processingErrors").toString());
    }
  }

  @Test
  void everyFormatAnswersWithADescribedContentType() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("03-announcement.pdf"));
    assertTrue(type(check("?format=sarif", "03.pdf", "application/pdf", pdf)).startsWith("application/sarif+json"));
    assertTrue(type(check("?format=html", "03.pdf", "application/pdf", pdf)).startsWith("text/html"));
    HttpResponse<byte[]> annotated = check("?format=pdf", "03.pdf", "application/pdf", pdf);
    assertEquals("application/pdf", type(annotated));
    assertTrue(new String(annotated.body(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
    HttpResponse<byte[]> docx = check("?format=docx", "model.txt", "text/plain", modelTender());
    assertEquals(io.fairtender.extract.MediaTypes.DOCX, type(docx));
    assertEquals('P', docx.body()[0]);
    assertEquals('K', docx.body()[1]);
    HttpResponse<byte[]> text = check("?format=pdf", "model.txt", "text/plain", modelTender());
    assertEquals("application/pdf", type(text));
  }

  @Test
  void sarifAnswersValidateAgainstTheSarifSchema() throws Exception {
    HttpResponse<byte[]> r = check("?format=sarif", "01.pdf", "application/pdf",
        Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf")));
    JsonSchema sarif;
    try (InputStream in = OpenApiContractIT.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      sarif = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    assertEquals(Set.of(), sarif.validate(ResponseContract.json(r)));
  }

  @Test
  void problemBodiesConform() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("03-announcement.pdf"));
    assertEquals(400, check("?format=yaml", "03.pdf", "application/pdf", pdf).statusCode());
    assertEquals(400, check("?asOf=yesterday", "03.pdf", "application/pdf", pdf).statusCode());
    assertEquals(422, check("", "empty.pdf", "application/pdf", new byte[0]).statusCode());
    assertEquals(415, check("", "a.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0, 1, 2, 3}).statusCode());
    assertEquals(413, check("", "big.txt", "text/plain", new byte[2_000_001]).statusCode());
    assertEquals(404, get("/v1/rules/{id}", "/v1/rules/NO-SUCH-RULE").statusCode());
    assertEquals(404, get("/v1/rules/{id}/doc", "/v1/rules/NO-SUCH-RULE/doc").statusCode());
    assertEquals(400, get("/v1/rules", "/v1/rules?lang=fr").statusCode());
    assertEquals(400, call("POST", "/v1/policy/evaluate", HttpRequest.newBuilder(URI.create(base + "/v1/policy/evaluate"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"budgetCny\": \"lots\"}")))
        .statusCode());
    assertEquals(404, get("/docs/{file}", "/docs/pom.properties").statusCode());
  }

  @Test
  void rulesPolicyHealthAndTheDescriptionItselfConform() throws Exception {
    JsonNode all = ResponseContract.json(get("/v1/rules", "/v1/rules?lang=en"));
    assertTrue(all.size() > 10);
    String id = all.get(0).get("id").asText();
    assertEquals(id, ResponseContract.json(get("/v1/rules/{id}", "/v1/rules/" + id)).get("id").asText());
    assertTrue(type(get("/v1/rules/{id}/doc", "/v1/rules/" + id + "/doc")).startsWith("text/html"));
    JsonNode verdicts = ResponseContract.json(call("POST", "/v1/policy/evaluate",
        HttpRequest.newBuilder(URI.create(base + "/v1/policy/evaluate?asOf=2025-03-10")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"procurementType\":{\"value\":\"goods\"},\"budgetCny\":{\"value\":1500000},"
                + "\"smallMicroDeduction\":{\"value\":{\"min\":0.1,\"max\":0.1}}}"))));
    assertTrue(verdicts.get("checks").size() > 0);
    assertEquals("ready", ResponseContract.json(get("/health", "/health")).get("status").asText());
    assertEquals("3.0.3", ResponseContract.json(get("/openapi.json", "/openapi.json")).get("openapi").asText());
  }

  @Test
  void theBrowsableDescriptionIsServedFromTheJar() throws Exception {
    HttpResponse<byte[]> page = get("/docs/", "/docs/");
    assertEquals(200, page.statusCode());
    String html = ResponseContract.body(page);
    assertTrue(html.contains("swagger-ui-bundle.js") && !html.contains("http"), "assets are local: " + html);
    for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "fairtender-docs.js",
        "favicon-32x32.png")) {
      HttpResponse<byte[]> r = get("/docs/{file}", "/docs/" + asset);
      assertEquals(200, r.statusCode(), asset);
      assertTrue(r.body().length > 0, asset);
    }
    assertTrue(ResponseContract.body(get("/docs/{file}", "/docs/fairtender-docs.js")).contains("../openapi.json"));
    HttpResponse<byte[]> bare = ContractCalls.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/docs")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(301, bare.statusCode());
    assertEquals(base + "/docs/", bare.headers().firstValue("Location").orElse(""));
  }

  private HttpResponse<byte[]> submit(String query, byte[] data) throws Exception {
    return call("POST", "/v1/jobs", HttpRequest.newBuilder(URI.create(base + "/v1/jobs" + query))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(data)));
  }

  /** Polls the job view (each answer checked) until the job is finished; returns the last view. */
  private JsonNode awaitFinished(String id) throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (true) {
      HttpResponse<byte[]> r = get("/v1/jobs/{id}", "/v1/jobs/" + id);
      assertEquals(200, r.statusCode(), ResponseContract.body(r));
      JsonNode view = ResponseContract.json(r);
      String state = view.get("state").asText();
      if (Set.of("done", "failed", "lost").contains(state) || System.nanoTime() > deadline) {
        return view;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void jobsConformFromSubmissionToRemoval() throws Exception {
    HttpResponse<byte[]> accepted = submit("?name=model.txt&lang=en", modelTender());
    assertEquals(202, accepted.statusCode(), ResponseContract.body(accepted));
    JsonNode job = ResponseContract.json(accepted);
    String id = job.get("id").asText();
    assertEquals("/v1/jobs/" + id, job.get("location").asText());
    assertEquals(job.get("location").asText(), accepted.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(""));
    // asked for at once: the report of a job not yet done is 409 JOB_NOT_DONE (a fast job may already be done)
    HttpResponse<byte[]> early = get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report");
    assertTrue(early.statusCode() == 200 || early.statusCode() == 409, ResponseContract.body(early));
    if (early.statusCode() == 409) {
      assertEquals("JOB_NOT_DONE", ResponseContract.json(early).get("code").asText());
    }
    JsonNode view = awaitFinished(id);
    assertEquals("done", view.get("state").asText(), view.toString());
    assertEquals("done", view.at("/progress/stage").asText());
    assertEquals("/v1/jobs/" + id + "/report", view.at("/links/report").asText());
    JsonNode report = ResponseContract.json(get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report"));
    assertTrue(report.get("findings").size() > 0, report.toString());
    assertTrue(type(get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report?format=sarif")).startsWith("application/sarif+json"));
    assertTrue(type(get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report?format=html")).startsWith("text/html"));
    assertEquals("application/pdf", type(get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report?format=pdf")));
    assertEquals(400, get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report?format=yaml").statusCode());
    assertEquals(204, call("DELETE", "/v1/jobs/{id}", HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).DELETE())
        .statusCode());
    assertEquals(404, get("/v1/jobs/{id}", "/v1/jobs/" + id).statusCode());
    assertEquals(404, get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report").statusCode());
    assertEquals(404, call("DELETE", "/v1/jobs/{id}", HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).DELETE())
        .statusCode());
  }

  @Test
  void aJobNotYetDoneAnswers409AndCanBeRemoved() throws Exception {
    // about 1.9 MB of our own tenders: checked in far more than the moment between the 202 and the next request
    StringBuilder text = new StringBuilder();
    String tenders = Files.readString(DOCS.resolve("01-goods-open-tender.txt"), GB18030)
        + Files.readString(DOCS.resolve("06-scoring-table.txt"), GB18030); // the test-docs texts are GB 18030
    while (text.length() * 3 < 1_900_000 - tenders.length() * 3) {
      text.append(tenders);
    }
    HttpResponse<byte[]> accepted = submit("?name=long.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(202, accepted.statusCode(), ResponseContract.body(accepted));
    String id = ResponseContract.json(accepted).get("id").asText();
    HttpResponse<byte[]> early = get("/v1/jobs/{id}/report", "/v1/jobs/" + id + "/report");
    assertEquals(409, early.statusCode(), ResponseContract.body(early));
    assertEquals("JOB_NOT_DONE", ResponseContract.json(early).get("code").asText());
    JsonNode view = ResponseContract.json(get("/v1/jobs/{id}", "/v1/jobs/" + id));
    assertTrue(Set.of("queued", "running").contains(view.get("state").asText()), view.toString());
    assertEquals(204, call("DELETE", "/v1/jobs/{id}", HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).DELETE())
        .statusCode());
    assertEquals(404, get("/v1/jobs/{id}", "/v1/jobs/" + id).statusCode());
  }

  @Test
  void jobsRefusedAtSubmissionConform() throws Exception {
    // this server has no webhook secret: a callback is refused before anything is queued
    HttpResponse<byte[]> callback = submit("?name=a.txt&callback=https%3A%2F%2Fhooks.example.cn%2Fdone", modelTender());
    assertEquals(400, callback.statusCode());
    assertEquals("BAD_REQUEST", ResponseContract.json(callback).get("code").asText());
    assertEquals(400, submit("?name=a.txt&asOf=yesterday", modelTender()).statusCode());
    assertEquals(400, submit("?name=a.txt&rules=NO-SUCH-RULE", modelTender()).statusCode());
    assertEquals(413, submit("?name=big.txt", new byte[2_000_001]).statusCode());
  }
}
