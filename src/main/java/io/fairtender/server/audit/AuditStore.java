package io.fairtender.server.audit;

import io.fairtender.server.db.Database;
import io.fairtender.server.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code audit_log} table: batch inserts, cursor pages, retention and per-tenant counts. */
public final class AuditStore {
  private static final String COLUMNS = "tenant, at_ms, request_id, sha256, bytes, pages, ocr_pages, media_type, profile,"
      + " as_of, duration_ms, outcome, violations, risks, infos";
  private final Database db;

  public AuditStore(Database db) {
    this.db = db;
  }

  /** Writes the records in one transaction. */
  public void insert(List<AuditRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (AuditRecord r : records) {
          ps.setString(1, r.tenant());
          ps.setLong(2, r.atMillis());
          ps.setString(3, r.requestId());
          ps.setString(4, r.sha256());
          ps.setLong(5, r.bytes());
          setInt(ps, 6, r.pages());
          setInt(ps, 7, r.ocrPages());
          ps.setString(8, r.mediaType());
          ps.setString(9, r.profile());
          ps.setString(10, r.asOf());
          ps.setLong(11, r.durationMs());
          ps.setString(12, r.outcome());
          ps.setInt(13, r.violations());
          ps.setInt(14, r.risks());
          ps.setInt(15, r.infos());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot write " + records.size() + " audit rows: " + e.getMessage(), e);
    }
  }

  /**
   * Rows in id order after {@code afterId}, optionally of one tenant and within [{@code fromMs}, {@code toMs}).
   *
   * @param limit at most this many rows
   */
  public List<AuditRecord> page(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT id, " + COLUMNS + " FROM audit_log WHERE id > ?");
    List<Object> args = new ArrayList<>();
    args.add(q.afterId());
    if (q.tenant() != null) {
      sql.append(" AND tenant = ?");
      args.add(q.tenant());
    }
    if (q.fromMs() != null) {
      sql.append(" AND at_ms >= ?");
      args.add(q.fromMs());
    }
    if (q.toMs() != null) {
      sql.append(" AND at_ms < ?");
      args.add(q.toMs());
    }
    sql.append(" ORDER BY id LIMIT ").append(q.limit());
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<AuditRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new AuditRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
              rs.getLong(6), integer(rs, 7), integer(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11),
              rs.getLong(12), rs.getString(13), rs.getInt(14), rs.getInt(15), rs.getInt(16)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("cannot read the audit log: " + e.getMessage(), e);
    }
  }

  /** Deletes rows older than {@code beforeMs}; returns how many. */
  public int purgeBefore(long beforeMs) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE at_ms < ?")) {
      ps.setLong(1, beforeMs);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseException("cannot purge the audit log: " + e.getMessage(), e);
    }
  }

  /** Rows per tenant since {@code sinceMs} (to resume daily quotas after a restart). */
  public Map<String, Long> countByTenantSince(long sinceMs) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT tenant, COUNT(*) FROM audit_log WHERE at_ms >= ? GROUP BY tenant")) {
      ps.setLong(1, sinceMs);
      Map<String, Long> out = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("cannot count the audit log: " + e.getMessage(), e);
    }
  }

  /** All rows. */
  public long count() {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new DatabaseException("cannot count the audit log: " + e.getMessage(), e);
    }
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
