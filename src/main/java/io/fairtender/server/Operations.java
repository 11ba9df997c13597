package io.fairtender.server;

import io.fairtender.server.audit.AuditLog;
import io.fairtender.server.audit.AuditResource;
import io.fairtender.server.audit.AuditStore;
import io.fairtender.server.audit.Retention;
import io.fairtender.server.auth.AuthGate;
import io.fairtender.server.auth.Cors;
import io.fairtender.server.auth.KeyRing;
import io.fairtender.server.auth.KeyStore;
import io.fairtender.server.auth.TenantLimits;
import io.fairtender.server.db.Database;
import io.fairtender.server.metrics.MetricsResource;
import io.fairtender.server.metrics.ServerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes the server operable, wired together: the database with the API keys and the audit log, the gate that
 * checks keys and tenant limits at the front door, CORS, and the metrics.
 */
final class Operations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  private final AuthGate gate;
  private final Cors cors;
  private final ServerMetrics metrics;
  private final AuditStore auditStore;
  private final AuditLog audit;
  private final ScheduledExecutorService jobs;

  private Operations(AuthGate gate, Cors cors, ServerMetrics metrics, AuditStore auditStore, AuditLog audit,
      ScheduledExecutorService jobs) {
    this.jobs = jobs;
    this.gate = gate;
    this.cors = cors;
    this.metrics = metrics;
    this.auditStore = auditStore;
    this.audit = audit;
  }

  /** No database: keys off, no audit log; metrics on. */
  static Operations minimal() {
    return new Operations(AuthGate.open(), Cors.off(), new ServerMetrics(), null, null, null);
  }

  /**
   * Opens (and migrates) the database when there is one, loads the keys, starts the audit writer, and schedules key
   * reloads and retention on a thread of their own (a slow database must not delay the front door's timers).
   */
  static Operations start(OpsConfig ops) {
    ServerMetrics metrics = new ServerMetrics();
    Cors cors = new Cors(ops.corsOrigins());
    if (ops.db() == null) {
      return new Operations(AuthGate.open(), cors, metrics, null, null, null);
    }
    Database db = Database.open(ops.db());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fairtender-ops");
      t.setDaemon(true);
      return t;
    });
    KeyRing ring = new KeyRing(new KeyStore(db));
    ring.schedule(timer);
    AuditStore store = new AuditStore(db);
    TenantLimits limits = new TenantLimits();
    long now = System.currentTimeMillis();
    limits.seed(store.countByTenantSince(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate()
        .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()), now);
    new Retention(store, Duration.ofDays(ops.auditDays()), System::currentTimeMillis).schedule(timer);
    AuditLog audit = new AuditLog(store);
    metrics.audit(audit, AuditLog::written, AuditLog::dropped, AuditLog::pending);
    AuthGate gate = new AuthGate(ring, limits, ops.requireKeys(), System::currentTimeMillis);
    LOG.info("database {}; API keys {}; audit rows kept {} days", ops.db().safeUrl(),
        gate.keysOn() ? "required" : "off (no key yet)", ops.auditDays());
    return new Operations(gate, cors, metrics, store, audit, timer);
  }

  /** Lets every check be audited and measured. */
  void observe(CheckService service) {
    service.observe(metrics);
    if (audit != null) {
      service.observe(audit);
    }
  }

  /** Adds {@code /metrics} and, with a database, {@code /v1/audit}. */
  void register(ResourceConfig rc) {
    rc.register(new MetricsResource(metrics));
    if (auditStore != null) {
      rc.register(new AuditResource(auditStore));
    }
  }

  AuthGate gate() {
    return gate;
  }

  Cors cors() {
    return cors;
  }

  ServerMetrics metrics() {
    return metrics;
  }

  /** Writes every audit record still queued. */
  @Override
  public void close() {
    if (jobs != null) {
      jobs.shutdownNow();
    }
    if (audit != null) {
      audit.close();
    }
  }
}
