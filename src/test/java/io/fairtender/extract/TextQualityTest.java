package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextQualityTest {
  @Test
  void theFastHanTestAgreesWithTheUnicodeScriptOfEveryCodePoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean expected = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      if (TextQuality.isHan(cp) != expected) {
        assertEquals(expected, TextQuality.isHan(cp), "U+" + Integer.toHexString(cp));
      }
    }
  }

  @Test
  void countsAndThresholdsHanCharacters() {
    assertEquals(6, TextQuality.hanCount("注册资本 ISO 9001 〇々"), "〇 and 々 are Han too");
    assertTrue(TextQuality.hasHan("注册资本", 4));
    assertFalse(TextQuality.hasHan("注册资本", 5));
    assertFalse(TextQuality.hasHan("ÄÖÜ 123", 1));
    assertTrue(TextQuality.hasHan("", 0));
  }

  @Test
  void tellsChineseTextFromUnmappedGlyphSoup() {
    assertTrue(TextQuality.isUsable("投标人须具有独立承担民事责任的能力。"));
    assertFalse(TextQuality.isUsable("ÄÖÜ¤§¨©ª«¬®¯ÄÖÜ¤§¨©ª«¬®¯"));
    assertFalse(TextQuality.isUsable("   "));
  }
}
