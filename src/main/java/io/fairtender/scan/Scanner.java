package io.fairtender.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import io.fairtender.report.ReportHtml;
import io.fairtender.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks many documents in parallel into an output folder: a JSON and an HTML report per document under
 * {@code reports/}, the state in {@code scan.db}. Memory stays bounded: a document is read only when its share of the
 * memory budget is free. A document that cannot be read is recorded with its error and the scan goes on.
 */
public final class Scanner {
  /**
   * How a scan runs.
   *
   * @param out the output folder
   * @param workers documents checked at once
   * @param memoryBudget bytes of documents (times {@link #EXPANSION}) in memory at once
   * @param retryFailed check again the documents that failed in an earlier run
   * @param check per-document options
   * @param formats per-document reports besides JSON: html, sarif
   */
  public record Options(Path out, int workers, long memoryBudget, boolean retryFailed, CheckOptions check,
      java.util.Set<String> formats) {
    public static long defaultBudget() {
      return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 3);
    }
  }

  /** What a scan is told as it goes. */
  public interface Listener {
    void start(int total, int alreadyDone);

    void done(ScanItem item, int pages, String errorCode);
  }

  /** How a run went. */
  public record Outcome(int documents, int skipped, int checked, int reused, int failed) {}

  /** A document takes about this many times its size in memory while it is checked. */
  static final int EXPANSION = 8;

  private final Checker checker;
  private final Options options;
  private final ScanState state;
  private final ReportFiles files;
  /** Striped locks: two documents with the same bytes are never checked at once (the second reuses the first). */
  private final Object[] shaLocks = new Object[64];

  public Scanner(Checker checker, Options options, ScanState state) {
    this.checker = checker;
    this.options = options;
    this.state = state;
    this.files = new ReportFiles(options.out().resolve("reports"));
    for (int i = 0; i < shaLocks.length; i++) {
      shaLocks[i] = new Object();
    }
  }

  public Outcome run(List<ScanItem> items, Listener listener) throws InterruptedException {
    List<ScanItem> todo = items.stream().filter(i -> !alreadyDone(i)).toList();
    listener.start(items.size(), items.size() - todo.size());
    int budgetKb = (int) Math.min(Integer.MAX_VALUE, options.memoryBudget() >> 10);
    Semaphore memory = new Semaphore(budgetKb, true);
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger reused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
      Thread t = new Thread(r, "scan-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      for (ScanItem item : todo) {
        int need = (int) Math.min(budgetKb, Math.max(1, (item.bytes() * EXPANSION) >> 10));
        memory.acquire(need); // the next document waits for room before it is read
        pool.execute(() -> {
          try {
            Result r = process(item);
            switch (r.kind) {
              case CHECKED -> checked.incrementAndGet();
              case REUSED -> reused.incrementAndGet();
              default -> failed.incrementAndGet();
            }
            listener.done(item, r.pages, r.errorCode);
          } finally {
            memory.release(need);
          }
        });
      }
    } finally {
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // documents still being checked
      }
    }
    return new Outcome(items.size(), items.size() - todo.size(), checked.get(), reused.get(), failed.get());
  }

  /** Recorded with the same size and time (and not a failure to retry): nothing to do. */
  private boolean alreadyDone(ScanItem item) {
    Optional<ScanState.Row> row = state.document(item.path());
    return row.isPresent() && row.get().bytes() == item.bytes() && row.get().modified() == item.modified()
        && !(row.get().failed() && options.retryFailed());
  }

  private enum Kind { CHECKED, REUSED, FAILED }

  private record Result(Kind kind, int pages, String errorCode) {}

  private Result process(ScanItem item) {
    String sha = null;
    try {
      byte[] data = Files.readAllBytes(item.file());
      sha = Checker.sha256(data);
      synchronized (shaLocks[Math.floorMod(sha.hashCode(), shaLocks.length)]) {
        Optional<String> known = state.report(sha);
        if (known.isPresent()) {
          JsonNode report = ReportJson.mapper().readTree(known.get());
          ((ObjectNode) report.path("document")).put("name", item.file().getFileName().toString());
          String json = ReportJson.line(report);
          files.writeJson(item.path(), json);
          files.copyOthers(sha, state, item.path());
          state.done(item, sha, json);
          return new Result(Kind.REUSED, report.path("document").path("pages").asInt(), null);
        }
        Report report = checker.check(new DocumentInput(data, item.file().getFileName().toString(), null), options.check());
        String json = ReportJson.line(report);
        files.writeJson(item.path(), json);
        if (options.formats().contains("html")) {
          files.writeHtml(item.path(), ReportHtml.render(report, options.check().english()));
        }
        if (options.formats().contains("sarif")) {
          files.writeSarif(item.path(), ReportJson.line(io.fairtender.report.ReportSarif.render(List.of(report),
              checker.rules(), options.check().english())));
        }
        state.done(item, sha, json);
        return new Result(Kind.CHECKED, report.document().pages(), null);
      }
    } catch (CheckException e) {
      state.failed(item, sha == null ? "" : sha, e.code().name(), e.getMessage());
      return new Result(Kind.FAILED, 0, e.code().name());
    } catch (IOException e) {
      state.failed(item, sha == null ? "" : sha, "IO", String.valueOf(e.getMessage()));
      return new Result(Kind.FAILED, 0, "IO");
    } catch (RuntimeException | StackOverflowError e) {
      state.failed(item, sha == null ? "" : sha, "INTERNAL", e.toString());
      return new Result(Kind.FAILED, 0, "INTERNAL");
    }
  }
}
