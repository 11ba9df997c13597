package io.fairtender.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The per-document report files of a scan, at the document's relative path under {@code reports/} plus
 * {@code .json} and {@code .html}. Each is written to a temporary name and moved into place, so a scan killed while
 * writing leaves no half-written report.
 */
final class ReportFiles {
  private final Path dir;

  ReportFiles(Path dir) {
    this.dir = dir;
  }

  /** The report file of a document, relative to the output folder. */
  static String relative(String path, String ending) {
    return "reports/" + path + ending;
  }

  void writeJson(String path, String json) throws IOException {
    write(target(path, ".json"), json);
  }

  void writeHtml(String path, String html) throws IOException {
    write(target(path, ".html"), html);
  }

  void writeSarif(String path, String sarif) throws IOException {
    write(target(path, ".sarif"), sarif);
  }

  /** The same bytes under a second name: its HTML and SARIF reports are the first one's. */
  void copyOthers(String sha, ScanState state, String path) throws IOException {
    java.util.Optional<String> first = state.otherPath(sha, path);
    if (first.isEmpty()) {
      return;
    }
    for (String ending : java.util.List.of(".html", ".sarif")) {
      if (Files.exists(target(first.get(), ending))) {
        Path to = target(path, ending);
        Files.createDirectories(to.getParent());
        Files.copy(target(first.get(), ending), to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private Path target(String path, String ending) {
    Path p = dir.resolve(path + ending).normalize();
    if (!p.startsWith(dir)) {
      throw new UncheckedIOException(new IOException("report path outside the output folder: " + path));
    }
    return p;
  }

  private static void write(Path to, String text) throws IOException {
    Files.createDirectories(to.getParent());
    Path tmp = to.resolveSibling(to.getFileName() + ".part");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
