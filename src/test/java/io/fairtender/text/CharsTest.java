package io.fairtender.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CharsTest {
  @Test
  void findsAnyOfTheCharsAnywhere() {
    assertTrue(Chars.containsAny("中型企业", "型"));
    assertTrue(Chars.containsAny(new StringBuilder("投标函格式"), "书表式"));
    assertFalse(Chars.containsAny("投标人须知", "函书表式"));
    assertFalse(Chars.containsAny("", "型"));
    assertFalse(Chars.containsAny("中型", ""));
  }
}
