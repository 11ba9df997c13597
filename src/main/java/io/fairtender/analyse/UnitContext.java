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

  UnitContext(String text, Unit unit) {
    this.text = text;
    this.unit = unit;
  }

  public String text() {
    return text;
  }

  public Unit unit() {
    return unit;
  }

  /** The unit's chars (cut from the whole text once, on first use). */
  public CharSequence chars() {
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

  public boolean has(UnitFeature f) {
    return features.computeIfAbsent(f, k -> k.in(chars()));
  }
}
