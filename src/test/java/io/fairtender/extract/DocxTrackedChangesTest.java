package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.Deadline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A valid DOCX on which Tika's streaming reader fails (a tracked change with a short date) is read all the same. */
class DocxTrackedChangesTest {
  @Test
  void aTrackedChangeWithAShortDateIsReadByTheDomReader() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("投标人注册资本不低于1000万元。");
      doc.write(plain);
    }
    byte[] docx = rewrite(plain.toByteArray(), "word/document.xml",
        xml -> xml.replace("<w:r>", "<w:ins w:id=\"1\" w:author=\"x\" w:date=\"0\"/><w:r>"));
    ExtractedText t = new TikaExtractor(1_000_000).extract(docx, "tracked.docx", MediaTypes.DOCX, Deadline.none());
    assertTrue(t.text().contains("注册资本不低于1000万元"), t.text());
  }

  private static byte[] rewrite(byte[] zip, String name, java.util.function.UnaryOperator<String> edit) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(name)) {
          data = edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(data);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
