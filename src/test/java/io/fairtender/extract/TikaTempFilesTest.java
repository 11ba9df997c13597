package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.PrivateTempDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OLE2 documents (.doc, .xls) make Tika spool a copy of the upload; every copy must be gone after the check. */
class TikaTempFilesTest {
  @RegisterExtension
  final PrivateTempDir temp = new PrivateTempDir();
  private final Extractor extractor = new Extractor(100, 1_000_000, false);

  /** An OLE2 container with a Word stream: detected as a Word 97 document by the container detector. */
  static byte[] ole2Word() throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[8192]), "WordDocument");
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "1Table");
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  static byte[] xls() throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("表").createRow(0).createCell(0).setCellValue("投标人注册资本不低于1000万元");
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void detectingAnOle2DocumentLeavesNoSpoolFile() throws IOException {
    assertEquals(MediaTypes.DOC, extractor.detect(ole2Word(), "tender.doc", null));
    assertEquals(List.of(), temp.leftovers());
    extractor.detect(xls(), "sheet.xls", null);
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void readingAnOle2DocumentLeavesNoSpoolFileOnAnyPath() throws IOException {
    for (byte[] doc : List.of(ole2Word(), xls())) {
      try {
        extractor.extract(doc, "tender.doc", null, Deadline.none());
      } catch (CheckException expected) {
        assertTrue(expected.getMessage() != null);
      }
      assertEquals(List.of(), temp.leftovers());
    }
  }

  @Test
  void anOle2DocumentIsDetectedAndReadInMemoryWithoutATemporaryFolder() throws IOException {
    // a regular file where the temporary folders would go: creating one fails, so this passes only without spooling
    java.nio.file.Path notAFolder = java.nio.file.Files.writeString(temp.dir().resolve("not-a-folder"), "x");
    io.fairtender.TempFiles.setBase(notAFolder);
    assertEquals(MediaTypes.DOC, extractor.detect(ole2Word(), "tender.doc", null));
    assertEquals("application/vnd.ms-excel", extractor.detect(xls(), "sheet.xls", null));
    ExtractedText text = new TikaExtractor(1_000_000).extract(xls(), "sheet.xls", "application/vnd.ms-excel", Deadline.none());
    assertTrue(text.text().contains("投标人注册资本不低于1000万元"), text.text());
  }

  @Test
  void aDocxIsReadInMemoryWithoutATemporaryFolder() throws IOException {
    byte[] docx = java.nio.file.Files.readAllBytes(io.fairtender.TestPaths.project().resolve("test-docs/01-goods-open-tender.docx"));
    String before = new TikaExtractor(1_000_000).extract(docx, "tender.docx", MediaTypes.DOCX, Deadline.none()).text();
    io.fairtender.TempFiles.setBase(java.nio.file.Files.writeString(temp.dir().resolve("not-a-folder"), "x"));
    ExtractedText text = extractor.extract(docx, "tender.docx", null, Deadline.none());
    assertEquals(before, text.text());
    assertEquals(3, text.pages().size());
  }

  @Test
  void aSpoolFileIsStillWrittenWhenAReaderAsksForOneAndDeletedWithItsFolder() throws IOException {
    try (TikaSpool spool = new TikaSpool()) {
      org.apache.tika.io.TikaInputStream in = spool.open("纯文本".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          new org.apache.tika.metadata.Metadata());
      assertEquals(List.of(), temp.leftovers(), "no folder before a reader asks for a file");
      java.nio.file.Path file = in.getPath();
      assertTrue(spool.spooled());
      assertEquals("纯文本", java.nio.file.Files.readString(file));
      assertEquals(1, temp.leftovers().stream().filter(p -> !p.contains("/")).count(), temp.leftovers().toString());
    }
    assertEquals(List.of(), temp.leftovers());
  }

  @Test
  void anOle2DocumentOfOverAMillionCharactersReadInMemoryIsNotTakenForABomb() throws IOException {
    // Tika's bomb guard compares the characters out with the bytes in: the in-memory container must report its length
    byte[] big;
    try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("表");
      String cell = "投标人应具备相应资质".repeat(3000);
      for (int r = 0; r < 40; r++) {
        sheet.createRow(r).createCell(0).setCellValue(cell + r);
      }
      wb.write(out);
      big = out.toByteArray();
    }
    ExtractedText text = new TikaExtractor(5_000_000).extract(big, "big.xls", "application/vnd.ms-excel", Deadline.none());
    assertTrue(text.text().length() > 1_200_000, "characters: " + text.text().length());
  }
}
