package io.fairtender.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the documents under the paths given to a scan: files as they are, folders recursively (hidden files and
 * folders skipped), keeping each path relative to its root. By default only the formats the checker reads are taken;
 * {@code --include}/{@code --exclude} globs match the relative path.
 */
public final class ScanSource {
  /** File endings of the formats the checker reads. */
  private static final Set<String> DOCUMENT_ENDINGS = Set.of("pdf", "docx", "doc", "wps", "rtf", "odt", "html", "htm",
      "txt", "ofd", "zip", "json");

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;
  private final long sinceMillis;

  public ScanSource(List<String> includes, List<String> excludes, LocalDate since) {
    this.includes = includes.stream().map(ScanSource::glob).toList();
    this.excludes = excludes.stream().map(ScanSource::glob).toList();
    this.sinceMillis = since == null ? Long.MIN_VALUE : since.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
  }

  private static PathMatcher glob(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }

  /** Every document under the roots, sorted by relative path; several roots are told apart by their own names. */
  public List<ScanItem> list(List<Path> roots) throws IOException {
    List<ScanItem> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new IOException("no such file or folder: " + root);
      }
      Path abs = root.toAbsolutePath().normalize();
      String prefix = roots.size() > 1 && Files.isDirectory(abs) ? name(abs) + "/" : "";
      if (Files.isDirectory(abs)) {
        walk(abs, prefix, out);
      } else {
        add(abs, name(abs), out, true);
      }
    }
    out.sort(java.util.Comparator.comparing(ScanItem::path));
    return out;
  }

  private void walk(Path root, String prefix, List<ScanItem> out) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root) && !hidden(root.relativize(p)) && Files.isRegularFile(p)).forEach(p -> {
        String rel = prefix + root.relativize(p).toString().replace('\\', '/');
        try {
          add(p, rel, out, false);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void add(Path file, String rel, List<ScanItem> out, boolean named) throws IOException {
    Path relPath = Path.of(rel);
    if (!includes.isEmpty() ? includes.stream().noneMatch(m -> m.matches(relPath) || m.matches(relPath.getFileName()))
        : !named && !isDocument(rel)) {
      return;
    }
    if (excludes.stream().anyMatch(m -> m.matches(relPath) || m.matches(relPath.getFileName()))) {
      return;
    }
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.lastModifiedTime().toMillis() < sinceMillis) {
      return;
    }
    out.add(new ScanItem(file, rel, a.size(), a.lastModifiedTime().toMillis()));
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String name(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }

  /** True when a file name ends as a format the checker reads does. */
  public static boolean isDocument(String name) {
    return DOCUMENT_ENDINGS.contains(ending(name));
  }

  static String ending(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
