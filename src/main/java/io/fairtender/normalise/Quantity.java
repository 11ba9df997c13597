package io.fairtender.normalise;

/**
 * A number with its unit and comparison found in normalised text.
 *
 * @param kind what is measured
 * @param value the value in base units: yuan for money, a fraction for percentages, years for durations,
 *     the calendar year for {@link Kind#YEAR}; the lower bound of a range
 * @param max the upper bound of a range, or {@code value} when it is a single number
 * @param unit the unit as written (万元, 年, 人, 分 ...)
 * @param comparator how the value bounds the requirement
 * @param start first normalised char of the expression (including comparison words)
 * @param end one past its last char
 */
public record Quantity(Kind kind, double value, double max, String unit, Comparator comparator, int start, int end) {

  /** What a quantity measures. */
  public enum Kind { MONEY, PERCENT, DURATION, YEAR, COUNT, AREA, SCORE }

  /** How a quantity bounds a requirement. */
  public enum Comparator {
    GE(">="), GT(">"), LE("<="), LT("<"), EQ("="), RANGE("range");

    private final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** True for a lower bound: the requirement is "at least". */
    public boolean isFloor() {
      return this == GE || this == GT;
    }
  }
}
