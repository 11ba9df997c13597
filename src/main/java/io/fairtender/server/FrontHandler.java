package io.fairtender.server;

import io.fairtender.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The front door, run on Grizzly's own threads and never blocking them: request id, Host check, {@code /health},
 * refusals that need no body (too large, bad Content-Type, long URL), admission of checks before their body is
 * read, then {@link BodyExchange} reads the body and runs Jersey on our own worker pools, so slow uploads and long
 * checks never hold the threads that answer {@code /health}.
 */
final class FrontHandler extends HttpHandler {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.fairtender.access");
  static final int MAX_URI = 16 * 1024;
  /** Bodies of requests other than checks (policy facts) are small. */
  static final long SMALL_BODY = 1 << 20;
  /** Room for multipart boundaries and headers on top of the document limit. */
  static final long ENVELOPE = 64 * 1024;

  private final HttpHandler jersey;
  private final CheckService service;
  private final ServerConfig config;
  private final Admission admission;
  private final HostCheck hosts;
  private final Workers workers;
  private final BodyExchange.Timeouts timeouts;

  FrontHandler(HttpHandler jersey, CheckService service, ServerConfig config, Workers workers) {
    this.jersey = jersey;
    this.service = service;
    this.config = config;
    this.admission = new Admission(config.maxConcurrent(), config.queue());
    this.hosts = HostCheck.of(config.bind(), config.allowedHosts());
    this.workers = workers;
    this.timeouts = new BodyExchange.Timeouts(config.bodyTimeout().toNanos(), config.idleTimeout().toNanos(), workers.timer());
  }

  @Override
  public void start() {
    jersey.start();
  }

  @Override
  public void destroy() {
    jersey.destroy();
    workers.close();
  }

  @Override
  public void service(Request req, Response res) {
    long t0 = System.nanoTime();
    String id = RequestIds.accept(req.getHeader(RequestIds.HEADER));
    String client = String.valueOf(req.getRemoteAddr());
    String line = req.getMethod().getMethodString() + " " + abbreviate(req.getRequestURI());
    res.setHeader(RequestIds.HEADER, id);
    req.addAfterServiceListener(r -> logAccess(id, client, line, res.getStatus(), t0));
    MDC.put(RequestIds.MDC_ID, id);
    MDC.put(RequestIds.MDC_CLIENT, client);
    try {
      route(req, res, id);
    } finally {
      MDC.remove(RequestIds.MDC_ID);
      MDC.remove(RequestIds.MDC_CLIENT);
    }
  }

  private void route(Request req, Response res, String id) {
    if (!hosts.accepts(req.getHeader("Host"))) {
      Replies.problem(res, HttpError.MISDIRECTED_REQUEST.problem("this server does not answer for the host in the Host header", id), false);
      return;
    }
    String uri = req.getRequestURI();
    String query = req.getQueryString();
    if (uri.length() + (query == null ? 0 : query.length()) > MAX_URI) {
      Replies.problem(res, HttpError.URI_TOO_LONG.problem("the URL is longer than " + MAX_URI + " characters", id), true);
      return;
    }
    if (uri.equals("/health")) {
      health(res);
      return;
    }
    String type = req.getHeader("Content-Type");
    if (type != null && !parses(type)) {
      Replies.problem(res, Problem.of(ErrorCode.BAD_REQUEST, "the Content-Type header cannot be parsed", id), true);
      return;
    }
    boolean check = req.getMethod() == Method.POST && uri.equals("/v1/check");
    boolean job = req.getMethod() == Method.POST && uri.equals("/v1/jobs"); // an upload; the job queue bounds the work
    long limit = check || job ? service.checker().config().maxBytes() + ENVELOPE : SMALL_BODY;
    if (req.getContentLengthLong() > limit) {
      Replies.problem(res, Problem.of(ErrorCode.TOO_LARGE, "the request body is larger than the limit of " + limit + " bytes", id), true);
      return;
    }
    if (!check) {
      res.suspend();
      new BodyExchange(req, res, id, limit, timeouts, job ? workers.uploads() : workers.other(), jersey, () -> { }).start();
      return;
    }
    admit(req, res, id, limit);
  }

  /** Takes a check slot (or a place in the short queue) before one byte of the body is read. */
  private void admit(Request req, Response res, String id, long limit) {
    BodyExchange exchange = new BodyExchange(req, res, id, limit, timeouts, workers.checks(), jersey, admission::leave);
    Runnable onAdmit = exchange::start;
    res.suspend(); // before entering: a slot freed on another thread may start this exchange at once
    switch (admission.enter(onAdmit)) {
      case ADMITTED -> exchange.start();
      case QUEUED -> {
        ScheduledFuture<?> unused = workers.timer().schedule(() -> giveUp(res, onAdmit, id),
            config.queueWait().toMillis(), TimeUnit.MILLISECONDS);
      }
      case FULL -> {
        Replies.problem(res, busy(id), true);
        res.resume();
      }
    }
  }

  private void giveUp(Response res, Runnable onAdmit, String id) {
    if (admission.abandon(onAdmit)) {
      Replies.problem(res, busy(id), true);
      res.resume();
    }
  }

  private static Problem busy(String id) {
    return Problem.of(ErrorCode.BUSY, "all checkers are busy; retry later", id);
  }

  private void health(Response res) {
    res.setHeader("Cache-Control", "no-store");
    if (!service.ready()) {
      Replies.write(res, 503, "application/json", "{\"status\":\"starting\"}");
      return;
    }
    Replies.write(res, 200, "application/json", "{\"status\":\"ready\",\"rules\":" + service.checker().rules().rules().size()
        + ",\"checking\":" + admission.active() + ",\"queued\":" + admission.queued() + "}");
  }

  private static boolean parses(String type) {
    try {
      MediaType.valueOf(type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String abbreviate(String uri) {
    return uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
  }

  private static void logAccess(String id, String client, String line, int status, long t0) {
    MDC.put(RequestIds.MDC_ID, id);
    MDC.put(RequestIds.MDC_CLIENT, client);
    try {
      ACCESS.info("{} {} {} ms", line, status, (System.nanoTime() - t0) / 1_000_000);
    } finally {
      MDC.remove(RequestIds.MDC_ID);
      MDC.remove(RequestIds.MDC_CLIENT);
    }
  }
}
