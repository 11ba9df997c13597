package io.fairtender.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Other extractors timed on the PDFs of the bench, for comparison: poppler's pdftotext (a process per file) and Tika. */
final class PdfAnchors {
  private PdfAnchors() {}

  /** True when {@code pdftotext} runs here. */
  static boolean pdftotextAvailable() {
    try {
      Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code pdftotext} on every file once (text to stdout, discarded); throws when one fails. */
  static void pdftotextAll(List<BenchDoc> docs) throws IOException {
    for (BenchDoc d : docs) {
      Process p = new ProcessBuilder("pdftotext", "-q", "-enc", "UTF-8", d.path().toString(), "-")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IOException("pdftotext failed on " + d.path());
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** Seconds per pass of {@code task} over {@code rounds} passes. */
  static double seconds(int rounds, IoTask task) throws IOException {
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      task.run();
    }
    return (System.nanoTime() - t0) / 1e9 / rounds;
  }

  /** A pass that may fail with an I/O error. */
  @FunctionalInterface
  interface IoTask {
    void run() throws IOException;
  }
}
