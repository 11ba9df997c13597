package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.segment.BlockRole;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link KeywordIndex}: where a word counts (starting in a span, or wholly within it) and the unit index. */
class KeywordIndexTest {
  private final KeywordIndex words = KeywordIndex.of("保证金", "保函", "付款", "预付", "息");

  @Test
  void aWordStartingInTheSpanCountsEvenWhenItRunsOn() {
    String text = "投标保证金为五千元";
    assertTrue(words.startsIn(text, 0, 3)); // 保证金 starts at 2 and ends at 5
    assertFalse(words.startsIn(text, 0, 2));
    assertFalse(words.startsIn(text, 5, text.length()));
  }

  @Test
  void withinNeedsTheWholeWordInsideTheSpan() {
    String text = "合同签订后预付款百分之三十，无利息";
    assertEquals(words.mask("预付", "付款", "息"), words.within(text, 0, text.length()));
    assertEquals(words.mask("预付"), words.within(text, 0, 7)); // 付款 (6-8) runs past 7
    assertEquals(0, words.within(text, 0, 6));
    assertTrue(KeywordIndex.anyWithin(text, 0, 7, "付款", "预付"));
    assertFalse(KeywordIndex.anyWithin(text, 0, 6, "付款", "预付"));
  }

  @Test
  void wordAtNamesTheWordStartingThere() {
    String text = "提交保函或保证金";
    assertEquals(1, words.wordAt(text, 2));
    assertEquals(0, words.wordAt(text, 5));
    assertEquals(-1, words.wordAt(text, 3));
  }

  @Test
  void theUnitIndexFiltersUnitsInOrder() {
    String text = "一、投标保证金\n二、付款方式\n三、其他";
    Unit a = unit(0, 7);
    Unit b = unit(8, 14);
    Unit c = unit(15, 19);
    KeywordIndex.UnitIndex index = new KeywordIndex.UnitIndex(words, List.of(a, b, c), text);
    assertEquals(List.of(a, b), index.having("付款", "保证金"));
    assertEquals(List.of(), index.having("息"));
    assertThrows(IllegalArgumentException.class, () -> index.having("押金"));
  }

  @Test
  void repeatedOrEmptyWordsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> KeywordIndex.of("付款", "付款"));
    assertThrows(IllegalArgumentException.class, () -> KeywordIndex.of(""));
  }

  private static Unit unit(int start, int end) {
    return new Unit(start, end, null, SectionRole.OTHER, false, BlockRole.NONE);
  }
}
