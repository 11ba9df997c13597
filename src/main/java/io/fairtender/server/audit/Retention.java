package io.fairtender.server.audit;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes audit rows older than the retention period: once at start-up, then every hour. */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private final AuditStore store;
  private final Duration keep;
  private final LongSupplier clock;

  public Retention(AuditStore store, Duration keep, LongSupplier clock) {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("audit retention must be at least one day");
    }
    this.store = store;
    this.keep = keep;
    this.clock = clock;
  }

  /** Deletes what is past retention now; returns the number of rows deleted. */
  public int purge() {
    int n = store.purgeBefore(clock.getAsLong() - keep.toMillis());
    if (n > 0) {
      LOG.info("audit retention: deleted {} rows older than {} days", n, keep.toDays());
    }
    return n;
  }

  /** Runs {@link #purge()} now and every hour on {@code timer}. */
  public ScheduledFuture<?> schedule(ScheduledExecutorService timer) {
    return timer.scheduleWithFixedDelay(() -> {
      try {
        purge();
      } catch (RuntimeException e) {
        LOG.warn("audit retention failed: {}", e.getMessage());
      }
    }, 0, 1, TimeUnit.HOURS);
  }
}
