package io.fairtender;

import java.time.Duration;

/**
 * A cooperative time limit, checked between pages, sections and rules. Reading the pages of a document (text layer
 * and OCR) stops earlier, at {@link #readingOver()}, so that the pages already read can still be analysed within the
 * limit: the last fifth of the limit is kept for that.
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Long.MAX_VALUE, Long.MAX_VALUE);
  private final long expiresAtNanos;
  private final long readingEndsAtNanos;

  private Deadline(long expiresAtNanos, long readingEndsAtNanos) {
    this.expiresAtNanos = expiresAtNanos;
    this.readingEndsAtNanos = readingEndsAtNanos;
  }

  public static Deadline none() {
    return NONE;
  }

  public static Deadline after(Duration limit) {
    if (limit == null || limit.isZero() || limit.isNegative()) {
      return NONE;
    }
    long now = System.nanoTime();
    return new Deadline(now + limit.toNanos(), now + limit.toNanos() - limit.toNanos() / 5);
  }

  /** True once pages should no longer be read (the rest of the limit is for analysing those read). */
  public boolean readingOver() {
    return readingEndsAtNanos != Long.MAX_VALUE && System.nanoTime() - readingEndsAtNanos > 0;
  }

  /** Nanoseconds left for reading pages (Long.MAX_VALUE without a limit; 0 once over). */
  public long readingNanosLeft() {
    if (readingEndsAtNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, readingEndsAtNanos - System.nanoTime());
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
