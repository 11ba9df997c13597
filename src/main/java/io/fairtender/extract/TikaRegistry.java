package io.fairtender.extract;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

/**
 * Tika's detector and parser registries, built once per JVM when a document first needs them (about a second), on a
 * thread of their own. A check interrupted at its time limit while they are built only stops waiting: the building
 * goes on, so an interrupt can never leave Tika's static state half-initialised for the rest of the process (which
 * a lazy holder class initialised on the checking thread could, failing every later Word or HTML document).
 */
final class TikaRegistry {
  /** The two registries. */
  record Parts(Detector detector, Parser parser) {}

  private static final ExecutorService BUILDER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fairtender-tika-init");
    t.setDaemon(true);
    return t;
  });
  private static Future<Parts> parts;

  private TikaRegistry() {}

  static Detector detector() {
    return get().detector();
  }

  static Parser parser() {
    return get().parser();
  }

  private static Parts get() {
    Future<Parts> f;
    synchronized (TikaRegistry.class) {
      if (parts == null) {
        parts = BUILDER.submit(() -> new Parts(new DefaultDetector(), new AutoDetectParser()));
      }
      f = parts;
    }
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCode.TIME_LIMIT, "interrupted while the document readers were loading");
    } catch (ExecutionException e) {
      synchronized (TikaRegistry.class) {
        if (parts == f) {
          parts = null; // a later document tries again
        }
      }
      throw new IllegalStateException("Tika could not be loaded", e.getCause());
    }
  }
}
