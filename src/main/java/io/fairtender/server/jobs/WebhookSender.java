package io.fairtender.server.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a finished job's result to its callback URL, signed with HMAC-SHA256 over the exact body
 * ({@code X-FairTender-Signature: sha256=<hex>}), with the job id, a delivery id (the same on every try) and a timestamp.
 * A connection error, a timeout or a 5xx answer is retried with exponential backoff up to {@code tries} times; any
 * 2xx ends delivery, so a callback is delivered successfully at most once; another 4xx gives up at once. Uses HTTP/1.1
 * only (no h2c upgrade) and never follows redirects.
 */
public final class WebhookSender implements AutoCloseable {
  public static final String SIGNATURE = "X-FairTender-Signature";
  public static final String TIMESTAMP = "X-FairTender-Timestamp";
  public static final String JOB = "X-FairTender-Job";
  public static final String DELIVERY = "X-FairTender-Delivery";
  public static final String EVENT = "X-FairTender-Event";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private final byte[] secret;
  private final int tries;
  private final Duration firstRetry;
  private final Clock clock;
  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private volatile java.util.function.Predicate<String> hostAllowed = host -> true;

  /** The outcome of one delivery, for the job's view. */
  public enum Outcome { PENDING, DELIVERED, FAILED }

  public WebhookSender(String secret, int tries, Duration firstRetry, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tries = tries;
    this.firstRetry = firstRetry;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fairtender-webhook");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Sets the test every host is put to (resolved) before each try; a refused host ends delivery as failed. */
  void checkHosts(java.util.function.Predicate<String> allowed) {
    hostAllowed = allowed;
  }

  /** Five tries, the first retry after 1 s, then 2, 4 and 8 s. */
  public static WebhookSender of(String secret) {
    return new WebhookSender(secret, 5, Duration.ofSeconds(1), Clock.systemUTC());
  }

  /** The signature header value for {@code body}: {@code sha256=} and the hex HMAC-SHA256 under the secret. */
  public static String sign(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What one delivery sends. */
  record Delivery(Job job, URI target, String event, String contentType, byte[] body, String id) {}

  /** Starts delivering; returns at once. */
  void deliver(Delivery d) {
    d.job().callbackOutcome(Outcome.PENDING, 0);
    attempt(d, 1);
  }

  private void attempt(Delivery d, int n) {
    if (!hostAllowed.test(d.target().getHost())) {
      d.job().callbackOutcome(Outcome.FAILED, n - 1);
      LOG.warn("job {} callback not sent: host {} resolves to an address callbacks may not reach (or not at all)",
          d.job().id(), d.target().getHost());
      return;
    }
    HttpRequest request = HttpRequest.newBuilder(d.target()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", d.contentType())
        .header(SIGNATURE, sign(secret, d.body()))
        .header(TIMESTAMP, Long.toString(clock.instant().getEpochSecond()))
        .header(JOB, d.job().id())
        .header(DELIVERY, d.id())
        .header(EVENT, d.event())
        .header("User-Agent", "FairTender-Webhook")
        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((res, failure) -> {
      Throwable err = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      int status = res == null ? 0 : res.statusCode();
      if (err == null && status >= 200 && status < 300) {
        d.job().callbackOutcome(Outcome.DELIVERED, n);
        LOG.info("job {} callback delivered (try {}, {})", d.job().id(), n, status);
        return;
      }
      boolean retry = err != null || status >= 500;
      if (retry && n < tries) {
        long delay = firstRetry.toMillis() << (n - 1);
        d.job().callbackOutcome(Outcome.PENDING, n);
        LOG.info("job {} callback try {} failed ({}); retrying in {} ms", d.job().id(), n,
            err != null ? err.getClass().getSimpleName() : status, delay);
        try {
          timer.schedule(() -> attempt(d, n + 1), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
          d.job().callbackOutcome(Outcome.FAILED, n);
        }
        return;
      }
      d.job().callbackOutcome(Outcome.FAILED, n);
      LOG.warn("job {} callback not delivered after {} tries ({})", d.job().id(), n,
          err != null ? err.getClass().getSimpleName() : status);
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
