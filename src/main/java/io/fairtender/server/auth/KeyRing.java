package io.fairtender.server.auth;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valid keys in memory, so the front door never waits for the database. Reloaded every few seconds, so a key
 * created or revoked with {@code fairtender keys} while the server runs takes effect within {@link #REFRESH_SECONDS}.
 */
public final class KeyRing {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  public static final int REFRESH_SECONDS = 5;
  private final KeyStore store;
  private volatile Map<String, ApiKey> byHash;
  private volatile boolean configured;

  public KeyRing(KeyStore store) {
    this.store = store;
    this.byHash = Map.copyOf(store.valid());
    this.configured = store.anyEver();
  }

  /** Reloads from the database; on failure the previous keys stay in force. */
  public void refresh() {
    try {
      byHash = Map.copyOf(store.valid());
      configured = configured || store.anyEver();
    } catch (RuntimeException e) {
      LOG.warn("could not reload API keys, keeping the {} loaded: {}", byHash.size(), e.getMessage());
    }
  }

  public ScheduledFuture<?> schedule(ScheduledExecutorService timer) {
    return timer.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  /** The valid key with this secret, or null. */
  public ApiKey find(String secret) {
    return secret == null || secret.isEmpty() ? null : byHash.get(Secrets.hash(secret));
  }

  /**
   * True once any key was created, even if all are revoked since: revoking the last key locks every caller out
   * instead of opening the server.
   */
  public boolean configured() {
    return configured;
  }
}
