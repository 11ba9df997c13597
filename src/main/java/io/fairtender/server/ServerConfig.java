package io.fairtender.server;

import io.fairtender.CheckerConfig;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server runs.
 *
 * @param bind address to listen on (loopback by default)
 * @param port port, 0 for any free port
 * @param maxConcurrent documents checked (or uploaded) at once
 * @param queue further check requests that may wait for a free slot; beyond that 503 at once
 * @param queueWait longest a queued request waits before 503
 * @param bodyTimeout longest a request body may take to arrive, in total
 * @param idleTimeout longest a request body may stall between two packets
 * @param allowedHosts Host header values accepted besides the loopback names (when bound to loopback); "*" accepts any
 * @param checker the engine's limits (size, pages, time per document)
 * @param dataDir where the server keeps state between runs (audit database, job records); null keeps nothing on disk
 */
public record ServerConfig(String bind, int port, int maxConcurrent, int queue, Duration queueWait, Duration bodyTimeout,
    Duration idleTimeout, List<String> allowedHosts, CheckerConfig checker, java.nio.file.Path dataDir) {

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (maxConcurrent < 1 || queue < 0) {
      throw new IllegalArgumentException("max-concurrent must be at least 1 and queue at least 0");
    }
    if (bodyTimeout.isNegative() || bodyTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("body and idle timeouts must be positive");
    }
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** The defaults for everything but address, port, concurrency and engine limits. */
  public ServerConfig(String bind, int port, int maxConcurrent, CheckerConfig checker) {
    this(bind, port, maxConcurrent, 2 * maxConcurrent, Duration.ofSeconds(15), Duration.ofSeconds(60),
        Duration.ofSeconds(10), List.of(), checker, null);
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, Math.max(1, Runtime.getRuntime().availableProcessors()), CheckerConfig.defaults());
  }

  /** True when the server listens on a loopback address only. */
  public boolean loopback() {
    return HostCheck.isLoopback(bind);
  }

  public ServerConfig withQueue(int queue, Duration wait) {
    return new ServerConfig(bind, port, maxConcurrent, queue, wait, bodyTimeout, idleTimeout, allowedHosts, checker, dataDir);
  }

  public ServerConfig withBodyTimeouts(Duration total, Duration idle) {
    return new ServerConfig(bind, port, maxConcurrent, queue, queueWait, total, idle, allowedHosts, checker, dataDir);
  }

  public ServerConfig withAllowedHosts(List<String> hosts) {
    return new ServerConfig(bind, port, maxConcurrent, queue, queueWait, bodyTimeout, idleTimeout, hosts, checker, dataDir);
  }

  public ServerConfig withDataDir(java.nio.file.Path dir) {
    return new ServerConfig(bind, port, maxConcurrent, queue, queueWait, bodyTimeout, idleTimeout, allowedHosts, checker, dir);
  }
}
