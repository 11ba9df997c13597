package io.fairtender.server;

import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One request on its way to Jersey: a worker of the request's pool (checks: one per admitted slot) collects the body
 * in memory, bounded in size, total time and idle time (a watchdog answers 408 and closes the connection of a body
 * that stalls), then runs Jersey on it.
 */
final class BodyExchange {
  /** The request attribute (and Jersey property) holding the collected body as an {@link InputStream}. */
  static final String BODY = "io.fairtender.body";
  private static final Logger LOG = LoggerFactory.getLogger(BodyExchange.class);

  private final Request req;
  private final Response res;
  private final String requestId;
  /** Taken while the request is live: a queued request may be recycled (client gone) before a worker runs it. */
  private final String client;
  private final long limit;
  private final Timeouts timeouts;
  private final Executor worker;
  private final HttpHandler jersey;
  private final Runnable onDone;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();
  private final Buffer body = new Buffer();
  private volatile long lastData;
  private long started;
  private volatile ScheduledFuture<?> watchdog;

  /** Limits on how a body may arrive. */
  record Timeouts(long totalNanos, long idleNanos, ScheduledExecutorService timer) {}

  BodyExchange(Request req, Response res, String requestId, long limit, Timeouts timeouts, Executor worker,
      HttpHandler jersey, Runnable onDone) {
    this.req = req;
    this.res = res;
    this.requestId = requestId;
    this.client = String.valueOf(req.getRemoteAddr());
    this.limit = limit;
    this.timeouts = timeouts;
    this.worker = worker;
    this.jersey = jersey;
    this.onDone = onDone;
  }

  /** Starts reading the body on a worker (the response must already be suspended). */
  void start() {
    started = System.nanoTime();
    lastData = started;
    if (hasBody()) {
      watchdog = timeouts.timer().scheduleWithFixedDelay(this::watch, 200, 200, TimeUnit.MILLISECONDS);
    }
    try {
      worker.execute(() -> withMdc(this::readThenRun));
    } catch (RejectedExecutionException e) {
      if (settled.compareAndSet(false, true)) {
        cancelWatchdog();
        Replies.problem(res, Problem.of(ErrorCode.BUSY, "the server is busy; retry later", requestId), true);
        resume();
        release();
      }
    }
  }

  private boolean hasBody() {
    String te = req.getHeader("Transfer-Encoding");
    return req.getContentLengthLong() > 0 || (te != null && !te.isBlank());
  }

  /** Reads the whole body into memory, then runs Jersey on this thread; a stall ends in the watchdog's 408. */
  private void readThenRun() {
    try {
      if (hasBody() && !readBody()) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      if (settled.compareAndSet(false, true)) {
        cancelWatchdog();
        LOG.info("request body failed: {}", e.toString());
        Replies.problem(res, Problem.of(ErrorCode.BAD_REQUEST, "the request body could not be read", requestId), true);
        resume();
        release();
      }
      return; // else the watchdog already answered and closed the connection
    }
    if (!settled.compareAndSet(false, true)) {
      return;
    }
    cancelWatchdog();
    req.setAttribute(BODY, body.stream());
    runJersey();
  }

  /** True once the whole body is in memory; false if the request was answered instead (too large, timed out). */
  private boolean readBody() throws IOException {
    InputStream in = req.getInputStream();
    byte[] chunk = new byte[64 * 1024];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      if (settled.get()) {
        return false;
      }
      lastData = System.nanoTime();
      body.write(chunk, 0, n);
      if (body.size() > limit) {
        fail(Problem.of(ErrorCode.TOO_LARGE, "the request body is larger than the limit of " + limit + " bytes", requestId));
        return false;
      }
    }
    return !settled.get();
  }

  private void watch() {
    if (settled.get()) {
      cancelWatchdog();
      return;
    }
    long now = System.nanoTime();
    if (now - started > timeouts.totalNanos()) {
      fail(HttpError.REQUEST_TIMEOUT.problem("the request body did not arrive within "
          + TimeUnit.NANOSECONDS.toSeconds(timeouts.totalNanos()) + " s", requestId));
    } else if (now - lastData > timeouts.idleNanos()) {
      fail(HttpError.REQUEST_TIMEOUT.problem("the request body stalled for more than "
          + TimeUnit.NANOSECONDS.toSeconds(timeouts.idleNanos()) + " s", requestId));
    }
  }

  /** Answers a problem instead of running Jersey, closing the connection so the rest of the body is not read. */
  private void fail(Problem p) {
    if (settled.compareAndSet(false, true)) {
      cancelWatchdog();
      withMdc(() -> LOG.info("refused before checking: {} {}", p.status(), p.code()));
      Replies.problem(res, p, true);
      resume();
      release();
    }
  }

  private void runJersey() {
    try {
      jersey.service(req, res); // Jersey resumes the response when it commits
    } catch (Exception | Error e) {
      LOG.error("request failed", e);
      try {
        Replies.problem(res, Problem.of(ErrorCode.INTERNAL, "unexpected error; see the server log", requestId), true);
        resume();
      } catch (IllegalStateException alreadyDone) {
        // the response was already committed and recycled
      }
    } finally {
      release();
    }
  }

  private void withMdc(Runnable r) {
    MDC.put(RequestIds.MDC_ID, requestId);
    MDC.put(RequestIds.MDC_CLIENT, client);
    try {
      r.run();
    } finally {
      MDC.remove(RequestIds.MDC_ID);
      MDC.remove(RequestIds.MDC_CLIENT);
    }
  }

  private void resume() {
    if (res.isSuspended()) {
      res.resume();
    }
  }

  private void release() {
    if (released.compareAndSet(false, true)) {
      onDone.run();
    }
  }

  private void cancelWatchdog() {
    if (watchdog != null) {
      watchdog.cancel(false);
    }
  }

  /** A byte buffer that hands out its contents without another copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    synchronized InputStream stream() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }
}
