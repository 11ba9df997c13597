package io.fairtender.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanning a folder: parallel, resumable, one report per document, summaries. Inputs are written here. */
class ScanTest {
  private static final String VIOLATION = "一、申请人的资格要求\n1.投标人注册资本不低于1000万元。\n";
  private static final String CLEAN = "一、申请人的资格要求\n1.具有独立承担民事责任的能力。\n";
  private static Checker checker;

  @BeforeAll
  static void load() {
    checker = Checker.create(CheckerConfig.defaults().withOcr(false));
  }

  private static Path archive(Path root) throws IOException {
    write(root.resolve("a/招标文件.txt"), VIOLATION);
    write(root.resolve("b/招标文件.txt"), VIOLATION); // the same bytes under another path
    write(root.resolve("b/clean.txt"), CLEAN);
    write(root.resolve("c/broken.pdf"), "%PDF-1.7 this is not a PDF");
    write(root.resolve("c/notes.xyz"), "not a document format");
    write(root.resolve(".hidden/x.txt"), VIOLATION);
    return root;
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static Scanner.Options options(Path out) {
    return new Scanner.Options(out, 2, 64L << 20, false, new CheckOptions(null, false, false), Set.of("html"));
  }

  private static final Scanner.Listener QUIET = new Scanner.Listener() {
    @Override
    public void start(int total, int alreadyDone) {}

    @Override
    public void done(ScanItem item, int pages, String errorCode) {}
  };

  @Test
  void findsDocumentsRecursivelyKeepingRelativePaths(@TempDir Path dir) throws IOException {
    List<ScanItem> items = new ScanSource(List.of(), List.of(), null).list(List.of(archive(dir)));
    assertEquals(List.of("a/招标文件.txt", "b/clean.txt", "b/招标文件.txt", "c/broken.pdf"),
        items.stream().map(ScanItem::path).toList(), "hidden folders and unknown formats are left out");
    List<ScanItem> only = new ScanSource(List.of("b/*"), List.of("**/clean.txt"), null).list(List.of(dir));
    assertEquals(List.of("b/招标文件.txt"), only.stream().map(ScanItem::path).toList());
  }

  @Test
  void checksEveryDocumentOnceAndRecordsFailuresWithoutStopping(@TempDir Path dir, @TempDir Path out) throws Exception {
    List<ScanItem> items = new ScanSource(List.of(), List.of(), null).list(List.of(archive(dir)));
    try (ScanState state = ScanState.open(out)) {
      Scanner.Outcome o = new Scanner(checker, options(out), state).run(items, QUIET);
      assertEquals(4, o.documents());
      assertEquals(1, o.failed(), "the broken PDF is recorded, the scan goes on");
      assertEquals(1, o.reused(), "the same bytes under two names are checked once");
      assertEquals(2, o.checked());
      List<DocumentSummary> docs = SummaryWriter.write(state, out, false);
      assertEquals(4, docs.size());
      DocumentSummary broken = docs.stream().filter(d -> d.path().equals("c/broken.pdf")).findFirst().orElseThrow();
      assertEquals("CORRUPT", broken.errorCode());
    }
    assertTrue(Files.readString(out.resolve("reports/a/招标文件.txt.json")).contains("\"name\":\"招标文件.txt\""));
    assertTrue(Files.exists(out.resolve("reports/b/招标文件.txt.json")), "reported under both names");
    assertTrue(Files.exists(out.resolve("reports/b/招标文件.txt.html")));
    List<String> findings = Files.readAllLines(out.resolve("findings.jsonl"));
    assertEquals(2, findings.stream().filter(l -> l.contains("SME-SCALE-REGCAP")).count());
    assertTrue(findings.stream().anyMatch(l -> l.startsWith("{\"path\":\"b/招标文件.txt\"")));
    byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
    assertEquals((byte) 0xEF, csv[0], "UTF-8 with a byte-order mark, so that Excel reads Chinese");
    assertTrue(new String(csv, StandardCharsets.UTF_8).contains("c/broken.pdf"));
    try (InputStream in = Files.newInputStream(out.resolve("summary.xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet docs = book.getSheet("文档");
      assertEquals(4, docs.getLastRowNum(), "a header and four documents");
      assertEquals(2, book.getSheet("问题").getLastRowNum());
    }
    String html = Files.readString(out.resolve("summary.html"));
    assertTrue(html.contains("<svg") && html.contains("reports/a/%E6%8B%9B%E6%A0%87%E6%96%87%E4%BB%B6.txt.html"), html);
    assertTrue(html.contains("SME-SCALE-REGCAP: 2"), "the by-rule chart counts both documents");
  }

  @Test
  void aScanStoppedPartWayResumesWithoutCheckingAgain(@TempDir Path dir, @TempDir Path out) throws Exception {
    List<ScanItem> items = new ScanSource(List.of(), List.of(), null).list(List.of(archive(dir)));
    try (ScanState state = ScanState.open(out)) {
      new Scanner(checker, options(out), state).run(items.subList(0, 2), QUIET); // stopped after two documents
    }
    Files.writeString(out.resolve("reports/half-written.json.part"), "{\"formatVer"); // as a kill leaves it
    try (ScanState state = ScanState.open(out)) {
      Scanner.Outcome o = new Scanner(checker, options(out), state).run(items, QUIET);
      assertEquals(2, o.skipped());
      assertEquals(2, o.checked() + o.reused() + o.failed());
      assertEquals(4, SummaryWriter.write(state, out, false).size());
    }
    try (ScanState state = ScanState.open(out)) {
      Scanner.Outcome o = new Scanner(checker, options(out), state).run(items, QUIET);
      assertEquals(4, o.skipped(), "a finished scan started again does nothing");
    }
  }

  @Test
  void theCommandLineExitsOneWhenADocumentFailedAndRefusesBadOptions(@TempDir Path dir, @TempDir Path out) throws IOException {
    archive(dir);
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "scan", dir.toString(), "--out",
        out.toString(), "--no-ocr", "--progress", "lines");
    assertEquals(Main.EXIT_ERROR, code, err.toString());
    assertTrue(err.toString().contains("4/4 documents"), err.toString());
    Files.delete(dir.resolve("c/broken.pdf"));
    Path out2 = out.resolve("again");
    assertEquals(Main.EXIT_FINDINGS, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "scan", dir.toString(), "--out", out2.toString(), "--no-ocr", "--progress", "none"));
    assertEquals(Main.EXIT_USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "scan", dir.resolve("missing").toString(), "--out", out2.toString()));
    assertEquals(Main.EXIT_USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "scan", dir.toString(), "--out", out2.toString(), "--format", "docx"));
  }
}
