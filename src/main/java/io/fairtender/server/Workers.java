package io.fairtender.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's threads: checks (one per admitted slot), everything else (rules, policy, docs; bounded), rendering
 * of annotated PDFs (bounded, so abandoned renders cannot pile up), and one timer for body and queue deadlines.
 * {@code /health} needs none of them: it is answered on the selector thread.
 */
final class Workers implements AutoCloseable {
  private final ExecutorService checks;
  private final ExecutorService other;
  private final ExecutorService render;
  private final ExecutorService uploads;
  private final ScheduledExecutorService timer;

  Workers(int checkThreads) {
    checks = Executors.newFixedThreadPool(checkThreads, named("fairtender-check"));
    other = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), named("fairtender-api"));
    render = new ThreadPoolExecutor(checkThreads, checkThreads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(checkThreads),
        named("fairtender-render"));
    timer = Executors.newSingleThreadScheduledExecutor(named("fairtender-timer"));
    // a job upload holds its thread only while its body arrives (bounded by the body timeouts); the checks run elsewhere
    uploads = new ThreadPoolExecutor(2 * checkThreads + 2, 2 * checkThreads + 2, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(32), named("fairtender-upload"));
  }

  /** Reads job uploads (bounded: a full pool answers 503); the jobs themselves run on the job pool. */
  ExecutorService uploads() {
    return uploads;
  }

  ExecutorService checks() {
    return checks;
  }

  ExecutorService other() {
    return other;
  }

  ExecutorService render() {
    return render;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  @Override
  public void close() {
    checks.shutdownNow();
    other.shutdownNow();
    render.shutdownNow();
    uploads.shutdownNow();
    timer.shutdownNow();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
