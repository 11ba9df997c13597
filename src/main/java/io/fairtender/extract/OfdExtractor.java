package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import io.fairtender.TempFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OFD (GB/T 33190, the national e-document format) page by page with ofdrw. The package is unpacked by
 * {@link OfdUnpacker} (entry names checked before any byte is written) into a private temporary folder that is
 * deleted on every path; ofdrw only ever reads that folder.
 */
public final class OfdExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(OfdExtractor.class);
  private final int maxPages;

  public OfdExtractor(int maxPages) {
    this.maxPages = maxPages;
  }

  public ExtractedText extract(byte[] data, Deadline deadline) {
    Path dir = TempFiles.createDir("ofd");
    try {
      OfdUnpacker.unpack(data, dir, deadline);
      // (dir, false): ofdrw reads the unpacked folder and leaves deleting it to us
      try (OFDReader reader = new OFDReader(dir.toString(), false)) {
        return read(reader, deadline);
      }
    } catch (CheckException e) {
      if (e.code() == ErrorCode.NO_TEXT_LAYER) {
        throw new CheckException(ErrorCode.NO_TEXT_LAYER, "the OFD has no readable text (scanned pages?)", e);
      }
      throw e;
    } catch (Exception | StackOverflowError e) {
      // library messages name files in the temporary folder: log them, never show them
      LOG.debug("OFD not readable: {}", e.toString());
      throw new CheckException(ErrorCode.CORRUPT, "the OFD cannot be read (missing or malformed parts)");
    } finally {
      TempFiles.delete(dir);
    }
  }

  private ExtractedText read(OFDReader reader, Deadline deadline) {
    int n = reader.getNumberOfPages();
    if (n == 0) {
      throw new CheckException(ErrorCode.EMPTY, "the OFD has no pages");
    }
    if (n > maxPages) {
      throw new CheckException(ErrorCode.TOO_LARGE, "the OFD has " + n + " pages; the limit is " + maxPages);
    }
    ContentExtractor extractor = new ContentExtractor(reader);
    List<String> pageTexts = new ArrayList<>();
    for (int p = 1; p <= n; p++) {
      deadline.check();
      pageTexts.add(String.join("\n", extractor.getPageContent(p)));
    }
    ExtractedText t = PdfExtractor.assemble(pageTexts, java.util.Set.of());
    return new ExtractedText(t.text(), t.pages(), "application/ofd", true, t.warnings());
  }
}
