package io.fairtender.server.audit;

import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import io.fairtender.server.CheckObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every check in the audit log without slowing it: the checking thread only puts a small record on a bounded
 * queue; one writer thread stores batches. {@link #close()} stops taking records and writes all queued ones, so none is
 * lost on a normal shutdown. If the database stays unreachable, failed batches are retried; only when the queue is
 * full for longer than {@link #OFFER_WAIT_MS} is a record dropped (counted and logged as an error).
 */
public final class AuditLog implements CheckObserver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  static final long OFFER_WAIT_MS = 1000;
  private static final int BATCH = 500;
  private final Consumer<List<AuditRecord>> store;
  private final BlockingQueue<AuditRecord> queue;
  private final LongSupplier clock;
  private final Thread writer;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closing;
  /** Failed writes since close() was called (only the writer thread counts). */
  private int shutdownRetries;

  /**
   * @param store writes a batch in one transaction, or throws (the batch is then retried)
   * @param capacity records that may wait
   * @param clock the time of a record
   */
  public AuditLog(Consumer<List<AuditRecord>> store, int capacity, LongSupplier clock) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.clock = clock;
    this.writer = new Thread(this::drain, "fairtender-audit");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  public AuditLog(AuditStore store) {
    this(store::insert, 10_000, System::currentTimeMillis);
  }

  @Override
  public void checked(Caller caller, DocumentInput input, CheckOptions options, Report report, ErrorCode refused, long nanos) {
    add(AuditRecord.of(caller, input, options, report, refused, nanos, clock.getAsLong()));
  }

  /** Queues one record (waiting briefly when the queue is full). */
  public void add(AuditRecord r) {
    if (closing) {
      LOG.error("audit record after shutdown dropped: request {}", r.requestId());
      dropped.incrementAndGet();
      return;
    }
    try {
      if (!queue.offer(r, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
        dropped.incrementAndGet();
        LOG.error("audit queue full (database too slow or unreachable): record of request {} dropped", r.requestId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.incrementAndGet();
    }
  }

  /** Rows stored so far. */
  public long written() {
    return written.get();
  }

  /** Records lost because the queue stayed full. */
  public long dropped() {
    return dropped.get();
  }

  /** Records waiting to be written. */
  public int pending() {
    return queue.size();
  }

  private void drain() {
    List<AuditRecord> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        if (batch.isEmpty()) {
          AuditRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (closing && queue.isEmpty()) {
              return;
            }
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        store.accept(batch);
        written.addAndGet(batch.size());
        batch.clear();
      } catch (InterruptedException e) {
        if (closing && queue.isEmpty() && batch.isEmpty()) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.error("audit log write failed, retrying: {}", e.getMessage());
        if (closing && retriesExhausted()) {
          LOG.error("audit log: {} records could not be written at shutdown", batch.size() + queue.size());
          dropped.addAndGet(batch.size() + queue.size());
          return;
        }
        sleepQuietly(500);
      }
    }
  }

  private boolean retriesExhausted() {
    return ++shutdownRetries > 10;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops taking records and waits until every queued one is written (or could not be, after retries). */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      LOG.error("audit log writer did not finish within 30 s; {} records pending", queue.size());
    }
  }
}
