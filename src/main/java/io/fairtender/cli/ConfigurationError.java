package io.fairtender.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * A setting the process cannot start with (a rule folder, rule setting, policy file, port): the command prints one
 * line naming the setting and exits with the usage code, without a stack trace.
 */
final class ConfigurationError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigurationError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Wraps a failure while applying {@code setting} with a one-line reason a person can act on. */
  static ConfigurationError of(String setting, Throwable e) {
    return new ConfigurationError(setting + ": " + reason(e), e);
  }

  /** The innermost useful message, on one line, with the file names the user gave but no class names. */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t
        && (t instanceof java.io.UncheckedIOException || t.getMessage() == null || t.getMessage().startsWith(t.getCause().getClass().getName()))) {
      t = t.getCause();
    }
    if (t instanceof NoSuchFileException nf) {
      return "no such file or folder: " + nf.getFile();
    }
    if (t instanceof AccessDeniedException ad) {
      return "permission denied: " + ad.getFile();
    }
    if (t instanceof java.net.BindException) {
      return "the address is in use or not available";
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\b(?:java|javax|jakarta|com|org|io)\\.[A-Za-z0-9_.$]+\\.([A-Z][A-Za-z0-9_$]*)", "$1");
    int nl = m.indexOf('\n');
    java.util.regex.Matcher where = java.util.regex.Pattern.compile("line \\d+, column \\d+").matcher(m);
    String first = (nl < 0 ? m : m.substring(0, nl)).strip();
    return nl >= 0 && where.find(nl) ? first + " (" + where.group() + ")" : first;
  }
}
