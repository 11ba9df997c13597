package io.fairtender.server.auth;

import io.fairtender.server.db.Database;
import io.fairtender.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code api_keys} table: create, list, revoke, and the valid keys by hash. */
public final class KeyStore {
  private static final String COLUMNS = "id, tenant, is_admin, max_concurrent, daily_quota, created_at, revoked_at";
  private final Database db;

  public KeyStore(Database db) {
    this.db = db;
  }

  /** A new key and its secret, which exists only in this result (it is printed once, then forgotten). */
  public record Created(ApiKey key, String secret) {}

  public Created create(String tenant, boolean admin, int maxConcurrent, int dailyQuota, long nowMs) {
    ApiKey key = new ApiKey(Secrets.newId(), tenant, admin, maxConcurrent, dailyQuota, nowMs, null);
    String secret = Secrets.newKey();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_keys (id, tenant, key_hash, is_admin, max_concurrent, daily_quota, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, key.id());
      ps.setString(2, key.tenant());
      ps.setString(3, Secrets.hash(secret));
      ps.setInt(4, admin ? 1 : 0);
      ps.setInt(5, maxConcurrent);
      ps.setInt(6, dailyQuota);
      ps.setLong(7, nowMs);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException("cannot store the key: " + e.getMessage(), e);
    }
    return new Created(key, secret);
  }

  /** All keys, revoked ones included, oldest first. */
  public List<ApiKey> list() {
    List<ApiKey> out = new ArrayList<>();
    query("SELECT " + COLUMNS + ", key_hash FROM api_keys ORDER BY created_at, id", (k, h) -> out.add(k));
    return out;
  }

  /** The keys not revoked, by the hash of their secret. */
  public Map<String, ApiKey> valid() {
    Map<String, ApiKey> out = new HashMap<>();
    query("SELECT " + COLUMNS + ", key_hash FROM api_keys WHERE revoked_at IS NULL", (k, h) -> out.put(h, k));
    return out;
  }

  /** True once any key was created, revoked ones included. */
  public boolean anyEver() {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM api_keys");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the keys: " + e.getMessage(), e);
    }
  }

  /** Revokes a key; false when there is no such valid key. */
  public boolean revoke(String id, long nowMs) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      ps.setLong(1, nowMs);
      ps.setString(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DatabaseException("cannot revoke the key: " + e.getMessage(), e);
    }
  }

  private interface RowSink {
    void accept(ApiKey key, String hash);
  }

  private void query(String sql, RowSink sink) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long revoked = rs.getLong(7);
        Long revokedAt = rs.wasNull() ? null : revoked;
        sink.accept(new ApiKey(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4), rs.getInt(5), rs.getLong(6),
            revokedAt), rs.getString(8));
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the keys: " + e.getMessage(), e);
    }
  }
}
