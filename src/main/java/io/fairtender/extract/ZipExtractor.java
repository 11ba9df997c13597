package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads ZIP packages of tender files: every entry is extracted like a document of its own and its pages are appended,
 * labelled with the entry's path. Bounded against zip bombs: entry count, bytes per entry, total expanded bytes,
 * expansion ratio and nesting depth.
 */
public final class ZipExtractor {
  /** Limits on what a package may expand to. */
  public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, int maxDepth) {
    public static Limits defaults(long maxBytes) {
      return new Limits(1000, maxBytes, maxBytes * 4, 200, 2);
    }
  }

  /** Reads one entry's bytes as a document (the {@link Extractor}). */
  public interface EntryReader {
    ExtractedText read(byte[] data, String name, int depth);
  }

  private final Limits limits;
  private final int maxChars;

  public ZipExtractor(Limits limits) {
    this(limits, Integer.MAX_VALUE);
  }

  /** Refuses a package whose entries together hold more than {@code maxChars} chars of text. */
  public ZipExtractor(Limits limits, int maxChars) {
    this.limits = limits;
    this.maxChars = maxChars;
  }

  public ExtractedText extract(byte[] data, int depth, EntryReader reader, Deadline deadline) {
    if (depth > limits.maxDepth()) {
      throw new CheckException(ErrorCode.PACKAGE_LIMIT, "ZIP packages are nested deeper than " + limits.maxDepth() + " levels");
    }
    StringBuilder text = new StringBuilder();
    List<Page> pages = new ArrayList<>();
    List<ExtractionWarning> warnings = new ArrayList<>();
    int entries = 0;
    long total = 0;
    // names are read byte for byte (ISO-8859-1), then decoded as UTF-8 when valid, else as GB18030 (Chinese Windows)
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data), java.nio.charset.StandardCharsets.ISO_8859_1)) {
      ZipEntry raw;
      while ((raw = nextEntry(zip)) != null) {
        ZipEntry e = new ZipEntry(entryName(raw.getName()));
        deadline.check();
        if (e.isDirectory() || e.getName().startsWith("__MACOSX/") || e.getName().endsWith(".DS_Store")) {
          continue;
        }
        if (++entries > limits.maxEntries()) {
          throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the ZIP package has more than " + limits.maxEntries() + " entries");
        }
        byte[] bytes = readBounded(zip, e.getName(), limits.maxEntryBytes(), limits.maxTotalBytes() - total);
        total += bytes.length;
        if (total > (long) limits.maxRatio() * Math.max(data.length, 1024)) {
          throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the ZIP package expands more than " + limits.maxRatio() + " times (a zip bomb?)");
        }
        ExtractedText part;
        try {
          part = reader.read(bytes, baseName(e.getName()), depth + 1);
        } catch (CheckException ce) {
          if (ce.code() == ErrorCode.PACKAGE_LIMIT || ce.code() == ErrorCode.TOO_LARGE || ce.code() == ErrorCode.TIME_LIMIT) {
            throw ce;
          }
          warnings.add(new ExtractionWarning("ENTRY_SKIPPED", null, e.getName(), ce.code() + ": " + ce.getMessage()));
          continue;
        }
        int pageBase = pages.size();
        int offset = text.length() + (text.length() > 0 ? 1 : 0);
        if (text.length() > 0) {
          text.append('\n');
        }
        if ((long) text.length() + part.text().length() > maxChars) {
          throw new CheckException(ErrorCode.TOO_LARGE, "the package's documents together have more than " + maxChars + " characters");
        }
        text.append(part.text());
        for (Page p : part.pages()) {
          String entry = p.entry() == null ? e.getName() : e.getName() + "!/" + p.entry();
          pages.add(new Page(pageBase + p.number(), offset + p.start(), offset + p.end(), entry, p.layout() || part.layoutText(), p.ocr()));
        }
        for (ExtractionWarning w : part.warnings()) {
          warnings.add(new ExtractionWarning(w.code(), w.page() == null ? null : pageBase + w.page(),
              w.entry() == null ? e.getName() : e.getName() + "!/" + w.entry(), w.detail()));
        }
      }
    } catch (ZipException ex) {
      if (isEncrypted(data) || String.valueOf(ex.getMessage()).contains("encrypted")) {
        throw new CheckException(ErrorCode.ENCRYPTED, "the ZIP package is password protected", ex);
      }
      throw new CheckException(ErrorCode.CORRUPT, "the ZIP package cannot be read (damaged)", ex);
    } catch (IOException ex) {
      throw new CheckException(ErrorCode.CORRUPT, "the ZIP package cannot be read (damaged)", ex);
    }
    if (pages.isEmpty()) {
      throw new CheckException(ErrorCode.EMPTY, "the ZIP package holds no document that could be read"
          + (warnings.isEmpty() ? "" : " (" + warnings.size() + " entries skipped)"));
    }
    return new ExtractedText(text.toString(), pages, "application/zip", false, warnings);
  }

  /** A name read as ISO-8859-1 bytes, decoded as UTF-8 when that is valid, else as GB18030. */
  static String entryName(String latin1) {
    for (int i = 0; i < latin1.length(); i++) {
      if (latin1.charAt(i) > 0xff) {
        return latin1; // the entry carries the UTF-8 flag and was decoded already
      }
    }
    byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
    }
  }

  /** True when an entry of the central directory (or, failing that, the first local header) has the encryption flag. */
  static boolean isEncrypted(byte[] data) {
    for (int i = data.length - 46; i >= 0; i--) {
      if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 1 && data[i + 3] == 2 && (data[i + 8] & 1) != 0) {
        return true;
      }
    }
    return data.length > 8 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4 && (data[6] & 1) != 0;
  }

  private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (IllegalArgumentException badName) {
      throw new ZipException("bad entry name");
    }
  }

  private static byte[] readBounded(ZipInputStream zip, String name, long maxEntry, long maxLeft) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long n = 0;
    int r;
    while ((r = zip.read(buf)) > 0) {
      n += r;
      if (n > maxEntry) {
        throw new CheckException(ErrorCode.PACKAGE_LIMIT, "ZIP entry " + name + " expands beyond " + maxEntry + " bytes");
      }
      if (n > maxLeft) {
        throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the ZIP package expands beyond the total limit");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  private static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT).isEmpty() ? path : path.substring(slash + 1);
  }
}
