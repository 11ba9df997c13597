package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.Deadline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

/** Pictures inside a Word file are not parsed; their document reads the same as without them. */
class TextOnlyEmbeddedExtractorTest {
  private static byte[] docx(boolean withPicture) throws Exception {
    try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText("一、资格要求");
      var run = d.createParagraph().createRun();
      run.setText("投标人注册资本不低于100万元。");
      if (withPicture) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        run.addPicture(new ByteArrayInputStream(png.toByteArray()), Document.PICTURE_TYPE_PNG, "stamp.png", 40 * 9525, 20 * 9525);
      }
      d.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aPictureChangesNothingInTheText() throws Exception {
    TikaExtractor tika = new TikaExtractor(5_000_000, 500_000);
    Deadline deadline = Deadline.after(Duration.ofSeconds(30));
    String plain = tika.extract(docx(false), "a.docx", MediaTypes.DOCX, deadline).text();
    String pictured = tika.extract(docx(true), "a.docx", MediaTypes.DOCX, deadline).text();
    assertEquals(plain, pictured);
    assertFalse(pictured.contains("png"), pictured);
  }

  @Test
  void imagesAreKnownByTypeOrName() {
    Metadata byType = new Metadata();
    byType.set(Metadata.CONTENT_TYPE, "image/emf");
    Metadata byName = new Metadata();
    byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, "media/IMAGE3.JPEG");
    Metadata sheet = new Metadata();
    sheet.set(TikaCoreProperties.RESOURCE_NAME_KEY, "embeddings/Microsoft_Excel_Worksheet.xlsx");
    assertTrue(TextOnlyEmbeddedExtractor.isImage(byType));
    assertTrue(TextOnlyEmbeddedExtractor.isImage(byName));
    assertFalse(TextOnlyEmbeddedExtractor.isImage(sheet), "embedded documents are still read");
  }
}
