package io.fairtender;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link Checker} is set up; fixed for its lifetime.
 *
 * @param maxBytes largest document accepted
 * @param maxPages largest PDF page count accepted
 * @param maxChars largest extracted text accepted
 * @param timeLimit time allowed per document (zero: none)
 * @param ruleDirs extra folders of rule files, loaded after the built-in catalogue
 */
public record CheckerConfig(long maxBytes, int maxPages, int maxChars, Duration timeLimit, List<Path> ruleDirs) {

  public CheckerConfig {
    ruleDirs = List.copyOf(ruleDirs);
    if (maxBytes <= 0 || maxPages <= 0 || maxChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 100 MB, 3000 pages, 20 million chars, 120 s per document, built-in rules only. */
  public static CheckerConfig defaults() {
    return new CheckerConfig(100L << 20, 3000, 20_000_000, Duration.ofSeconds(120), List.of());
  }

  public CheckerConfig withMaxBytes(long v) {
    return new CheckerConfig(v, maxPages, maxChars, timeLimit, ruleDirs);
  }

  public CheckerConfig withTimeLimit(Duration v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, v, ruleDirs);
  }

  public CheckerConfig withRuleDirs(List<Path> v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, v);
  }
}
