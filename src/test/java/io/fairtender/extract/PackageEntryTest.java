package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A .docx is known from its package's directory without Tika's detector, and only when it really is one. */
class PackageEntryTest {
  private static byte[] zip(String entry) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write("<x/>".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void theDirectoryNamesTheEntry() throws Exception {
    byte[] docx = Files.readAllBytes(TestPaths.project().resolve("test-docs/01-goods-open-tender.docx"));
    assertTrue(PackageScan.hasEntry(docx, "word/document.xml"));
    assertFalse(PackageScan.hasEntry(zip("content.xml"), "word/document.xml"));
    assertFalse(PackageScan.hasEntry("not a zip".getBytes(StandardCharsets.UTF_8), "word/document.xml"));
  }

  @Test
  void aZipNamedDocxWithoutWordPartsIsNotTakenForWord() throws Exception {
    Extractor ex = new Extractor(100, 1_000_000, null, 0, 100_000);
    byte[] docx = Files.readAllBytes(TestPaths.project().resolve("test-docs/01-goods-open-tender.docx"));
    assertEquals(MediaTypes.DOCX, ex.extract(docx, "a.docx", null, io.fairtender.Deadline.after(java.time.Duration.ofSeconds(30))).mediaType());
    io.fairtender.CheckException e = org.junit.jupiter.api.Assertions.assertThrows(io.fairtender.CheckException.class,
        () -> ex.extract(zip("notes.bin"), "a.docx", null, io.fairtender.Deadline.after(java.time.Duration.ofSeconds(30))));
    assertFalse(e.code() == io.fairtender.ErrorCode.INTERNAL, e.code().toString());
  }
}
