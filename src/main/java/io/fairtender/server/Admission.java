package io.fairtender.server;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Admits check requests before their body is read: {@code slots} run at once, {@code queueBound} more may wait,
 * the rest are refused at once. Waiters are callbacks, so no thread is held while waiting.
 */
final class Admission {
  /** What {@link #enter} decided. */
  enum Result { ADMITTED, QUEUED, FULL }

  private final int slots;
  private final int queueBound;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int active;

  Admission(int slots, int queueBound) {
    this.slots = slots;
    this.queueBound = queueBound;
  }

  /** Takes a slot now, or queues {@code onAdmit} to run (on the releasing thread) when a slot frees, or refuses. */
  synchronized Result enter(Runnable onAdmit) {
    if (active < slots) {
      active++;
      return Result.ADMITTED;
    }
    if (waiting.size() < queueBound) {
      waiting.addLast(onAdmit);
      return Result.QUEUED;
    }
    return Result.FULL;
  }

  /** Gives a queued waiter up; true if it was still waiting (so it will never be admitted). */
  synchronized boolean abandon(Runnable onAdmit) {
    return waiting.remove(onAdmit);
  }

  /** Frees a slot, handing it straight to the oldest waiter if there is one. */
  void leave() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        active--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  synchronized int active() {
    return active;
  }

  synchronized int queued() {
    return waiting.size();
  }
}
