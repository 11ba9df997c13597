package io.fairtender.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tests for {@link ChineseNumerals}: the bit table behind isNumeralChar agrees with digit and unit. */
public class ChineseNumeralsTest {

  @Test
  void numeralCharsAreExactlyTheDigitsAndUnits() {
    int numerals = 0;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      boolean expected = ChineseNumerals.digit((char) c) >= 0 || ChineseNumerals.unit((char) c) > 0;
      assertEquals(expected, ChineseNumerals.isNumeralChar((char) c), "char " + Integer.toHexString(c));
      numerals += expected ? 1 : 0;
    }
    assertEquals(34, numerals); // 24 digit forms and 10 multipliers
  }

  @Test
  void parsesRunsAsBefore() {
    assertEquals(2023, ChineseNumerals.parse("二〇二三"));
    assertEquals(50_000_000, ChineseNumerals.parse("伍仟万"));
    assertEquals(-1, ChineseNumerals.parse("三a"));
  }
}
