package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** ZIP packages: every entry checked with its path on the findings; zip bombs and broken packages refused. */
public class ZipPackageTest {
  private static final Checker CHECKER = TestDocsTest.CHECKER;
  @org.junit.jupiter.api.extension.RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();

  public static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static Report check(byte[] data) {
    return CHECKER.check(new DocumentInput(data, "package.zip", null), new CheckOptions(java.time.LocalDate.of(2025, 1, 1), false, false));
  }

  @Test
  void everyEntryIsCheckedAndFindingsNameTheirEntry() throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put("招标文件/01-公告.pdf", Files.readAllBytes(TestDocsTest.DIR.resolve("01-goods-open-tender.pdf")));
    entries.put("招标文件/评分标准.docx", Files.readAllBytes(TestDocsTest.DIR.resolve("06-scoring-table.docx")));
    entries.put("图片/现场.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0});
    Report r = check(zip(entries));
    assertEquals("application/zip", r.document().mediaType());
    assertEquals(4, r.document().pages(), "three PDF pages and one DOCX page");
    Set<String> rules = r.findings().stream().filter(f -> f.source().equals("rule")).map(f -> f.entry() + " " + f.ruleId())
        .collect(Collectors.toSet());
    assertTrue(rules.contains("招标文件/01-公告.pdf SME-SCALE-REGCAP"), rules.toString());
    assertTrue(rules.contains("招标文件/评分标准.docx SME-SCALE-RANKING"), rules.toString());
    Finding staff = r.findings().stream().filter(f -> f.ruleId().equals("SME-SCALE-STAFF")).findFirst().orElseThrow();
    assertEquals(2, staff.page());
    assertEquals("ENTRY_SKIPPED", r.processingErrors().get(0).code());
    assertTrue(r.processingErrors().get(0).message().startsWith("图片/现场.png"), r.processingErrors().toString());
  }

  @Test
  void zipBombsAndDeepNestingAreRefusedNotExpanded() throws IOException {
    byte[] bomb = zip(Map.of("zeros.txt", new byte[30 << 20]));
    assertTrue(bomb.length < 100_000, "test bomb is small: " + bomb.length);
    assertEquals(ErrorCode.PACKAGE_LIMIT, assertThrows(CheckException.class, () -> check(bomb)).code());
    byte[] inner = zip(Map.of("a.txt", "投标人注册资本不低于1000万元。".getBytes(StandardCharsets.UTF_8)));
    byte[] nested = zip(Map.of("b.zip", zip(Map.of("c.zip", zip(Map.of("d.zip", inner)))))); 
    assertEquals(ErrorCode.PACKAGE_LIMIT, assertThrows(CheckException.class, () -> check(nested)).code());
    byte[] once = zip(Map.of("inner.zip", inner));
    assertEquals("inner.zip!/a.txt", check(once).findings().get(0).entry());
  }

  @Test
  void ofdIsReadPageByPageAndLeavesNoTemporaryFiles() throws IOException {
    Report r = CHECKER.check(DocumentInput.of(TestDocsTest.DIR.resolve("03-announcement.ofd")), new CheckOptions(null, false, false));
    assertEquals("application/ofd", r.document().mediaType());
    assertEquals(Set.of("SME-OWN", "SME-AGE-DATE", "SME-AGE-EXPERIENCE"),
        r.findings().stream().filter(f -> f.source().equals("rule")).map(Finding::ruleId).collect(Collectors.toSet()));
    byte[] broken = java.util.Arrays.copyOf(Files.readAllBytes(TestDocsTest.DIR.resolve("03-announcement.ofd")), 900);
    assertThrows(CheckException.class, () -> CHECKER.check(new DocumentInput(broken, "broken.ofd", null), CheckOptions.defaults()));
    assertEquals(java.util.List.of(), temp.leftovers());
  }

  @Test
  void brokenOrEmptyPackagesGetClearErrors() throws IOException {
    byte[] good = zip(Map.of("a.txt", "投标人注册资本不低于1000万元。".getBytes(StandardCharsets.UTF_8)));
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    CheckException e = assertThrows(CheckException.class, () -> check(truncated));
    assertTrue(e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.EMPTY, e.code().toString());
    byte[] onlyImages = zip(Map.of("scan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
    assertEquals(ErrorCode.EMPTY, assertThrows(CheckException.class, () -> check(onlyImages)).code());
  }
}
