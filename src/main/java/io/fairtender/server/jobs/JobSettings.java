package io.fairtender.server.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How asynchronous jobs run and are kept.
 *
 * @param workers jobs checked at once
 * @param queue jobs that may wait for a worker; beyond that submission gets 503
 * @param ttl how long a finished job (report, document and record) is kept
 * @param maxStoredBytes the most document bytes kept by all jobs together; beyond that submission gets 503
 * @param dataDir where job records are journaled (null: nothing on disk, jobs vanish with the process)
 * @param webhookSecret the HMAC-SHA256 key for callbacks; null refuses callbacks
 * @param callbackHosts host names callbacks may go to (empty: any public host; loopback only when listed or when
 *     {@code loopbackServer})
 * @param loopbackServer the server itself listens on loopback only, so loopback callbacks are allowed
 */
public record JobSettings(int workers, int queue, Duration ttl, long maxStoredBytes, Path dataDir, String webhookSecret,
    List<String> callbackHosts, boolean loopbackServer) {
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final long DEFAULT_MAX_STORED_BYTES = 512L << 20;

  public JobSettings {
    if (workers < 1 || queue < 0) {
      throw new IllegalArgumentException("job workers must be at least 1 and the job queue at least 0");
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("job-ttl must be positive");
    }
    if (maxStoredBytes < 1) {
      throw new IllegalArgumentException("job storage must be positive");
    }
    webhookSecret = webhookSecret == null || webhookSecret.isEmpty() ? null : webhookSecret;
    callbackHosts = callbackHosts == null ? List.of() : List.copyOf(callbackHosts);
  }

  /** Defaults: {@code workers} at once, 16 waiting, kept 1 h, 512 MB of documents, nothing on disk, no callbacks. */
  public static JobSettings defaults(int workers) {
    return new JobSettings(workers, 16, DEFAULT_TTL, DEFAULT_MAX_STORED_BYTES, null, null, List.of(), true);
  }

  public JobSettings withTtl(Duration t) {
    return new JobSettings(workers, queue, t, maxStoredBytes, dataDir, webhookSecret, callbackHosts, loopbackServer);
  }

  public JobSettings withQueue(int q) {
    return new JobSettings(workers, q, ttl, maxStoredBytes, dataDir, webhookSecret, callbackHosts, loopbackServer);
  }

  public JobSettings withMaxStoredBytes(long b) {
    return new JobSettings(workers, queue, ttl, b, dataDir, webhookSecret, callbackHosts, loopbackServer);
  }

  public JobSettings withDataDir(Path dir) {
    return new JobSettings(workers, queue, ttl, maxStoredBytes, dir, webhookSecret, callbackHosts, loopbackServer);
  }

  public JobSettings withWebhooks(String secret, List<String> hosts, boolean loopback) {
    return new JobSettings(workers, queue, ttl, maxStoredBytes, dataDir, secret, hosts, loopback);
  }
}
