package io.fairtender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@link TempFiles} at a folder of its own for each test, so that "nothing left behind" is asserted on a folder
 * no other process writes to. Register with {@code @RegisterExtension}.
 */
public final class PrivateTempDir implements BeforeEachCallback, AfterEachCallback {
  private Path dir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("fairtender-test-");
    TempFiles.setBase(dir);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TempFiles.setBase(null);
    TempFiles.delete(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Every file and folder below the private folder, relative to it. */
  public List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
