package io.fairtender.server;

import java.util.regex.Pattern;

/** Removes file paths and Java class names from problem details, so bodies never reveal server internals. */
final class DetailSanitizer {
  private static final int MAX = 300;
  /** Fully qualified Java names such as {@code java.io.IOException} or {@code org.apache.pdfbox.Foo$Bar}, with a trailing colon. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*(?::\\s*)?");
  /** Absolute Unix paths of two or more segments, Windows drive paths and file: URLs. */
  private static final Pattern PATH = Pattern.compile(
      "(?:file:)?(?:[A-Za-z]:\\\\[^\\s'\"]*|(?<![\\w.])/(?:[^/\\s'\"<>]+/)+[^/\\s'\"<>,;)]*)");

  private DetailSanitizer() {}

  static String clean(String detail) {
    if (detail == null) {
      return null;
    }
    String s = PATH.matcher(detail).replaceAll("[path]");
    s = CLASS_NAME.matcher(s).replaceAll("");
    s = s.strip();
    return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
  }
}
