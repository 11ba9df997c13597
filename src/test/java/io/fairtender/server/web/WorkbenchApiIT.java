package io.fairtender.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import io.fairtender.server.FairTenderServer;
import io.fairtender.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workbench's HTTP side without a browser: the page, its assets, the report body, page images and exports. */
class WorkbenchApiIT {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static FairTenderServer server;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults()));
    base = "http://127.0.0.1:" + server.port();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void thePageAndItsAssetsComeFromTheJarWithNoOutsideAddress() throws Exception {
    HttpResponse<byte[]> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    Document d = Jsoup.parse(text(page));
    assertEquals("zh-CN", d.selectFirst("html").attr("lang"));
    assertEquals("招标文件公平竞争审查", d.title());
    assertFalse(text(page).matches("(?s).*(https?://|//cdn).*"), "no outside address");
    JsonNode strings = JSON.readTree(d.body().attr("data-messages"));
    assertEquals("文件已损坏或格式不正确", strings.get("error.CORRUPT").asText());
    assertTrue(strings.has("web.state.pages") && strings.has("mark.false-alarm"));
    java.util.List<String> assets = new java.util.ArrayList<>(d.select("script[src]").eachAttr("src"));
    assets.addAll(d.select("link[rel=stylesheet]").eachAttr("href"));
    assertEquals(4, assets.size(), String.valueOf(assets));
    for (String src : assets) {
      assertTrue(src.startsWith("/static/"), src);
      assertEquals(200, get(src).statusCode(), src);
    }
    Document en = Jsoup.parse(text(get("/?lang=en")));
    assertEquals("Tender fair-competition check", en.title());
    assertEquals(404, get("/static/..%2Fi18n%2Fmessages_zh.properties").statusCode());
    assertEquals(404, get("/static/nothing.js").statusCode());
  }

  @Test
  void aDoneJobGivesItsReportBodyPagesHighlightsAndExportsWithMarks() throws Exception {
    byte[] pdf = Files.readAllBytes(DOCS.resolve("01-goods-open-tender.pdf"));
    String boundary = "ft" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"01.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(pdf);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(202, made.statusCode(), made.body());
    String id = JSON.readTree(made.body()).get("id").asText();
    // before it is done there is nothing to show
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!JSON.readTree(text(get("/v1/jobs/" + id))).get("state").asText().equals("done")) {
      assertTrue(System.nanoTime() < end);
      Thread.sleep(50);
    }
    Document view = Jsoup.parse(text(get("/web/jobs/" + id + "/view?lang=en")));
    assertTrue(view.selectFirst(".verdict").text().startsWith("Not ready to publish"));
    int articles = view.select("article.finding").size();
    assertTrue(articles >= 5);

    JsonNode pages = JSON.readTree(text(get("/web/jobs/" + id + "/pages")));
    assertEquals("pdf", pages.get("kind").asText());
    assertEquals(3, pages.get("pages").asInt());
    int boxes = 0;
    for (JsonNode h : pages.get("highlights")) {
      for (JsonNode b : h.get("boxes")) {
        for (JsonNode v : b) {
          assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1, "a fraction of the page: " + b);
        }
        boxes++;
      }
    }
    assertTrue(boxes >= articles, "each problem has a box on its page");
    HttpResponse<byte[]> png = get("/web/jobs/" + id + "/pages/2.png");
    assertEquals(200, png.statusCode());
    assertEquals((byte) 0x89, png.body()[0]);
    assertEquals('P', png.body()[1]);
    assertEquals(404, get("/web/jobs/" + id + "/pages/9.png").statusCode());

    String firstId = view.selectFirst("article.finding").attr("data-id");
    String marks = "{\"" + firstId + "\":{\"state\":\"accepted\",\"reason\":\"专家论证必要\"}}";
    HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create(base + "/web/jobs/" + id + "/export?format=html"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(marks)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Disposition").orElse("").contains("01.fairtender.html"));
    assertEquals("标记：接受（保留）：专家论证必要", Jsoup.parse(html.body()).selectFirst(".mark").text());
    String ruleLink = Jsoup.parse(html.body()).selectFirst("a.rule-link").attr("href");
    assertTrue(ruleLink.startsWith(base + "/v1/rules/"), "a saved report links to the rule pages on the server: " + ruleLink);
    assertEquals(200, get(ruleLink.substring(base.length())).statusCode());
    HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/web/jobs/" + id + "/export?format=json"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(marks)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode exported = JSON.readTree(json.body());
    assertEquals("accepted", exported.get("marks").get(firstId).get("state").asText());
    assertTrue(exported.get("report").get("findings").size() >= articles);
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/web/jobs/" + id + "/export?format=html"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[1,2")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(400, bad.statusCode());
    assertEquals("BAD_REQUEST", JSON.readTree(bad.body()).get("code").asText());

    // deleted: nothing of it is served any more
    http.send(HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(404, get("/web/jobs/" + id + "/view").statusCode());
    assertEquals(404, get("/web/jobs/" + id + "/pages/1.png").statusCode());
  }
}
