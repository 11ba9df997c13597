package io.fairtender.scan;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a scan has done, in an SQLite database in its output folder ({@code scan.db}), so that a scan killed at any
 * point and started again skips what is done. Documents are keyed by their relative path and SHA-256; a report is
 * stored once per SHA-256, so the same file under two names is checked once and reported under both. Thread-safe.
 */
public final class ScanState implements AutoCloseable {
  /** A recorded document. */
  public record Row(String path, String sha256, long bytes, long modified, String status, String errorCode,
      String errorMessage) {
    public boolean failed() {
      return "failed".equals(status);
    }
  }

  private final Connection db;

  private ScanState(Connection db) {
    this.db = db;
  }

  public static ScanState open(Path outDir) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + outDir.resolve("scan.db").toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("CREATE TABLE IF NOT EXISTS report (sha256 TEXT PRIMARY KEY, json TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS document (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,"
            + " modified INTEGER NOT NULL, status TEXT NOT NULL, error_code TEXT, error_message TEXT, checked_at TEXT NOT NULL)");
      }
      return new ScanState(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the scan database in " + outDir + ": " + e.getMessage(), e);
    }
  }

  public synchronized Optional<Row> document(String path) {
    try (PreparedStatement p = db.prepareStatement("SELECT * FROM document WHERE path = ?")) {
      p.setString(1, path);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored report (compact JSON) of a document with this SHA-256. */
  public synchronized Optional<String> report(String sha256) {
    try (PreparedStatement p = db.prepareStatement("SELECT json FROM report WHERE sha256 = ?")) {
      p.setString(1, sha256);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records a checked document and its report in one transaction. */
  public synchronized void done(ScanItem item, String sha256, String reportJson) {
    transaction(() -> {
      try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO report (sha256, json) VALUES (?, ?)")) {
        p.setString(1, sha256);
        p.setString(2, reportJson);
        p.executeUpdate();
      }
      upsert(item, sha256, "done", null, null);
    });
  }

  /** Records a document that could not be checked. */
  public synchronized void failed(ScanItem item, String sha256, String code, String message) {
    transaction(() -> upsert(item, sha256, "failed", code, message));
  }

  /** Another recorded path holding the same bytes, if any. */
  public synchronized Optional<String> otherPath(String sha256, String path) {
    try (PreparedStatement p = db.prepareStatement(
        "SELECT path FROM document WHERE sha256 = ? AND path <> ? AND status = 'done' LIMIT 1")) {
      p.setString(1, sha256);
      p.setString(2, path);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every recorded document, by path. */
  public synchronized List<Row> documents() {
    List<Row> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM document ORDER BY path")) {
      while (r.next()) {
        out.add(row(r));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private void upsert(ScanItem item, String sha256, String status, String code, String message) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO document"
        + " (path, sha256, bytes, modified, status, error_code, error_message, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, item.path());
      p.setString(2, sha256);
      p.setLong(3, item.bytes());
      p.setLong(4, item.modified());
      p.setString(5, status);
      p.setString(6, code);
      p.setString(7, message);
      p.setString(8, Instant.now().toString());
      p.executeUpdate();
    }
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void transaction(Work w) {
    try {
      db.setAutoCommit(false);
      try {
        w.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the scan state: " + e.getMessage(), e);
    }
  }

  private static Row row(ResultSet r) throws SQLException {
    return new Row(r.getString("path"), r.getString("sha256"), r.getLong("bytes"), r.getLong("modified"),
        r.getString("status"), r.getString("error_code"), r.getString("error_message"));
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing a read-only or already-closed connection: nothing to keep
    }
  }
}
