package io.fairtender.analyse;

/** A rule file that cannot be loaded: names the file, the line when known, and the reason. */
public class RuleFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleFileException(String file, int line, String reason, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
  }
}
