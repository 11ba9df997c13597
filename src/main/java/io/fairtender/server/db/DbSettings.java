package io.fairtender.server.db;

import java.nio.file.Path;

/**
 * Where the server keeps its state (API keys, audit log): a JDBC URL with optional credentials.
 *
 * @param url {@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}
 * @param user database user, or null
 * @param password database password, or null
 */
public record DbSettings(String url, String user, String password) {
  /** The file name of the embedded database inside the data folder. */
  public static final String FILE_NAME = "fairtender.db";

  public DbSettings {
    if (url == null || !(url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException("the database URL must start with jdbc:sqlite: or jdbc:postgresql:, not '" + url + "'");
    }
  }

  /** The embedded SQLite database {@code <dataDir>/fairtender.db}. */
  public static DbSettings embedded(Path dataDir) {
    return new DbSettings("jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(FILE_NAME), null, null);
  }

  /**
   * The settings an operator gave: a JDBC URL (with user and password, else from {@code FAIRTENDER_DB_USER} and
   * {@code FAIRTENDER_DB_PASSWORD}), else the embedded database in {@code dataDir}; null when neither is given.
   */
  public static DbSettings resolve(String url, String user, String password, Path dataDir) {
    if (url != null && !url.isBlank()) {
      return new DbSettings(url.strip(), user != null ? user : System.getenv("FAIRTENDER_DB_USER"),
          password != null ? password : System.getenv("FAIRTENDER_DB_PASSWORD"));
    }
    return dataDir == null ? null : embedded(dataDir);
  }

  public boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL without credentials that a user may have written into it, for messages. */
  public String safeUrl() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  @Override
  public String toString() {
    return "DbSettings[" + safeUrl() + "]";
  }
}
