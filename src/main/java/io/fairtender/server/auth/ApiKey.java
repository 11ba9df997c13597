package io.fairtender.server.auth;

/**
 * A stored API key (its secret is never stored, only the SHA-256 of it).
 *
 * @param id public identifier, shown by {@code keys list} and used by {@code keys revoke}
 * @param tenant the tenant the key acts for
 * @param admin may read the audit log and metrics
 * @param maxConcurrent checks the tenant may run at once with this key (0 = no limit beyond the server's)
 * @param dailyQuota check requests the tenant may make per UTC day with this key (0 = no limit)
 * @param createdAtMs creation time, epoch ms
 * @param revokedAtMs revocation time, or null while valid
 */
public record ApiKey(String id, String tenant, boolean admin, int maxConcurrent, int dailyQuota, long createdAtMs,
    Long revokedAtMs) {
  /** Tenant names: short and plain, as they appear in logs, metrics and the audit log. */
  public static final java.util.regex.Pattern TENANT = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public ApiKey {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant must be 1-64 letters, digits, '.', '_' or '-', not '" + tenant + "'");
    }
    if (maxConcurrent < 0 || dailyQuota < 0) {
      throw new IllegalArgumentException("max-concurrent and daily-quota must not be negative");
    }
  }

  public boolean revoked() {
    return revokedAtMs != null;
  }
}
