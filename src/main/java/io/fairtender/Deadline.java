package io.fairtender;

import java.time.Duration;

/** A cooperative time limit, checked between pages, sections and rules. */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Long.MAX_VALUE);
  private final long expiresAtNanos;

  private Deadline(long expiresAtNanos) {
    this.expiresAtNanos = expiresAtNanos;
  }

  public static Deadline none() {
    return NONE;
  }

  public static Deadline after(Duration limit) {
    if (limit == null || limit.isZero() || limit.isNegative()) {
      return NONE;
    }
    return new Deadline(System.nanoTime() + limit.toNanos());
  }

  /** Throws {@link CheckException} with {@link ErrorCode#TIME_LIMIT} once the limit has passed or the thread was interrupted. */
  public void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CheckException(ErrorCode.TIME_LIMIT, "processing was interrupted");
    }
    if (expiresAtNanos != Long.MAX_VALUE && System.nanoTime() - expiresAtNanos > 0) {
      throw new CheckException(ErrorCode.TIME_LIMIT, "document exceeded the processing time limit");
    }
  }
}
