package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates a ZIP-based document (DOCX, ODT, WPS) once into nothing, counting, before a parser builds anything from it:
 * a 2 MB DOCX whose entry inflates to gigabytes is refused as a package bomb instead of filling the heap. Memory use is
 * one buffer. A package this scan cannot read is left to the parser, which reports it in its own terms.
 */
final class PackageScan {
  private PackageScan() {}

  static void check(byte[] data, ZipExtractor.Limits limits, Deadline deadline) {
    long budget = Math.min(limits.maxTotalBytes(), (long) limits.maxRatio() * Math.max(data.length, 1024));
    long total = 0;
    int entries = 0;
    byte[] buf = new byte[64 * 1024];
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (++entries > limits.maxEntries() * 10) {
          throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the document package has too many parts");
        }
        long entry = 0;
        int n;
        while ((n = z.read(buf)) > 0) {
          entry += n;
          total += n;
          if (entry > limits.maxEntryBytes() || total > budget) {
            throw new CheckException(ErrorCode.PACKAGE_LIMIT,
                "the document expands beyond " + (total > budget ? budget : limits.maxEntryBytes()) + " bytes when unpacked (a zip bomb?)");
          }
          if ((total & 0x3ffffff) < n) {
            deadline.check(); // about every 64 MB
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not readable as a plain ZIP stream; the parser will say what is wrong with it
    }
  }

  /** The inflated size of one entry, counted up to {@code cap} (cap + 1 when larger; -1 when there is no such entry). */
  static long entrySize(byte[] data, String name, long cap) {
    byte[] buf = new byte[64 * 1024];
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (!e.getName().equals(name)) {
          continue;
        }
        long size = 0;
        int n;
        while ((n = z.read(buf)) > 0) {
          size += n;
          if (size > cap) {
            return cap + 1;
          }
        }
        return size;
      }
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Whether the package's central directory names {@code entry}, read without inflating anything (false for what
   * is not a readable ZIP).
   */
  static boolean hasEntry(byte[] data, String entry) {
    try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
        .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(data)).get()) {
      return zip.getEntry(entry) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
