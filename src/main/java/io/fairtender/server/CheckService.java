package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bounds concurrent checks and logs each document by hash and size only. */
public final class CheckService {
  private static final Logger LOG = LoggerFactory.getLogger(CheckService.class);
  private final Checker checker;
  private final Semaphore permits;
  private volatile boolean ready;

  public CheckService(Checker checker, int maxConcurrent) {
    this(checker, new Semaphore(maxConcurrent, true));
  }

  CheckService(Checker checker, Semaphore permits) {
    this.checker = checker;
    this.permits = permits;
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

  public Report check(DocumentInput input, CheckOptions options) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.BUSY, "interrupted while waiting for a free checker");
    }
    if (!acquired) {
      throw new CheckException(ErrorCode.BUSY, "all checkers are busy; retry later");
    }
    long t0 = System.nanoTime();
    String sha = Checker.sha256(input.data());
    try {
      Report r = checker.check(input, options);
      LOG.info("checked sha256={} bytes={} pages={} findings={} ms={}", sha, input.data().length,
          r.document().pages(), r.findings().size(), (System.nanoTime() - t0) / 1_000_000);
      return r;
    } catch (CheckException e) {
      LOG.info("refused sha256={} bytes={} code={} ms={}", sha, input.data().length, e.code(),
          (System.nanoTime() - t0) / 1_000_000);
      throw e;
    } finally {
      permits.release();
    }
  }
}
