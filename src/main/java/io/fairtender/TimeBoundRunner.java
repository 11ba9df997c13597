package io.fairtender;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Runs a check on a worker thread and gives up on it at the time limit: the caller gets {@link ErrorCode#TIME_LIMIT}
 * at the deadline whatever the worker is doing, and the worker is interrupted and stops at its next deadline check
 * (its result is dropped). Workers are daemon threads, so an abandoned one never holds the process open.
 */
final class TimeBoundRunner {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fairtender-check-" + IDS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private TimeBoundRunner() {}

  /** The task's result, or TIME_LIMIT once {@code limit} has passed (zero or null: no limit, run on the caller). */
  static <T> T run(Callable<T> task, Duration limit) {
    if (limit == null || limit.isZero() || limit.isNegative()) {
      return call(task);
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Future<T> future = WORKERS.submit(() -> {
      if (mdc != null) {
        MDC.setContextMap(mdc);
      }
      try {
        return task.call();
      } finally {
        MDC.clear();
      }
    });
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CheckException(ErrorCode.TIME_LIMIT, "document exceeded the processing time limit of " + limit.toSeconds() + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.TIME_LIMIT, "processing was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("check failed", cause);
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("check failed", e);
    }
  }
}
