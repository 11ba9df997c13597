package io.fairtender.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: opened once, migrated to the current schema by Flyway (scripts in
 * {@code db/migration/sqlite} or {@code db/migration/postgresql}), then a source of short-lived connections. SQLite
 * runs in WAL mode with a busy timeout so that {@code fairtender keys} may write while a server is running.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private final DbSettings settings;

  private Database(DbSettings settings) {
    this.settings = settings;
  }

  /** Opens (creating the folder of an embedded database) and migrates. */
  public static Database open(DbSettings settings) {
    if (!settings.postgres()) {
      Path file = Path.of(settings.url().substring("jdbc:sqlite:".length()));
      try {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
          Files.createDirectories(dir);
          nativeLibraryBeside(dir);
        }
      } catch (java.io.IOException e) {
        throw new DatabaseException("cannot create the folder of " + file + ": " + e.getMessage(), e);
      }
    }
    Database db = new Database(settings);
    db.migrate();
    return db;
  }

  /**
   * sqlite-jdbc unpacks its native library into {@code java.io.tmpdir} unless told otherwise; the server keeps its temp
   * folder for the engine's private files only (and tests assert it stays empty), so the library goes into the data
   * folder instead (sqlite-jdbc deletes stale copies there at the next start).
   */
  private static void nativeLibraryBeside(Path dir) throws java.io.IOException {
    if (System.getProperty("org.sqlite.tmpdir") == null) {
      Path lib = dir.resolve(".sqlite-native");
      Files.createDirectories(lib);
      System.setProperty("org.sqlite.tmpdir", lib.toString());
    }
  }

  /** The version of the newest migration script ({@code V<n>__…}); a test compares it with the scripts. */
  static final int SCHEMA_VERSION = 1;

  private void migrate() {
    if (current()) {
      return; // nothing to migrate: Flyway (about 0.2 s of a server's start-up) is not loaded
    }
    String vendor = settings.postgres() ? "postgresql" : "sqlite";
    try {
      MigrateResult r = Flyway.configure(Database.class.getClassLoader())
          .dataSource(settings.url(), settings.user(), settings.password())
          .locations("classpath:db/migration/" + vendor)
          .loggers("slf4j")
          .load()
          .migrate();
      if (r.migrationsExecuted > 0) {
        LOG.info("database {} migrated to schema version {}", settings.safeUrl(), r.targetSchemaVersion);
      }
    } catch (RuntimeException e) {
      throw new DatabaseException("cannot open or migrate the database " + settings.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether Flyway's history says the newest script was applied with success. Any doubt (no history yet, another
   * version, a failed script, an error) leaves the decision to Flyway, which also validates what was applied.
   */
  boolean current() {
    try (Connection c = connect();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("select max(cast(version as integer)), min(case when success then 1 else 0 end)"
            + " from flyway_schema_history where version is not null")) {
      return rs.next() && rs.getInt(1) == SCHEMA_VERSION && rs.getInt(2) == 1;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public DbSettings settings() {
    return settings;
  }

  /** A new connection in auto-commit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    if (settings.user() != null) {
      p.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      p.setProperty("password", settings.password());
    }
    if (!settings.postgres()) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("busy_timeout", "10000");
      p.setProperty("synchronous", "NORMAL");
    }
    return DriverManager.getConnection(settings.url(), p);
  }
}
