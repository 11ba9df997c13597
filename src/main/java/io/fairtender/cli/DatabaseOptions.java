package io.fairtender.cli;

import io.fairtender.server.db.DbSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the server's database is, shared by {@code serve} and {@code keys}: the embedded SQLite file in the data
 * folder, or a PostgreSQL server by JDBC URL.
 */
public final class DatabaseOptions {
  @Option(names = "--db-url", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "JDBC_URL", description = "PostgreSQL instead of the embedded database, e.g. jdbc:postgresql://db:5432/fairtender (env FAIRTENDER_DB_URL).")
  String url;

  @Option(names = "--db-user", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "USER", description = "Database user (env FAIRTENDER_DB_USER).")
  String user;

  @Option(names = "--db-password", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "PASSWORD", description = "Database password; prefer env FAIRTENDER_DB_PASSWORD, which other users cannot see in the process list.")
  String password;

  /** The settings: {@code --db-url} (or env), else the embedded database in {@code dataDir}. */
  DbSettings settings(Path dataDir) {
    String u = url != null ? url : System.getenv("FAIRTENDER_DB_URL");
    try {
      return DbSettings.resolve(u, user, password, dataDir);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("--db-url: " + e.getMessage(), null);
    }
  }

  /**
   * The data folder when none is given: {@code $FAIRTENDER_DATA_DIR}, else {@code $XDG_DATA_HOME/fairtender}, else
   * {@code ~/.local/share/fairtender} (the XDG default).
   */
  static Path defaultDataDir() {
    String dir = System.getenv("FAIRTENDER_DATA_DIR");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "fairtender");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "fairtender");
  }
}
