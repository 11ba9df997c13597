package io.fairtender.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Raw Tika text extraction (auto-detection and a plain body content handler, no limit): the anchor of the benches.
 * Embedded images are not read by OCR, as in the checker (otherwise the anchor would mostly time Tesseract).
 */
final class TikaBaseline {
  private final AutoDetectParser parser = new AutoDetectParser();

  /** The characters of the text Tika extracts from {@code data}. */
  int extract(byte[] data, String name) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (InputStream in = new ByteArrayInputStream(data)) {
      ParseContext context = new ParseContext();
      TesseractOCRConfig ocr = new TesseractOCRConfig();
      ocr.setSkipOcr(true);
      context.set(TesseractOCRConfig.class, ocr);
      parser.parse(in, handler, metadata, context);
    } catch (SAXException | TikaException e) {
      throw new IOException("Tika could not read " + name + ": " + e.getMessage(), e);
    }
    return handler.toString().length();
  }

  /** Extracts every document once; the characters in all. */
  long extractAll(List<BenchDoc> docs) throws IOException {
    long n = 0;
    for (BenchDoc d : docs) {
      n += extract(d.data(), d.path().getFileName().toString());
    }
    return n;
  }
}
