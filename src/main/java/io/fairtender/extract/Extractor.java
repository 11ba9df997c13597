package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.IOException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/** Detects a document's format and hands it to the extractor that reads it. Thread-safe. */
public final class Extractor {
  private final PdfExtractor pdf;
  private final TikaExtractor tika;
  private final PlainTextExtractor plain;
  private final JsonExtractor json;
  private final ZipExtractor zip;
  private final OfdExtractor ofd;
  private final int maxChars;
  /** An entry may not expand beyond the largest document accepted (100 MB), a package beyond four times that. */
  private final ZipExtractor.Limits packageLimits = ZipExtractor.Limits.defaults(100L << 20);

  public Extractor(int maxPages, int maxChars) {
    this(maxPages, maxChars, true);
  }

  public Extractor(int maxPages, int maxChars, boolean ocr) {
    this(maxPages, maxChars, ocr ? Ocr.defaults() : null, 50, Integer.MAX_VALUE);
  }

  /**
   * An extractor reading at most {@code maxOcrPages} pages per document with {@code ocr} (null: no OCR), and refusing
   * text of more than {@code maxChars} chars or {@code maxLines} paragraphs.
   */
  public Extractor(int maxPages, int maxChars, Ocr ocr, int maxOcrPages, int maxLines) {
    this.pdf = new PdfExtractor(maxPages, ocr, maxOcrPages, maxChars);
    this.tika = new TikaExtractor(maxChars, maxLines);
    this.plain = new PlainTextExtractor(maxChars, maxLines);
    this.json = new JsonExtractor(tika);
    this.zip = new ZipExtractor(packageLimits, maxChars);
    this.maxChars = maxChars;
    this.ofd = new OfdExtractor(maxPages);
  }

  public ExtractedText extract(byte[] data, String name, String declaredType, Deadline deadline) {
    return extract(data, name, declaredType, deadline, io.fairtender.Progress.NONE);
  }

  /** As above, telling {@code progress} of the pages of a PDF as they are read (text layer, then OCR). */
  public ExtractedText extract(byte[] data, String name, String declaredType, Deadline deadline, io.fairtender.Progress progress) {
    ExtractedText t = extract(data, name, declaredType, deadline, 0, progress);
    if (t.text().length() > maxChars) {
      throw new CheckException(ErrorCode.TOO_LARGE, "the document has more than " + maxChars + " characters");
    }
    return t;
  }

  private ExtractedText extract(byte[] data, String name, String declaredType, Deadline deadline, int depth,
      io.fairtender.Progress progress) {
    if (data.length == 0) {
      throw new CheckException(ErrorCode.EMPTY, "the document is empty (0 bytes)");
    }
    byte[] utf16 = startsWith(data, "%PDF-") || startsWith(data, "PK") ? null : Utf16Sniffer.toUtf8(data);
    if (utf16 != null) {
      return tika.extract(utf16, name, MediaTypes.TEXT, deadline);
    }
    ExtractedText text = startsWith(data, "%PDF-") || startsWith(data, "PK") ? null
        : plain.extract(data, name, declaredType, deadline);
    if (text != null) {
      return text;
    }
    String type = namedWord(data, name) ? MediaTypes.DOCX : detect(data, name, declaredType);
    if (MediaTypes.PDF.equals(type)) {
      return depth == 0 ? pdf.extract(data, deadline, progress) : pdf.extract(data, deadline);
    }
    if (type.equals("application/ofd") || (type.equals("application/zip") && isOfd(data, name))) {
      return ofd.extract(data, deadline);
    }
    if (type.equals("application/zip")) {
      return zip.extract(data, depth, (bytes, entryName, d) -> extract(bytes, entryName, null, deadline, d, io.fairtender.Progress.NONE), deadline);
    }
    if (type.equals("application/json")) {
      return json.extract(data, deadline);
    }
    if (MediaTypes.TIKA_TYPES.contains(type)) {
      if (startsWith(data, "PK")) {
        PackageScan.check(data, packageLimits, deadline); // DOCX, ODT, WPS are ZIP packages too
      }
      return tika.extract(data, name, type, deadline);
    }
    throw new CheckException(ErrorCode.UNSUPPORTED_FORMAT, "unsupported format: " + type
        + " (supported: PDF, DOCX, DOC, WPS, RTF, ODT, HTML, plain text, JSON exports, OFD, ZIP packages of these)");
  }

  /**
   * A file named .docx whose package holds word/document.xml is a DOCX: Tika's detector (which opens the whole
   * package, about 5% of reading a Word file) would say so too.
   */
  private static boolean namedWord(byte[] data, String name) {
    return startsWith(data, "PK") && MediaTypes.DOCX.equals(MediaTypes.fromFileName(name))
        && PackageScan.hasEntry(data, "word/document.xml");
  }

  /** The media type from the bytes; the name and declared type only break ties. */
  public String detect(byte[] data, String name, String declaredType) {
    if (startsWith(data, "%PDF-")) {
      return MediaTypes.PDF;
    }
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    String declared = MediaTypes.base(declaredType);
    if (declared != null && !declared.equals("application/octet-stream")) {
      metadata.set(Metadata.CONTENT_TYPE, declared);
    }
    MediaType detected;
    // the OLE2 detector copies the document to a spool file: the stream and its folder are closed here
    try (TikaSpool spool = new TikaSpool(); TikaInputStream in = spool.open(data, new Metadata())) {
      detected = TikaRegistry.detector().detect(in, metadata);
    } catch (IOException | RuntimeException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the document cannot be read", e);
    }
    String type = detected.getBaseType().toString();
    if (type.equals("application/x-tika-ooxml") || type.equals("application/x-tika-msoffice")
        || type.equals("application/zip") && MediaTypes.DOCX.equals(MediaTypes.fromFileName(name))) {
      String byName = MediaTypes.fromFileName(name);
      if (byName != null) {
        return byName;
      }
    }
    if (type.startsWith("text/") && !type.equals(MediaTypes.HTML) && !type.equals("text/rtf")) {
      return MediaTypes.TEXT;
    }
    if (type.equals("text/rtf")) {
      return MediaTypes.RTF;
    }
    return type;
  }

  /** An OFD is a ZIP whose root holds OFD.xml. */
  private static boolean isOfd(byte[] data, String name) {
    if (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".ofd")) {
      return true;
    }
    try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(data))) {
      java.util.zip.ZipEntry e;
      int n = 0;
      while ((e = z.getNextEntry()) != null && n++ < 50) {
        if (e.getName().equals("OFD.xml")) {
          return true;
        }
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
    return false;
  }

  private static boolean startsWith(byte[] data, String magic) {
    if (data.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (data[i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
