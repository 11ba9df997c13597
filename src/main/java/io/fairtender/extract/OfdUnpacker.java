package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an OFD package (a ZIP) into a folder, bounded like a ZIP package. Every entry name is checked before any
 * byte is written: no {@code ..} segment, no absolute path, no drive letter, no backslash, no control char; the
 * resolved path must stay inside the folder. A bad name refuses the whole package without echoing it.
 */
final class OfdUnpacker {
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_RATIO = 200;

  private OfdUnpacker() {}

  static void unpack(byte[] data, Path dir, Deadline deadline) {
    Path root = dir.toAbsolutePath().normalize();
    boolean hasRoot = false;
    long total = 0;
    long budget = (long) MAX_RATIO * Math.max(data.length, 1024);
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry e;
      int entries = 0;
      byte[] buf = new byte[64 * 1024];
      while ((e = nextEntry(z)) != null) {
        deadline.check();
        if (++entries > MAX_ENTRIES) {
          throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the OFD package has more than " + MAX_ENTRIES + " entries");
        }
        String name = e.getName();
        if (!isSafeName(name)) {
          throw new CheckException(ErrorCode.CORRUPT, "the OFD package has an entry whose name points outside the package");
        }
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new CheckException(ErrorCode.CORRUPT, "the OFD package has an entry whose name points outside the package");
        }
        hasRoot |= name.equals("OFD.xml");
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          int n;
          while ((n = z.read(buf)) > 0) {
            total += n;
            if (total > budget) {
              throw new CheckException(ErrorCode.PACKAGE_LIMIT, "the OFD package expands more than " + MAX_RATIO + " times");
            }
            out.write(buf, 0, n);
          }
        }
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the OFD package holds the same entry twice");
    } catch (IOException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the OFD package cannot be read (damaged ZIP)");
    }
    if (!hasRoot) {
      throw new CheckException(ErrorCode.CORRUPT, "not an OFD package (no OFD.xml)");
    }
  }

  /** A relative, forward-slash path of ordinary segments. */
  static boolean isSafeName(String name) {
    if (name == null || name.isEmpty() || name.length() > 1024 || name.startsWith("/") || name.indexOf('\\') >= 0) {
      return false;
    }
    if (name.length() >= 2 && name.charAt(1) == ':') {
      return false; // a drive letter (C:...)
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == ':') {
        return false;
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static ZipEntry nextEntry(ZipInputStream z) throws IOException {
    try {
      return z.getNextEntry();
    } catch (IllegalArgumentException badName) {
      throw new java.util.zip.ZipException("bad entry name");
    }
  }
}
