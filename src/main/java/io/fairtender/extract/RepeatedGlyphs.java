package io.fairtender.extract;

import java.util.Arrays;

/**
 * The glyphs already shown on a page, to drop a glyph drawn again over itself (the "fake bold" of many tender PDFs,
 * where each character is painted twice a fraction of a point apart).
 *
 * <p>The test is PDFBox's own ({@code PDFTextStripper}'s duplicate-overlapping-text suppression): a glyph is a repeat
 * when a glyph with the same text was kept at x in {@code [x - t, x + t)} and y in {@code [y - t, y + t)}, with
 * {@code t = width / text length / 3}, all in float arithmetic and {@link Float#compare} order. PDFBox answers it with a
 * tree map of boxed floats per text, allocating a view and an iterator for every glyph (~8% of text extraction here);
 * this class answers the same question from a hashed grid of 8-point cells over primitive arrays. Queries whose bounds
 * are not finite, are far off the page or span many cells fall back to a scan of all the page's glyphs, so the answer
 * is the same in every case, including PDFBox's {@link IllegalArgumentException} for a negative width.
 */
final class RepeatedGlyphs {
  private static final double CELL = 8.0;
  private static final float FAR = 1.0e7f;
  private static final int MAX_CELLS_PER_AXIS = 4;

  private String[] texts = new String[256];
  private float[] xs = new float[256];
  private float[] ys = new float[256];
  private int[] next = new int[256];
  private int size;
  private int[] heads = newHeads(512);
  private int gridded;

  /** Forgets the glyphs of the previous page. */
  void clear() {
    if (size > 0) {
      Arrays.fill(texts, 0, size, null);
      size = 0;
      gridded = 0;
      Arrays.fill(heads, -1);
    }
  }

  /**
   * Whether a glyph showing {@code text} at ({@code x}, {@code y}) repeats one already kept; when it does not, it is
   * kept.
   *
   * @throws IllegalArgumentException where PDFBox's range query throws it (a negative or infinite negative tolerance)
   */
  boolean repeat(String text, float x, float y, float width) {
    float t = width / text.length() / 3.0f;
    float xFrom = x - t;
    float xTo = x + t;
    float yFrom = y - t;
    float yTo = y + t;
    if (Float.compare(xFrom, xTo) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    boolean found = gridQuery(xFrom, xTo, yFrom, yTo)
        ? findInGrid(text, xFrom, xTo, yFrom, yTo)
        : findInAll(text, xFrom, xTo, yFrom, yTo);
    if (!found) {
      add(text, x, y);
    }
    return found;
  }

  /** Whether every glyph the query can match is in the grid cells it spans, and they are few. */
  private static boolean gridQuery(float xFrom, float xTo, float yFrom, float yTo) {
    return near(xFrom) && near(xTo) && near(yFrom) && near(yTo) && Float.compare(yFrom, yTo) <= 0
        && cell(xTo) - cell(xFrom) < MAX_CELLS_PER_AXIS && cell(yTo) - cell(yFrom) < MAX_CELLS_PER_AXIS;
  }

  /** Finite and within the range where every glyph a query can match sits in the grid. */
  private static boolean near(float v) {
    return v > -FAR && v < FAR;
  }

  private static int cell(float v) {
    return (int) Math.floor(v / CELL);
  }

  private boolean findInGrid(String text, float xFrom, float xTo, float yFrom, float yTo) {
    int hash = text.hashCode();
    int mask = heads.length - 1;
    int cy0 = cell(yFrom);
    int cy1 = cell(yTo);
    for (int cx = cell(xFrom), cx1 = cell(xTo); cx <= cx1; cx++) {
      for (int cy = cy0; cy <= cy1; cy++) {
        for (int i = heads[bucket(hash, cx, cy) & mask]; i >= 0; i = next[i]) {
          if (inRange(xs[i], xFrom, xTo) && inRange(ys[i], yFrom, yTo) && sameText(texts[i], text)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean findInAll(String text, float xFrom, float xTo, float yFrom, float yTo) {
    for (int i = 0; i < size; i++) {
      if (inRange(xs[i], xFrom, xTo) && sameText(texts[i], text)) {
        if (Float.compare(yFrom, yTo) > 0) {
          throw new IllegalArgumentException("fromKey > toKey");
        }
        if (inRange(ys[i], yFrom, yTo)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inRange(float v, float from, float to) {
    return Float.compare(v, from) >= 0 && Float.compare(v, to) < 0;
  }

  private static boolean sameText(String a, String b) {
    return a == b || a.equals(b);
  }

  private void add(String text, float x, float y) {
    if (size == texts.length) {
      int n = size * 2;
      texts = Arrays.copyOf(texts, n);
      xs = Arrays.copyOf(xs, n);
      ys = Arrays.copyOf(ys, n);
      next = Arrays.copyOf(next, n);
    }
    int i = size++;
    texts[i] = text;
    xs[i] = x;
    ys[i] = y;
    next[i] = -1;
    if (near(x) && near(y)) {
      if (++gridded > heads.length / 2) {
        rehash();
      }
      link(i);
    }
  }

  private void link(int i) {
    int b = bucket(texts[i].hashCode(), cell(xs[i]), cell(ys[i])) & (heads.length - 1);
    next[i] = heads[b];
    heads[b] = i;
  }

  private void rehash() {
    heads = newHeads(heads.length * 2);
    for (int i = 0; i < size - 1; i++) { // the glyph being added is linked by the caller
      if (near(xs[i]) && near(ys[i])) {
        link(i);
      }
    }
  }

  private static int bucket(int hash, int cx, int cy) {
    int h = hash * 0x9E3779B1 + cx * 0x85EBCA6B + cy * 0xC2B2AE35;
    return h ^ (h >>> 15);
  }

  private static int[] newHeads(int n) {
    int[] h = new int[n];
    Arrays.fill(h, -1);
    return h;
  }
}
