package io.fairtender.analyse;

import java.util.Locale;

/** How sure the law is: {@code violation} where it is explicit, {@code risk} where a person must judge. */
public enum Severity {
  VIOLATION, RISK, INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
