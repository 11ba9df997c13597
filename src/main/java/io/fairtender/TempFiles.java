package io.fairtender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place where the engine writes temporary files (OCR page images, unpacked OFD packages, Tika spool files).
 * Every folder is {@code fairtender-<pid>-<purpose>-<random>} under the base folder (system property
 * {@code fairtender.tmpdir}, else {@code java.io.tmpdir}), readable by the owner only, and deleted by its user in a
 * finally block; {@link #sweepStale()} removes the folders of processes that died without cleaning up (kill -9).
 */
public final class TempFiles {
  private static final Pattern OWN = Pattern.compile("fairtender-(\\d+)-.*");
  private static final long PID = ProcessHandle.current().pid();
  private static volatile Path base;

  private TempFiles() {}

  /** The folder temporary folders are created in. */
  public static Path base() {
    Path b = base;
    if (b != null) {
      return b;
    }
    String configured = System.getProperty("fairtender.tmpdir");
    return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
  }

  /** Points temporary folders at {@code dir} (null: back to the default); for start-up options and tests. */
  public static void setBase(Path dir) {
    base = dir;
  }

  /** A new private folder for one piece of work; the caller deletes it with {@link #delete(Path)} in a finally block. */
  public static Path createDir(String purpose) {
    try {
      Path b = base();
      Files.createDirectories(b);
      String prefix = "fairtender-" + PID + "-" + purpose + "-";
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        return Files.createTempDirectory(b, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      return Files.createTempDirectory(b, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
  }

  /** Deletes a folder and everything below it; best effort, never throws. Null is ignored. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(TempFiles.class).warn("could not delete temporary folder {}: {}", dir, e.toString());
    }
  }

  /** Deletes the temporary folders of FairTender processes that are no longer running (kill -9); returns how many. */
  public static int sweepStale() {
    int removed = 0;
    try (Stream<Path> children = Files.list(base())) {
      for (Path p : children.toList()) {
        Matcher m = OWN.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !running(m.group(1))) {
          delete(p);
          removed++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      org.slf4j.LoggerFactory.getLogger(TempFiles.class).warn("could not sweep {}: {}", base(), e.toString());
    }
    return removed;
  }

  private static boolean running(String pid) {
    try {
      long id = Long.parseLong(pid);
      return id == PID || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a name we wrote: leave it alone
    }
  }
}
