package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.PrivateTempDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Word packages that inflate to gigabytes or hold a million paragraphs, BOM-less UTF-16, encrypted ZIPs, clean messages. */
class ExtractorHostileTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();
  private final Extractor extractor = new Extractor(100, 5_000_000, null, 0, 50_000);

  private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

  /** Writes the body of word/document.xml. */
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** A minimal DOCX whose document body is written by {@code body}, straight into the ZIP stream. */
  static byte[] docx(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      z.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("_rels/.rels"));
      z.write(RELS.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("word/document.xml"));
      z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
          .getBytes(StandardCharsets.UTF_8));
      body.write(z);
      z.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aDocxThatInflatesToHundredsOfMegabytesIsAPackageBomb() throws IOException {
    byte[] para = "<w:p><w:r><w:t>投标人注册资本不低于1000万元</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
    byte[] bomb = docx(out -> {
      for (int i = 0; i < 300_000_000 / para.length; i++) {
        out.write(para);
      }
    });
    assertTrue(bomb.length < 2_000_000, "small upload: " + bomb.length);
    long t0 = System.nanoTime();
    CheckException e = assertThrows(CheckException.class, () -> extractor.extract(bomb, "bomb.docx", null, Deadline.none()));
    assertEquals(ErrorCode.PACKAGE_LIMIT, e.code(), e.getMessage());
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "refused while counting, not parsed");
  }

  @Test
  void aDocxOfTooManyParagraphsIsTooLargeAndReadWithoutADom() throws IOException {
    Random random = new Random(7);
    byte[] many = docx(out -> {
      for (int i = 0; i < 60_000; i++) {
        out.write(("<w:p><w:r><w:t>" + Integer.toString(random.nextInt(), 36) + "</w:t></w:r></w:p>").getBytes(StandardCharsets.UTF_8));
      }
    });
    CheckException e = assertThrows(CheckException.class, () -> extractor.extract(many, "many.docx", null, Deadline.none()));
    assertEquals(ErrorCode.TOO_LARGE, e.code(), e.getMessage());
    byte[] fine = docx(out -> out.write("<w:p><w:r><w:t>投标人注册资本不低于1000万元。</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8)));
    assertEquals("投标人注册资本不低于1000万元。", extractor.extract(fine, "a.docx", null, Deadline.none()).text().strip());
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void utf16WithoutByteOrderMarkIsDecoded() {
    String text = "第一章 招标公告\r\n项目编号：ZFCG-2025-001\r\n投标人注册资本不低于1000万元。\r\n";
    for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      ExtractedText t = extractor.extract(text.getBytes(cs), "notice.txt", null, Deadline.none());
      assertTrue(t.text().contains("投标人注册资本不低于1000万元。"), cs + ": " + t.text());
      assertTrue(t.text().contains("ZFCG-2025-001"), t.text());
    }
    byte[] binary = new byte[4096];
    new Random(1).nextBytes(binary);
    for (int i = 1; i < binary.length; i += 2) {
      binary[i] = 0;
    }
    binary[100] = 0; // a zero pair decodes to NUL: not text
    assertNull(Utf16Sniffer.toUtf8(binary));
    assertNull(Utf16Sniffer.toUtf8("plain ASCII text, no zero bytes".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aPackageWhoseEntriesTogetherHoldTooMuchTextIsTooLarge() throws IOException {
    Extractor small = new Extractor(100, 100_000, null, 0, 50_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random random = new Random(3);
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < 3; i++) {
        z.putNextEntry(new ZipEntry("part" + i + ".txt"));
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 40_000) {
          sb.append("第").append(random.nextInt(100_000)).append("条投标人须具备资格").append(Long.toString(random.nextLong(), 36)).append("。\n");
        }
        z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    CheckException e = assertThrows(CheckException.class, () -> small.extract(out.toByteArray(), "p.zip", null, Deadline.none()));
    assertEquals(ErrorCode.TOO_LARGE, e.code(), e.getMessage());
  }

  /** A ZIP whose only entry carries the "encrypted" flag (a password-protected package). */
  static byte[] encryptedZip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("招标文件.txt"));
      z.write("投标人注册资本不低于1000万元。".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    byte[] b = out.toByteArray();
    for (int i = 0; i + 8 < b.length; i++) {
      boolean local = b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4;
      boolean central = b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2;
      if (local) {
        b[i + 6] |= 1;
      } else if (central) {
        b[i + 8] |= 1;
      }
    }
    return b;
  }

  @Test
  void anEncryptedZipIsEncryptedNotCorrupt() throws IOException {
    CheckException e = assertThrows(CheckException.class, () -> extractor.extract(encryptedZip(), "package.zip", null, Deadline.none()));
    assertEquals(ErrorCode.ENCRYPTED, e.code(), e.getMessage());
  }

  @Test
  void brokenDocumentsGetMessagesWithoutClassNamesOrPaths() throws IOException {
    byte[] broken = docx(out -> out.write("<w:p><w:r><w:t>未闭合".getBytes(StandardCharsets.UTF_8)));
    byte[] truncated = java.util.Arrays.copyOf(broken, broken.length - 30);
    for (byte[] bad : List.of(broken, truncated)) {
      CheckException e = assertThrows(CheckException.class, () -> extractor.extract(bad, "broken.docx", null, Deadline.none()));
      assertFalse(e.getMessage().matches("(?s).*\\b(java|org|com)\\.[a-z]+\\..*"), e.getMessage());
      assertFalse(e.getMessage().contains(System.getProperty("java.io.tmpdir")), e.getMessage());
    }
    byte[] deepJson = ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8);
    CheckException json = assertThrows(CheckException.class, () -> extractor.extract(deepJson, "deep.json", null, Deadline.none()));
    assertEquals(ErrorCode.CORRUPT, json.code());
    assertFalse(json.getMessage().matches("(?s).*(Constraints|Exception|\\b(java|com)\\.).*"), json.getMessage());
    assertEquals(List.of(), temp.leftovers());
  }
}
