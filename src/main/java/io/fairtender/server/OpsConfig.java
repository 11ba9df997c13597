package io.fairtender.server;

import io.fairtender.server.db.DbSettings;
import java.util.List;

/**
 * How the server is operated: its database (API keys, audit log), whether keys are required even before one exists,
 * how long audit rows are kept, and which browser origins may call it.
 *
 * @param db the database, or null for none (no audit log; keys off)
 * @param requireKeys refuse /v1/* without a valid key even when no key exists yet
 * @param auditDays days audit rows are kept
 * @param corsOrigins origins allowed cross-origin access ("*" for any); empty = CORS off
 */
public record OpsConfig(DbSettings db, boolean requireKeys, int auditDays, List<String> corsOrigins) {
  public static final int DEFAULT_AUDIT_DAYS = 90;

  public OpsConfig {
    if (auditDays < 1) {
      throw new IllegalArgumentException("audit-days must be at least 1, not " + auditDays);
    }
    if (requireKeys && db == null) {
      throw new IllegalArgumentException("require-keys needs a database for the keys (--data-dir or --db-url)");
    }
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** The embedded database in the server's data folder (none when it has none), keys as they are, CORS off. */
  public static OpsConfig of(ServerConfig config) {
    return new OpsConfig(config.dataDir() == null ? null : DbSettings.embedded(config.dataDir()), false,
        DEFAULT_AUDIT_DAYS, List.of());
  }
}
