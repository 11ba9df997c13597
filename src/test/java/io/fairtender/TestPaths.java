package io.fairtender;

import java.nio.file.Path;

/** Where the project and its fixtures are when tests run. */
public final class TestPaths {
  private TestPaths() {}

  public static Path project() {
    String dir = System.getProperty("fairtender.projectDir");
    return dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
  }
}
