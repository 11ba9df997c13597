package io.fairtender.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import io.fairtender.extract.Ocr;
import io.fairtender.server.FairTenderServer;
import io.fairtender.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in headless Chromium (Debian's chromium and chromium-driver; no driver downloads): upload, verdict,
 * grouped findings, highlight on the page image, English, marks across reloads, a corrupt file's Chinese error, a
 * scanned PDF and a Word file. Screenshots go to target/screenshots/.
 */
class WorkbenchIT {
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final Path DOCS = TestPaths.project().resolve("test-docs");
  private static final Path SHOTS = TestPaths.project().resolve("target/screenshots");
  private static FairTenderServer server;
  private static ChromeDriver driver;
  private static String base;
  @TempDir
  static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(DRIVER.canExecute(), "chromedriver is not installed (apt-get install chromium chromium-driver)");
    server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 2, CheckerConfig.defaults()));
    base = "http://127.0.0.1:" + server.port();
    ChromeOptions options = new ChromeOptions();
    if (new File("/usr/bin/chromium").canExecute()) {
      options.setBinary("/usr/bin/chromium");
    }
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
        "--window-size=1366,900", "--force-device-scale-factor=1");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1366, 900));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anOfficerChecksMarksSwitchesLanguageAndSeesErrors() throws Exception {
    fresh("zh");
    assertEquals("招标文件公平竞争审查", driver.getTitle());
    upload(DOCS.resolve("06-scoring-table.pdf"));
    waitForReport("06-scoring-table.pdf", 60);
    waitFor(By.cssSelector("#overlay .hl"), 30);

    // the verdict first, then the problems grouped by clause
    WebElement verdict = driver.findElement(By.cssSelector("#report-pane .verdict"));
    assertTrue(verdict.getText().startsWith("不能直接发布"), verdict.getText());
    List<WebElement> articles = driver.findElements(By.cssSelector("#report-pane article.finding"));
    int places = 0;
    boolean grouped = false;
    for (WebElement a : articles) {
      int n = Integer.parseInt(a.getAttribute("data-places"));
      places += n;
      grouped |= n > 1;
    }
    assertTrue(grouped, "at least one clause holds several findings of one rule");
    assertTrue(places > articles.size());
    // a highlight on the rendered page image
    WebElement img = driver.findElement(By.id("page-img"));
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> js("return document.getElementById('page-img').naturalWidth > 0"));
    assertTrue(img.getSize().getWidth() > 300);
    WebElement hl = driver.findElement(By.cssSelector("#overlay .hl.active"));
    assertTrue(hl.getSize().getWidth() > 0 && hl.getSize().getHeight() > 0);
    shot("desktop-zh");

    // click another problem: its highlight becomes the active one
    WebElement second = articles.get(articles.size() - 1);
    second.findElement(By.cssSelector(".where")).click();
    String secondId = second.getAttribute("data-id");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
        By.cssSelector("#overlay .hl.active[data-id='" + secondId + "']")).isEmpty());

    // mark the first problem a false alarm
    String firstId = articles.get(0).getAttribute("data-id");
    articles.get(0).findElement(By.cssSelector(".mark-btn[data-state='false-alarm']")).click();
    assertEquals("标记：误报", article(firstId).findElement(By.cssSelector(".mark")).getText());

    // English: the same result, the mark kept
    driver.findElement(By.id("lang-switch")).click();
    waitForReport("06-scoring-table.pdf", 30);
    assertTrue(driver.findElement(By.cssSelector("#report-pane .verdict")).getText().startsWith("Not ready to publish"));
    assertEquals("Mark: false alarm", article(firstId).findElement(By.cssSelector(".mark")).getText());
    assertFalse(driver.findElement(By.cssSelector("#report-pane")).getText().contains("修改建议"));
    shot("desktop-en");

    // a second mark (accepted, with a reason typed in), then a reload: both marks are still there
    article(secondId).findElement(By.cssSelector(".mark-btn[data-state='accepted']")).click();
    WebElement reason = article(secondId).findElement(By.cssSelector(".mark-reason input"));
    reason.sendKeys("expert review: needed", org.openqa.selenium.Keys.ENTER);
    driver.navigate().refresh();
    waitForReport("06-scoring-table.pdf", 30);
    assertEquals("Mark: false alarm", article(firstId).findElement(By.cssSelector(".mark")).getText());
    assertEquals("Mark: accepted (kept): expert review: needed", article(secondId).findElement(By.cssSelector(".mark")).getText());

    // the marks travel with the exported report
    @SuppressWarnings("unchecked")
    Map<String, Object> exported = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[0]; var id = JSON.parse(localStorage.getItem('ft.current'));"
            + "var sha = document.querySelector('section.report').dataset.sha256;"
            + "fetch('/web/jobs/' + id + '/export?format=json', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            + " body: localStorage.getItem('ft.marks.' + sha)}).then(r => r.json()).then(j => done(j.marks));");
    assertEquals(2, exported.size(), String.valueOf(exported));
    assertTrue(String.valueOf(exported.get(firstId)).contains("false-alarm"));

    // phone layout: one column, the policy table keeps its labels
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.findElement(By.id("lang-switch")).click();
    waitForReport("06-scoring-table.pdf", 30);
    js("window.scrollTo(0, 0)");
    shot("phone-zh");
    List<WebElement> cells = driver.findElements(By.cssSelector("table.policy td"));
    if (!cells.isEmpty()) {
      assertEquals("none", driver.findElement(By.cssSelector("table.policy thead")).getCssValue("display"));
      String label = (String) js("return getComputedStyle(document.querySelector('table.policy td'), '::before').content");
      assertTrue(label.length() > 2, label);
      js("document.querySelector('table.policy').scrollIntoView()");
      shot("phone-policy-zh");
    }
    assertTrue(driver.findElement(By.cssSelector("#report-pane")).getSize().getWidth() <= 390);
    driver.manage().window().setSize(new Dimension(1366, 900));

    // a corrupt file: a clear Chinese error
    Path corrupt = tmp.resolve("损坏的文件.pdf");
    Files.write(corrupt, "%PDF-1.7\nthis is not really a PDF at all\n".getBytes());
    upload(corrupt);
    WebElement failed = waitFor(By.cssSelector("li.job-failed .job-status"), 60);
    assertTrue(failed.getText().startsWith("无法检查：文件已损坏或格式不正确"), failed.getText());
    shot("corrupt-zh");
  }

  @Test
  void aWordFileIsShownAsPagesWithHighlights() throws Exception {
    fresh("zh");
    upload(DOCS.resolve("01-goods-open-tender.docx"));
    waitForReport("01-goods-open-tender.docx", 60);
    waitFor(By.cssSelector("#overlay .hl"), 60);
    assertFalse(driver.findElement(By.id("viewer-kind")).getText().isBlank(), "the page says Word is shown as text pages");
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js("return document.getElementById('page-img').naturalWidth > 0"));
    shot("docx-zh");
  }

  @Test
  void aScannedPdfCarriesTheOcrNotice() throws Exception {
    assumeTrue(Ocr.defaults().available(), "tesseract is not installed");
    Path scan = tmp.resolve("scanned-06.pdf");
    Files.write(scan, scanned(DOCS.resolve("06-scoring-table.pdf")));
    fresh("zh");
    upload(scan);
    // live progress while OCR runs (stage and page counts), and a reload in the middle does not lose the job
    WebElement running = waitFor(By.cssSelector("li.job-running .job-status"), 60);
    assertTrue(running.getText().matches("(读取文字|文字识别（OCR）|审查条款|生成报告).*"), running.getText());
    assertFalse(driver.findElements(By.cssSelector("li.job-running progress")).isEmpty());
    driver.navigate().refresh();
    waitForReport("scanned-06.pdf", 240);
    waitFor(By.cssSelector("#report-pane .ocr-notice"), 240);
    waitFor(By.cssSelector("#report-pane article.finding"), 10);
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js("return document.getElementById('page-img').naturalWidth > 0"));
    assertTrue(driver.findElement(By.id("viewer-ocr")).isDisplayed());
    shot("scanned-zh");
  }

  /** Opens the page with nothing remembered from earlier tests. */
  private static void fresh(String lang) {
    driver.get(base + "/?lang=" + lang);
    js("localStorage.clear()");
    driver.get(base + "/?lang=" + lang);
  }

  private static void upload(Path file) {
    driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
  }

  /** Waits for the report of {@code name} (its name is on the report's meta line). */
  private static void waitForReport(String name, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> {
      List<WebElement> meta = d.findElements(By.cssSelector("#report-pane .report-head .meta"));
      return !meta.isEmpty() && meta.get(0).getText().startsWith(name) && d.findElement(By.id("result")).isDisplayed();
    });
  }

  private static WebElement article(String id) {
    return driver.findElement(By.cssSelector("#report-pane article.finding[data-id='" + id + "']"));
  }

  private static WebElement waitFor(By by, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void shot(String name) throws Exception {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** {@code pdf} rendered to 200-dpi grey images wrapped as an image-only PDF: a scan with no text layer. */
  static byte[] scanned(Path pdf) throws Exception {
    try (PDDocument src = Loader.loadPDF(Files.readAllBytes(pdf)); PDDocument scan = new PDDocument()) {
      PDFRenderer r = new PDFRenderer(src);
      for (int i = 0; i < src.getNumberOfPages(); i++) {
        BufferedImage img = r.renderImageWithDPI(i, 200, ImageType.GRAY);
        PDPage page = new PDPage(PDRectangle.A4);
        scan.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(scan, img);
        try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
          cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    }
  }
}
