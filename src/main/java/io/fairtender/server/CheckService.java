package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks for the server and logs each document by hash and size only. Concurrency is bounded before the body is
 * read ({@link Admission}); this class bounds the time of the work that follows the check (annotated PDFs).
 */
public final class CheckService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
  private final Checker checker;
  private final ExecutorService render;
  private final java.util.List<CheckObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean ready;

  public CheckService(Checker checker, ExecutorService render) {
    this.checker = checker;
    this.render = render;
  }

  public Checker checker() {
    return checker;
  }

  public boolean ready() {
    return ready;
  }

  void markReady() {
    ready = true;
  }

  /** Adds a listener told of every check (audit log, metrics). */
  public void observe(CheckObserver observer) {
    observers.add(observer);
  }

  public Report check(DocumentInput input, CheckOptions options) {
    return check(input, options, Caller.local(org.slf4j.MDC.get(RequestIds.MDC_ID)));
  }

  /** Checks a document for {@code caller}; every observer hears of the outcome. */
  public Report check(DocumentInput input, CheckOptions options, Caller caller) {
    return check(input, options, caller, io.fairtender.Progress.NONE);
  }

  /** As above, telling {@code progress} how far the check has got (async jobs). */
  public Report check(DocumentInput input, CheckOptions options, Caller caller, io.fairtender.Progress progress) {
    long t0 = System.nanoTime();
    try {
      Report r = checker.check(input, options, progress);
      notify(caller, input, options, r, null, System.nanoTime() - t0);
      // the report carries the document's hash: it is computed once, by the checker
      LOG.info("checked sha256={} bytes={} pages={} findings={} ms={}", r.document().sha256(), input.data().length,
          r.document().pages(), r.findings().size(), (System.nanoTime() - t0) / 1_000_000);
      return r;
    } catch (CheckException e) {
      LOG.info("refused sha256={} bytes={} code={} ms={}", Checker.sha256(input.data()), input.data().length, e.code(),
          (System.nanoTime() - t0) / 1_000_000);
      notify(caller, input, options, null, e.code(), System.nanoTime() - t0);
      throw e;
    }
  }

  private void notify(Caller caller, DocumentInput input, CheckOptions options, Report r, ErrorCode code, long nanos) {
    for (CheckObserver o : observers) {
      try {
        o.checked(caller, input, options, r, code, nanos);
      } catch (RuntimeException e) {
        LOG.warn("check observer {} failed: {}", o.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /**
   * Runs {@code work} (rendering a report) within what is left of the document's time limit, counted from
   * {@code startNanos}; past it the work is cancelled and the request gets TIME_LIMIT.
   */
  public <T> T withinTimeLimit(long startNanos, Supplier<T> work) {
    long left = checker.config().timeLimit().toNanos() - (System.nanoTime() - startNanos);
    if (left <= 0) {
      throw timeLimit();
    }
    Future<T> f;
    try {
      f = render.submit(work::get);
    } catch (RejectedExecutionException e) {
      throw new CheckException(ErrorCode.BUSY, "all renderers are busy; retry later");
    }
    try {
      return f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw timeLimit();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw timeLimit();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private CheckException timeLimit() {
    return new CheckException(ErrorCode.TIME_LIMIT, "the document could not be checked and rendered within "
        + checker.config().timeLimit().toSeconds() + " s");
  }
}
