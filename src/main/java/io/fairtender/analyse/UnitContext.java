package io.fairtender.analyse;

import io.fairtender.normalise.Quantity;
import io.fairtender.normalise.QuantityExtractor;
import io.fairtender.segment.Unit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A unit under analysis, with its quantities and features computed once, on first use. */
public final class UnitContext {
  private final String text;
  private final Unit unit;
  private List<Quantity> quantities;
  private String chars;
  private final Map<UnitFeature, Boolean> features = new EnumMap<>(UnitFeature.class);
  /** The start positions of each anchoring lexicon's words (see {@link PatternScan#anchor}), found on first use. */
  private Map<io.fairtender.text.Keywords, int[]> anchors;

  private final java.util.function.Function<java.util.regex.Pattern, PatternScan> scans;

  UnitContext(String text, Unit unit, java.util.function.Function<java.util.regex.Pattern, PatternScan> scans) {
    this.text = text;
    this.unit = unit;
    this.scans = scans;
  }

  public String text() {
    return text;
  }

  public Unit unit() {
    return unit;
  }

  /** The unit's chars (cut from the whole text once, on first use). */
  public CharSequence chars() {
    return unitText();
  }

  private String unitText() {
    if (chars == null) {
      chars = text.substring(unit.start(), unit.end());
    }
    return chars;
  }

  public List<Quantity> quantities() {
    if (quantities == null) {
      quantities = QuantityExtractor.find(text, unit.start(), unit.end());
    }
    return quantities;
  }

  /**
   * The spans (absolute offsets; named group {@code m} when the pattern has one) of the successive matches of {@code p}
   * in the unit, exactly as {@code find()} over the unit alone gives them, tried only from positions where a match can
   * start ({@link StartChars}).
   */
  public List<int[]> spans(java.util.regex.Pattern p) {
    List<int[]> out = new java.util.ArrayList<>();
    scan(p, out);
    return out;
  }

  /** Whether {@code p} matches anywhere in the unit ({@code find()} over the unit), tried as {@link #spans} does. */
  public boolean finds(java.util.regex.Pattern p) {
    return scan(p, null);
  }

  /** Finds the matches of {@code p} in order, adding their spans to {@code out}; null: stops at the first. */
  private boolean scan(java.util.regex.Pattern p, List<int[]> out) {
    String s = unitText();
    PatternScan scan = scans.apply(p);
    StartChars first = scan.first();
    boolean narrowed = scan.narrowed();
    java.util.regex.Matcher m = p.matcher(s);
    int n = s.length();
    if (scan.anchor() != null) {
      int[] starts = anchorStarts(scan.anchor().get());
      return scanFrom(from -> { // the first place where a word of the lexicon starts, at or after from
        int k = java.util.Arrays.binarySearch(starts, from);
        k = k >= 0 ? k : -k - 1;
        return k < starts.length ? starts[k] : n;
      }, m, n, out, narrowed);
    }
    if (first.unrestricted()) {
      boolean found = false;
      while (m.find()) {
        if (out == null) {
          return true;
        }
        out.add(span(m, narrowed));
        found = true;
      }
      return found;
    }
    // a match needs a first character (a pattern that can match empty is unrestricted)
    return scanFrom(from -> first.next(s, from, n), m, n, out, narrowed);
  }

  /**
   * Tries {@code m} at each position {@code next} gives (the first where a match can start, at or after its argument;
   * {@code n} for none), from the unit's start and after each match, as find() over the unit would meet them.
   */
  private boolean scanFrom(java.util.function.IntUnaryOperator next, java.util.regex.Matcher m, int n, List<int[]> out,
      boolean narrowed) {
    // transparent bounds and no anchoring at the region: look-arounds and ^ see the unit as find() over it does
    m.useTransparentBounds(true).useAnchoringBounds(false);
    boolean found = false;
    int from = 0;
    while (from < n) {
      int i = next.applyAsInt(from);
      if (i >= n) {
        break;
      }
      m.region(i, n);
      if (m.lookingAt()) {
        if (out == null) {
          return true;
        }
        out.add(span(m, narrowed));
        found = true;
        from = m.end() == m.start() ? m.end() + 1 : m.end();
      } else {
        from = i + 1;
      }
    }
    return found;
  }

  /** Where a word of {@code words} starts in the unit (ascending, each once); found once per unit and table. */
  private int[] anchorStarts(io.fairtender.text.Keywords words) {
    if (anchors == null) {
      anchors = new java.util.IdentityHashMap<>();
    }
    return anchors.computeIfAbsent(words, w -> {
      java.util.stream.IntStream.Builder at = java.util.stream.IntStream.builder();
      int[] last = {-1};
      w.find(unitText(), (start, end, index) -> {
        if (start != last[0]) { // hits come in order of start
          at.add(start);
          last[0] = start;
        }
      });
      return at.build().toArray();
    });
  }

  /** The match's span in the whole text: its named group {@code m}, else the whole match. */
  private int[] span(java.util.regex.Matcher m, boolean narrowed) {
    return new int[] {unit.start() + group(m, true, narrowed), unit.start() + group(m, false, narrowed)};
  }

  /** Where the named group {@code m} (else the whole match) starts or ends. */
  private static int group(java.util.regex.Matcher m, boolean start, boolean narrowed) {
    int at = -1;
    if (narrowed) {
      try {
        at = start ? m.start("m") : m.end("m");
      } catch (IllegalArgumentException noGroup) {
        at = -1; // "(?<m>" stood in the pattern's text without being a group
      }
    }
    return at >= 0 ? at : start ? m.start() : m.end();
  }

  public boolean has(UnitFeature f) {
    // the feature's expression tried, like a rule's, only where a match can start
    return features.computeIfAbsent(f, k -> k.mayBeIn(chars()) && finds(k.pattern()));
  }
}
