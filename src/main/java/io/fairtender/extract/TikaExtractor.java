package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.xml.sax.SAXException;

/** Reads DOCX, DOC, RTF, ODT, HTML and plain text (any charset Tika detects) through Tika. */
public final class TikaExtractor {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TikaExtractor.class);
  private final int maxChars;
  private final int maxLines;

  public TikaExtractor(int maxChars) {
    this(maxChars, Integer.MAX_VALUE);
  }

  /** Refuses documents of more than {@code maxChars} chars or {@code maxLines} paragraphs and table rows. */
  public TikaExtractor(int maxChars, int maxLines) {
    this.maxChars = maxChars;
    this.maxLines = maxLines;
  }

  /** Largest document.xml read with the DOM extractor when Tika's streaming one fails on a valid file. */
  static final long DOM_FALLBACK_MAX = 30L << 20;

  public ExtractedText extract(byte[] data, String name, String mediaType, Deadline deadline) {
    try {
      return extract(data, name, mediaType, deadline, true);
    } catch (CheckException e) {
      // Tika's streaming DOCX reader throws on some valid files (e.g. tracked changes with short dates); the DOM
      // reader reads them, and is safe once the main part is known to be of bounded size
      if (e.code() == ErrorCode.CORRUPT && MediaTypes.DOCX.equals(mediaType) && e.getCause() != null
          && rootIsRuntime(e.getCause()) && domSized(data)) {
        LOG.debug("streaming DOCX reader failed ({}); reading with the DOM reader", e.getCause().toString());
        return extract(data, name, mediaType, deadline, false);
      }
      throw e;
    }
  }

  /** The main part is there and small enough to read as a DOM. */
  private static boolean domSized(byte[] docx) {
    long size = PackageScan.entrySize(docx, "word/document.xml", DOM_FALLBACK_MAX);
    return size >= 0 && size <= DOM_FALLBACK_MAX;
  }

  private static boolean rootIsRuntime(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof RuntimeException && !(root instanceof CheckException);
  }

  private ExtractedText extract(byte[] data, String name, String mediaType, Deadline deadline, boolean sax) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    ParseContext context = new ParseContext();
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true); // embedded images (thumbnails) must not be OCR'd with the wrong language
    context.set(TesseractOCRConfig.class, ocr);
    Parser parser = TikaRegistry.parser(); // built once per JVM, only when a document needs it
    context.set(Parser.class, parser);
    org.apache.tika.parser.microsoft.OfficeParserConfig office = new org.apache.tika.parser.microsoft.OfficeParserConfig();
    office.setUseSAXDocxExtractor(sax); // streams document.xml: a DOCX of a million paragraphs never becomes a DOM
    office.setExtractMacros(false);
    context.set(org.apache.tika.parser.microsoft.OfficeParserConfig.class, office);
    context.set(org.apache.tika.extractor.EmbeddedDocumentExtractor.class, new TextOnlyEmbeddedExtractor(context));
    StructuredTextHandler handler = new StructuredTextHandler(maxChars, maxLines, deadline);
    try (TikaSpool spool = new TikaSpool(); InputStream in = spool.open(data, metadata, mediaType)) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw new CheckException(ErrorCode.ENCRYPTED, "the document is password protected", e);
    } catch (SAXException e) {
      if (e.getCause() instanceof CheckException ce) {
        throw ce;
      }
      throw corrupt(e);
    } catch (TikaException | IOException | RuntimeException e) {
      if (e instanceof CheckException ce) {
        throw ce;
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
        if (root instanceof CheckException ce) {
          throw ce;
        }
        if (root instanceof org.apache.poi.EncryptedDocumentException
            || root instanceof EncryptedDocumentException) {
          throw new CheckException(ErrorCode.ENCRYPTED, "the document is password protected", e);
        }
      }
      throw corrupt(e);
    }
    String text = handler.text();
    if (text.isBlank()) {
      throw new CheckException(ErrorCode.EMPTY, "the document contains no text");
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    // Word's own page breaks give a DOCX its pages; other formats carry no page information and stay one page
    List<Page> pages = MediaTypes.DOCX.equals(mediaType) ? WordPages.pages(data, text) : List.of(new Page(1, 0, text.length()));
    return new ExtractedText(text, pages, mediaType, false, List.of());
  }

  /** Library messages name classes and temporary files: they go to the log, the caller gets a plain message. */
  private static CheckException corrupt(Exception e) {
    LOG.debug("document not readable: {}", e.toString());
    return new CheckException(ErrorCode.CORRUPT, "the document cannot be read (damaged, or not the format it claims to be)", e);
  }
}
