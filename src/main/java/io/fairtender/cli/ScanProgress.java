package io.fairtender.cli;

import io.fairtender.scan.ScanItem;
import io.fairtender.scan.Scanner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a scan shows its progress: a progress bar (me.tongfei:progressbar) on a terminal, with documents, pages, rate,
 * ETA and errors; plain lines every ten seconds when the output is not a terminal; or nothing.
 */
abstract class ScanProgress implements Scanner.Listener, AutoCloseable {
  final AtomicInteger done = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  final AtomicLong pages = new AtomicLong();
  volatile int total;
  volatile long startNanos = System.nanoTime();

  static ScanProgress create(String mode, PrintWriter err) {
    return switch (mode) {
      case "none" -> new Quiet();
      case "bar" -> new Bar();
      case "lines" -> new Lines(err, Duration.ofSeconds(10));
      case "auto" -> System.console() != null ? new Bar() : new Lines(err, Duration.ofSeconds(10));
      default -> throw new IllegalArgumentException("--progress takes auto, bar, lines or none");
    };
  }

  @Override
  public void start(int total, int alreadyDone) {
    this.total = total;
    done.set(alreadyDone);
    startNanos = System.nanoTime();
  }

  @Override
  public void done(ScanItem item, int pageCount, String errorCode) {
    done.incrementAndGet();
    pages.addAndGet(pageCount);
    if (errorCode != null) {
      errors.incrementAndGet();
    }
  }

  @Override
  public void close() {}

  private static final class Quiet extends ScanProgress {}

  private static final class Bar extends ScanProgress {
    private ProgressBar bar;

    @Override
    public void start(int total, int alreadyDone) {
      super.start(total, alreadyDone);
      bar = new ProgressBarBuilder().setTaskName("scan").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setUnit(" docs", 1).showSpeed().build();
      bar.stepTo(alreadyDone);
    }

    @Override
    public void done(ScanItem item, int pageCount, String errorCode) {
      super.done(item, pageCount, errorCode);
      bar.step();
      bar.setExtraMessage(pages.get() + " pages, " + errors.get() + " errors");
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  private static final class Lines extends ScanProgress {
    private final PrintWriter err;
    private final long everyNanos;
    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
    private volatile int startDone;

    Lines(PrintWriter err, Duration every) {
      this.err = err;
      this.everyNanos = every.toNanos();
    }

    @Override
    public void start(int total, int alreadyDone) {
      super.start(total, alreadyDone);
      startDone = alreadyDone;
      line();
    }

    @Override
    public void done(ScanItem item, int pageCount, String errorCode) {
      super.done(item, pageCount, errorCode);
      long now = System.nanoTime();
      long last = lastNanos.get();
      if (now - last >= everyNanos && lastNanos.compareAndSet(last, now)) {
        line();
      }
    }

    private synchronized void line() {
      double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      int d = done.get();
      double rate = (d - startDone) / secs;
      String eta = rate > 0 ? Duration.ofSeconds((long) ((total - d) / rate)).toString().substring(2).toLowerCase(Locale.ROOT) : "?";
      err.printf(Locale.ROOT, "scan: %d/%d documents, %d pages, %.2f docs/s, ETA %s, %d errors%n", d, total, pages.get(),
          rate, eta, errors.get());
      err.flush();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        line();
      }
    }
  }
}
