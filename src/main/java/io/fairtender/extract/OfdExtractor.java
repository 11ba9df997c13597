package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/** Reads OFD (GB/T 33190, the national e-document format) page by page with ofdrw. */
public final class OfdExtractor {
  private final int maxPages;

  public OfdExtractor(int maxPages) {
    this.maxPages = maxPages;
  }

  /**
   * Reads the whole package once before ofdrw sees it: OFDReader unpacks into a temporary folder in its constructor,
   * and a constructor that fails on a broken package would leave that folder behind.
   */
  private static void validate(byte[] data) {
    boolean root = false;
    long total = 0;
    try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new ByteArrayInputStream(data))) {
      java.util.zip.ZipEntry e;
      byte[] buf = new byte[64 * 1024];
      int entries = 0;
      while ((e = z.getNextEntry()) != null) {
        if (++entries > 10_000) {
          throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the OFD package has more than 10000 entries");
        }
        root |= e.getName().equals("OFD.xml");
        int n;
        while ((n = z.read(buf)) > 0) {
          total += n;
          if (total > 200L * Math.max(data.length, 1024)) {
            throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the OFD package expands more than 200 times");
          }
        }
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the OFD package cannot be read: " + e.getMessage(), e);
    }
    if (!root) {
      throw new CheckException(ErrorCode.CORRUPT, "not an OFD package (no OFD.xml)");
    }
  }

  public ExtractedText extract(byte[] data, Deadline deadline) {
    validate(data);
    // OFDReader unpacks into a temporary folder; close() removes it on every path
    try (OFDReader reader = new OFDReader(new ByteArrayInputStream(data))) {
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
    } catch (CheckException e) {
      if (e.code() == ErrorCode.NO_TEXT_LAYER) {
        throw new CheckException(ErrorCode.NO_TEXT_LAYER, "the OFD has no readable text (scanned pages?)", e);
      }
      throw e;
    } catch (Exception e) {
      throw new CheckException(ErrorCode.CORRUPT, "the OFD cannot be read: " + e.getMessage(), e);
    }
  }
}
