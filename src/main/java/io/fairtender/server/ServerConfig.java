package io.fairtender.server;

import io.fairtender.CheckerConfig;

/**
 * How the HTTP server runs.
 *
 * @param bind address to listen on (loopback by default)
 * @param port port, 0 for any free port
 * @param maxConcurrent documents checked at once; further requests get 503
 * @param checker the engine's limits (size, pages, time per document)
 */
public record ServerConfig(String bind, int port, int maxConcurrent, CheckerConfig checker) {
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, Math.max(1, Runtime.getRuntime().availableProcessors()), CheckerConfig.defaults());
  }
}
