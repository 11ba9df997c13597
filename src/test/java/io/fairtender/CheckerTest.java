package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

/** End-to-end tests of {@link Checker}: formats, charsets, offsets, pages and refusals. */
class CheckerTest {
  static final Checker CHECKER = TestDocsTest.CHECKER;
  static final CheckOptions OPTS = new CheckOptions(LocalDate.of(2025, 1, 1), true, false);

  private static Report check(byte[] data, String name) {
    return CHECKER.check(new DocumentInput(data, name, null), OPTS);
  }

  @Test
  void offsetsCountCodePointsAndQuoteTheExtractedText() {
    String text = "一、资格要求\n𠀀𠀁投标人注册资本不低于1000万元。";
    Report r = check(text.getBytes(StandardCharsets.UTF_8), "a.txt");
    Finding f = r.findings().get(0);
    String extracted = r.text();
    int cpStart = extracted.codePointCount(0, extracted.indexOf("注册"));
    assertEquals(cpStart, f.start());
    assertEquals("注册资本不低于1000万元", f.quote());
    int[] cps = extracted.codePoints().toArray();
    assertEquals(f.quote(), new String(cps, f.start(), f.end() - f.start()));
    assertEquals(extracted.codePointCount(0, extracted.length()), r.document().chars());
  }

  @Test
  void pdfFindingsCarryTheirPageAndPageOffset() throws IOException {
    Report r = CHECKER.check(DocumentInput.of(TestDocsTest.DIR.resolve("01-goods-open-tender.pdf")), OPTS);
    assertEquals(3, r.document().pages());
    Finding regcap = r.findings().stream().filter(f -> f.ruleId().equals("SME-SCALE-REGCAP")).findFirst().orElseThrow();
    assertEquals(1, regcap.page());
    Finding staff = r.findings().stream().filter(f -> f.ruleId().equals("SME-SCALE-STAFF")).findFirst().orElseThrow();
    assertEquals(2, staff.page());
    int[] cps = r.text().codePoints().toArray();
    int pageStart = staff.start() - staff.pageOffset();
    assertTrue(pageStart > 0 && cps[pageStart - 1] == '\n', "page offsets are relative to the page start");
    assertEquals(staff.quote(), new String(cps, staff.start(), staff.end() - staff.start()));
  }

  @Test
  void gb18030AndGbkDeclaredHtmlAreDecoded() {
    Charset gbk = Charset.forName("GBK");
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
        + "<h2>二、申请人的资格要求</h2><p>投标人须成立满三年。</p></body></html>";
    Report r = check(html.getBytes(gbk), "notice.htm");
    assertEquals("text/html", r.document().mediaType());
    assertEquals("SME-AGE-DIRECT", r.findings().get(0).ruleId());
    assertEquals("成立满三年", r.findings().get(0).quote());

    String txt = "二、资格要求\r\n供应商在职员工须达到二百人以上。\r\n";
    Report t = check(txt.getBytes(Charset.forName("GB18030")), "notice.txt");
    assertEquals("在职员工须达到二百人以上", t.findings().get(0).quote());
  }

  @Test
  void docxAndHtmlTableRowsStayOneLineWithTabbedCells() throws IOException {
    for (String ext : new String[] {"docx", "html"}) {
      Report r = CHECKER.check(DocumentInput.of(TestDocsTest.DIR.resolve("06-scoring-table." + ext)), OPTS);
      assertTrue(r.text().contains("\n财务状况\t净利润1000万元以上得3分\t3\n"), ext + ": " + r.text());
      assertTrue(r.findings().stream().allMatch(f -> f.sectionRole().equals("scoring")), ext);
    }
  }

  @Test
  void findingsAreOrderedAndStable() throws IOException {
    DocumentInput in = DocumentInput.of(TestDocsTest.DIR.resolve("06-scoring-table.docx"));
    Report a = CHECKER.check(in, OPTS);
    Report b = CHECKER.check(in, OPTS);
    assertEquals(a, b);
    for (int i = 1; i < a.findings().size(); i++) {
      assertTrue(a.findings().get(i - 1).start() <= a.findings().get(i).start());
    }
  }

  @Test
  void emptyUnsupportedCorruptAndEncryptedDocumentsAreRefusedWithACode() throws IOException {
    assertEquals(ErrorCode.EMPTY, assertThrows(CheckException.class, () -> check(new byte[0], "x.pdf")).code());
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    assertEquals(ErrorCode.UNSUPPORTED_FORMAT, assertThrows(CheckException.class, () -> check(png, "scan.png")).code());
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 9);
    assertEquals(ErrorCode.CORRUPT, assertThrows(CheckException.class, () -> check(junk, "broken.pdf")).code());
    assertEquals(ErrorCode.ENCRYPTED, assertThrows(CheckException.class, () -> check(encryptedPdf("secret"), "locked.pdf")).code());
  }

  @Test
  void aPdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
    byte[] base = Files.readAllBytes(TestDocsTest.DIR.resolve("03-announcement.pdf"));
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(base)) {
      doc.protect(new StandardProtectionPolicy("owner-only", "", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      Report r = check(out.toByteArray(), "owner.pdf");
      assertEquals(3, r.findings().size());
    }
  }

  @Test
  void aScannedPageIsReportedAndTheRestChecked() throws IOException {
    byte[] base = Files.readAllBytes(TestDocsTest.DIR.resolve("03-announcement.pdf"));
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(base)) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      Report r = check(out.toByteArray(), "with-blank.pdf");
      assertEquals(3, r.findings().size());
      assertEquals(1, r.processingErrors().size());
      assertEquals("NO_TEXT_LAYER", r.processingErrors().get(0).code());
      assertEquals(2, r.processingErrors().get(0).page());
    }
  }

  @Test
  void sizeAndTimeLimitsAreEnforced() throws IOException {
    Checker small = Checker.create(CheckerConfig.defaults().withMaxBytes(100));
    CheckException big = assertThrows(CheckException.class,
        () -> small.check(new DocumentInput(new byte[101], "big.txt", null), OPTS));
    assertEquals(ErrorCode.TOO_LARGE, big.code());
    Checker slow = Checker.create(CheckerConfig.defaults().withTimeLimit(Duration.ofNanos(1)));
    DocumentInput pdf = DocumentInput.of(TestDocsTest.DIR.resolve("01-goods-open-tender.pdf"));
    assertEquals(ErrorCode.TIME_LIMIT, assertThrows(CheckException.class, () -> slow.check(pdf, OPTS)).code());
  }

  static byte[] encryptedPdf(String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.protect(new StandardProtectionPolicy("owner", userPassword, new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
