package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.Deadline;
import io.fairtender.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * OCR for PDF pages without a usable text layer: the page is rendered at 300 dpi (lower for a page that would exceed
 * the pixel budget; below 100 dpi it is refused) and read by the Tesseract command ({@code chi_sim+eng}) with word boxes
 * (TSV). Each page has a time budget; the page image lives in a private {@link io.fairtender.TempFiles} folder removed
 * on every path. Not final only so that tests can count the pages sent to it.
 *
 * <p>The pages of one document are read by up to {@code workers} Tesseract processes at once (one OpenMP thread each);
 * PDFBox rendering is not thread-safe per document, so pages are rendered one at a time (locked on the document) while
 * earlier pages are being recognised. Across the whole JVM at most {@link #processSlots()} Tesseract processes run at
 * once (the cores, or more when a checker asks for more workers), so a server checking two scans at once does not
 * start twice as many processes as cores.
 */
public class Ocr {
  private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
  /** Tesseract processes (with their page renderings) running in this JVM, shared by every Ocr instance. */
  private static final Semaphore SLOTS = new Semaphore(CORES, true);
  private static int slotCount = CORES;
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  /** Tesseract processes running now, and the most seen at once (for tests). */
  private static final AtomicInteger RUNNING = new AtomicInteger();
  private static final AtomicInteger PEAK = new AtomicInteger();
  private static final float DPI = 300f;
  /** Below this a page is not worth reading; a page that would need less to fit the pixel budget is skipped. */
  static final float MIN_DPI = 100f;
  private static final Path TIMEOUT = Path.of("/usr/bin/timeout");
  private final String command;
  private final String languages;
  private final Duration pageBudget;
  private final long maxPagePixels;
  private final int workers;
  /** Probed on first use: a check of a text document never starts a process to look for Tesseract. */
  private volatile Boolean available;

  public Ocr(String command, String languages, Duration pageBudget, long maxPagePixels) {
    this(command, languages, pageBudget, maxPagePixels, CORES);
  }

  /** As above, reading up to {@code workers} pages of one document at once. */
  public Ocr(String command, String languages, Duration pageBudget, long maxPagePixels, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("OCR workers must be at least 1, not " + workers);
    }
    this.command = command;
    this.languages = languages;
    this.pageBudget = pageBudget;
    this.maxPagePixels = maxPagePixels;
    this.workers = workers;
    ensureSlots(workers);
  }

  /** The number of cores this JVM may use: the default number of OCR workers. */
  public static int cores() {
    return CORES;
  }

  /** Tesseract processes allowed at once in this JVM: the cores, or the most workers any Ocr asked for. */
  public static synchronized int processSlots() {
    return slotCount;
  }

  private static synchronized void ensureSlots(int n) {
    if (n > slotCount) {
      SLOTS.release(n - slotCount);
      slotCount = n;
    }
  }

  /** The most Tesseract processes seen running at once in this JVM since the last reset (for tests). */
  static int peakProcesses() {
    return PEAK.get();
  }

  static void resetPeakProcesses() {
    PEAK.set(RUNNING.get());
  }

  /** The same settings with {@code n} pages of one document read at once. */
  public Ocr withWorkers(int n) {
    Ocr o = new Ocr(command, languages, pageBudget, maxPagePixels, n);
    o.available = available;
    return o;
  }

  public int workers() {
    return workers;
  }

  /** Tesseract on PATH with chi_sim, 60 s per page, at most 40 million pixels per rendered page. */
  public static Ocr defaults() {
    return withMaxPagePixels(40_000_000L);
  }

  public static Ocr withMaxPagePixels(long maxPagePixels) {
    return new Ocr("tesseract", "chi_sim+eng", Duration.ofSeconds(60), maxPagePixels);
  }

  /** Tesseract on PATH with chi_sim, 60 s per page, the given pixel budget and pages of one document read at once. */
  public static Ocr of(long maxPagePixels, int workers) {
    return new Ocr("tesseract", "chi_sim+eng", Duration.ofSeconds(60), maxPagePixels, workers);
  }

  public long maxPagePixels() {
    return maxPagePixels;
  }

  /** The resolution at which a page of this size fits the pixel budget: 300 dpi, or less for a large page. */
  public float dpiFor(float widthPt, float heightPt) {
    double squareInches = Math.max(1e-6, (double) widthPt / 72 * heightPt / 72);
    double dpiForBudget = Math.sqrt(maxPagePixels / squareInches);
    return (float) Math.min(DPI, dpiForBudget);
  }

  public boolean available() {
    Boolean a = available;
    if (a == null) {
      a = probe(command, languages);
      available = a;
    }
    return a;
  }

  private static boolean probe(String command, String languages) {
    try {
      Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      for (String lang : languages.split("\\+")) {
        if (!out.lines().anyMatch(l -> l.strip().equals(lang))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The text of one page and a box per char (PDF user space: x0, y0, x1, y1; null for line breaks), lines in reading
   * order as Tesseract found them.
   */
  public record PageText(String text, List<float[]> boxes) {}

  /**
   * Reads one page. Waits for one of the JVM's Tesseract slots first; the page is rendered under the document's lock
   * (PDFBox is not thread-safe per document), so several pages of one document may be read at once from different
   * threads.
   */
  public PageText read(PDDocument doc, int pageIndex, Deadline deadline) {
    deadline.check();
    try {
      SLOTS.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.TIME_LIMIT, "OCR was interrupted");
    }
    try {
      return readInSlot(doc, pageIndex, deadline);
    } finally {
      SLOTS.release();
    }
  }

  private PageText readInSlot(PDDocument doc, int pageIndex, Deadline deadline) {
    deadline.check();
    long t0 = System.nanoTime();
    Path dir = null;
    Process p = null;
    try {
      float dpi;
      float pageHeight;
      BufferedImage img;
      synchronized (doc) {
        org.apache.pdfbox.pdmodel.common.PDRectangle box = doc.getPage(pageIndex).getCropBox();
        dpi = dpiFor(box.getWidth(), box.getHeight());
        pageHeight = box.getHeight();
        if (dpi < MIN_DPI) {
          throw new CheckException(ErrorCode.TOO_LARGE, "page " + (pageIndex + 1) + " is too large to render for OCR");
        }
        dir = io.fairtender.TempFiles.createDir("ocr");
        PDFRenderer renderer = new PDFRenderer(doc);
        renderer.setSubsamplingAllowed(true); // large images are read at the output resolution, not decoded whole
        img = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
      }
      long t1 = System.nanoTime();
      Path png = dir.resolve("page.png");
      ImageIO.write(img, "png", png.toFile());
      img = null;
      List<String> cmd = new ArrayList<>();
      if (Files.isExecutable(TIMEOUT)) {
        // coreutils timeout ends tesseract at the page budget even when this process is killed and cannot
        cmd.addAll(List.of(TIMEOUT.toString(), "-k", "5", Long.toString(pageBudget.toSeconds() + 1)));
      }
      cmd.addAll(List.of(command, png.toString(), dir.resolve("out").toString(), "-l", languages, "--psm", "6", "tsv"));
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
      // one thread: OpenMP threads fighting over two cores made a page take 20 s instead of 4
      pb.environment().put("OMP_THREAD_LIMIT", "1");
      p = pb.start();
      PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
      boolean finished;
      try {
        finished = p.waitFor(pageBudget.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        RUNNING.decrementAndGet();
      }
      if (!finished) {
        p.destroyForcibly();
        throw new CheckException(ErrorCode.TIME_LIMIT, "OCR of page " + (pageIndex + 1) + " took longer than " + pageBudget.toSeconds() + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("tesseract exited with " + p.exitValue());
      }
      float scale = 72f / dpi;
      org.slf4j.LoggerFactory.getLogger(Ocr.class).debug("OCR page {}: rendered in {} ms, read in {} ms", pageIndex + 1,
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
      return parse(Files.readAllLines(dir.resolve("out.tsv"), StandardCharsets.UTF_8), scale, pageHeight);
    } catch (IOException | RuntimeException e) {
      if (e instanceof CheckException ce) {
        throw ce;
      }
      org.slf4j.LoggerFactory.getLogger(Ocr.class).info("OCR failed on page {}: {}", pageIndex + 1, e.toString());
      throw new CheckException(ErrorCode.CORRUPT, "OCR failed on page " + (pageIndex + 1), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.TIME_LIMIT, "OCR was interrupted");
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly(); // an abandoned check must not leave tesseract running
      }
      io.fairtender.TempFiles.delete(dir);
    }
  }

  /**
   * The outcome of one page of {@link #readAll}: its text, or why it was not read.
   *
   * @param pageIndex the page (0-based)
   * @param text the page's text and boxes, or null when the page was not read
   * @param refused why the page was not read: TOO_LARGE (refused), TIME_LIMIT (reading time ran out first), or null
   */
  public record PageOutcome(int pageIndex, PageText text, CheckException refused) {
    /** True when the page was not read because the time for reading pages ran out. */
    public boolean timedOut() {
      return refused != null && refused.code() == ErrorCode.TIME_LIMIT;
    }
  }

  public List<PageOutcome> readAll(PDDocument doc, List<Integer> pageIndexes, Deadline deadline) {
    return readAll(doc, pageIndexes, deadline, () -> { });
  }

  /**
   * Reads the pages (0-based) with up to {@link #workers()} pages at once and returns their outcomes in the order
   * given; {@code pageDone} runs as each page is read. A page refused as too large is an outcome. When the time for
   * reading pages runs out ({@link Deadline#readingOver()}) the pages being read are stopped and every page not read
   * has a TIME_LIMIT outcome. Any other failure (Tesseract failing) stops the remaining pages, whose processes are ended
   * and temp folders removed before it is thrown.
   */
  public List<PageOutcome> readAll(PDDocument doc, List<Integer> pageIndexes, Deadline deadline, Runnable pageDone) {
    if (pageIndexes.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(workers, pageIndexes.size());
    java.util.Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fairtender-ocr-" + THREAD_IDS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    java.util.Map<Integer, PageOutcome> byPage = new java.util.HashMap<>();
    try {
      CompletionService<PageOutcome> done = new ExecutorCompletionService<>(pool);
      for (int i : pageIndexes) {
        done.submit(() -> {
          if (mdc != null) {
            org.slf4j.MDC.setContextMap(mdc);
          }
          try {
            return outcome(doc, i, deadline);
          } finally {
            org.slf4j.MDC.clear();
          }
        });
      }
      for (int n = 0; n < pageIndexes.size(); n++) {
        Future<PageOutcome> f = done.poll(deadline.readingNanosLeft(), TimeUnit.NANOSECONDS);
        if (f == null) {
          org.slf4j.LoggerFactory.getLogger(Ocr.class).info("OCR stopped at the time limit after {} of {} pages",
              byPage.size(), pageIndexes.size());
          break; // reading time is over: the pages not read yet are reported as such
        }
        PageOutcome o = f.get();
        byPage.put(o.pageIndex(), o);
        pageDone.run();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new CheckException(ErrorCode.CORRUPT, "OCR failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.TIME_LIMIT, "OCR was interrupted");
    } finally {
      stop(pool);
    }
    List<PageOutcome> out = new ArrayList<>();
    for (int i : pageIndexes) {
      PageOutcome o = byPage.get(i);
      out.add(o != null ? o : new PageOutcome(i, null,
          new CheckException(ErrorCode.TIME_LIMIT, "page " + (i + 1) + " was not read by OCR within the time limit")));
    }
    return out;
  }

  private PageOutcome outcome(PDDocument doc, int pageIndex, Deadline deadline) {
    try {
      return new PageOutcome(pageIndex, read(doc, pageIndex, deadline), null);
    } catch (CheckException e) {
      if (e.code() != ErrorCode.TOO_LARGE) {
        throw e;
      }
      return new PageOutcome(pageIndex, null, e);
    }
  }

  /** Interrupts pages still being read and waits briefly so that their processes are ended and temp folders gone. */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Tesseract TSV: level 5 rows are words with their boxes; block/paragraph/line numbers give the lines. */
  static PageText parse(List<String> tsv, float scale, float pageHeight) {
    StringBuilder text = new StringBuilder();
    List<float[]> boxes = new ArrayList<>();
    String lastLine = null;
    for (String row : tsv) {
      String[] c = row.split("\t", -1);
      if (c.length < 12 || !c[0].equals("5")) {
        continue;
      }
      String word = c[11].strip();
      if (word.isEmpty()) {
        continue;
      }
      String line = c[2] + "/" + c[3] + "/" + c[4];
      if (lastLine != null && !line.equals(lastLine)) {
        text.append('\n');
        boxes.add(null);
      } else if (lastLine != null && needsSpace(text, word)) {
        text.append(' ');
        boxes.add(null);
      }
      lastLine = line;
      float left = Integer.parseInt(c[6]) * scale;
      float top = Integer.parseInt(c[7]) * scale;
      float width = Integer.parseInt(c[8]) * scale;
      float height = Integer.parseInt(c[9]) * scale;
      int n = word.length();
      for (int i = 0; i < n; i++) {
        float x0 = left + width * i / n;
        float x1 = left + width * (i + 1) / n;
        boxes.add(new float[] {x0, pageHeight - top - height, x1, pageHeight - top});
        text.append(word.charAt(i));
      }
    }
    return new PageText(fullWidthPunctuation(text), boxes);
  }

  /** OCR returns ASCII punctuation; where Chinese stands on either side it goes back to full width (same length). */
  public static String fullWidthPunctuation(CharSequence s) {
    StringBuilder out = new StringBuilder(s);
    String ascii = ":;(),?!";
    String full = "：；（），？！";
    for (int i = 0; i < out.length(); i++) {
      int k = ascii.indexOf(out.charAt(i));
      if (k < 0) {
        continue;
      }
      boolean hanBefore = i > 0 && Character.UnicodeScript.of(out.charAt(i - 1)) == Character.UnicodeScript.HAN;
      boolean hanAfter = i + 1 < out.length() && Character.UnicodeScript.of(out.charAt(i + 1)) == Character.UnicodeScript.HAN;
      if (hanBefore || hanAfter) {
        out.setCharAt(i, full.charAt(k));
      }
    }
    return out.toString();
  }

  /** Latin words keep a space between them; Chinese runs do not. */
  private static boolean needsSpace(StringBuilder text, String next) {
    char prev = text.length() == 0 ? ' ' : text.charAt(text.length() - 1);
    return prev < 0x80 && Character.isLetterOrDigit(prev) && next.charAt(0) < 0x80 && Character.isLetterOrDigit(next.charAt(0));
  }
}
