package io.fairtender.extract;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OCR text and word boxes of the documents checked last, by the SHA-256 of their bytes, so that the annotated copy
 * of a scanned PDF (which needs the boxes) does not read its pages again. Bounded by the number of chars held (about 40
 * bytes each with their boxes); the least recently used documents are dropped first. Thread-safe.
 */
public final class OcrCache {
  /** About 16 MB of boxes: a few hundred scanned pages. */
  static final int MAX_CHARS = 400_000;
  private static final LinkedHashMap<String, Map<Integer, Ocr.PageText>> DOCS = new LinkedHashMap<>(16, 0.75f, true);
  private static int chars;

  private OcrCache() {}

  /** Keeps the pages read by OCR (1-based page number → text and boxes) of the document with these bytes. */
  static void put(byte[] data, Map<Integer, Ocr.PageText> pages) {
    put(io.fairtender.Checker.sha256(data), pages);
  }

  static synchronized void put(String sha256, Map<Integer, Ocr.PageText> pages) {
    int size = size(pages);
    if (size > MAX_CHARS) {
      return;
    }
    Map<Integer, Ocr.PageText> old = DOCS.remove(sha256);
    if (old != null) {
      chars -= size(old);
    }
    DOCS.put(sha256, Map.copyOf(pages));
    chars += size;
    Iterator<Map<Integer, Ocr.PageText>> it = DOCS.values().iterator();
    while (chars > MAX_CHARS && it.hasNext()) {
      chars -= size(it.next());
      it.remove();
    }
  }

  /** The OCR of one page (1-based) of the document with this SHA-256, or null when it is not held. */
  public static synchronized Ocr.PageText get(String sha256, int page) {
    Map<Integer, Ocr.PageText> pages = sha256 == null ? null : DOCS.get(sha256);
    return pages == null ? null : pages.get(page);
  }

  /** Drops everything held. */
  public static synchronized void clear() {
    DOCS.clear();
    chars = 0;
  }

  private static int size(Map<Integer, Ocr.PageText> pages) {
    int n = 0;
    for (Ocr.PageText p : pages.values()) {
      n += p.text().length();
    }
    return n;
  }
}
