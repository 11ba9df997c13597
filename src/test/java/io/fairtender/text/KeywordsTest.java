package io.fairtender.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {
  private static List<String> hits(Keywords k, String text) {
    List<String> out = new ArrayList<>();
    k.find(text, (s, e, w) -> out.add(s + "-" + e + ":" + k.word(w)));
    return out;
  }

  @Test
  void findsEveryOccurrenceOverlappingOnesIncludedWithExclusiveEnds() {
    Keywords k = Keywords.of(List.of("注册资本", "资本", "业绩", ""));
    List<String> found = hits(k, "要求注册资本不低于业绩、业绩");
    assertEquals(List.of("9-11:业绩", "12-14:业绩"), found.subList(2, 4), "in order of start");
    assertEquals(java.util.Set.of("2-6:注册资本", "4-6:资本"), java.util.Set.copyOf(found.subList(0, 2)));
    assertEquals(List.of(), hits(k, "项目地点"));
  }

  @Test
  void anEmptySetFindsNothing() {
    Keywords k = Keywords.of(List.of());
    assertEquals(List.of(), hits(k, "注册资本"));
  }

  @Test
  void emptyTextHasNoHits() {
    assertEquals(List.of(), hits(Keywords.of(List.of("业绩")), ""));
  }

  @Test
  void findsKeywordsAtTheEdgesOfTheTextAndBetweenOtherCharacters() {
    Keywords k = Keywords.of(List.of("业绩", "绩效", "ISO"));
    assertEquals(List.of("0-2:业绩", "1-3:绩效", "6-9:ISO", "12-14:业绩"), hits(k, "业绩效，取得ISO认证的业绩"));
    assertEquals(List.of("0-2:业绩"), hits(k, "业绩"));
    assertEquals(List.of(), hits(k, "业，绩"));
  }

  @Test
  void aHitNamesTheKeywordByItsPlaceInTheListAndARepeatedKeywordIsRefused() {
    Keywords k = Keywords.of(List.of("资本", "注册资本"));
    List<Integer> found = new ArrayList<>();
    k.find("注册资本", (s, e, w) -> found.add(w));
    assertEquals(java.util.Set.of(0, 1), java.util.Set.copyOf(found));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Keywords.of(List.of("业绩", "业绩")));
  }

  @Test
  void findsWhatAComparisonAtEveryPositionFinds() {
    java.util.Random r = new java.util.Random(7);
    String alphabet = "新余乡疆都区业绩杭州市安";
    List<String> words = new ArrayList<>();
    while (words.size() < 60) {
      StringBuilder w = new StringBuilder();
      for (int n = 1 + r.nextInt(3); n > 0; n--) {
        w.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      if (!words.contains(w.toString())) {
        words.add(w.toString());
      }
    }
    Keywords k = Keywords.of(words);
    for (int t = 0; t < 200; t++) {
      StringBuilder text = new StringBuilder();
      for (int n = r.nextInt(30); n > 0; n--) {
        text.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        for (int w = 0; w < words.size(); w++) {
          if (text.toString().startsWith(words.get(w), i)) {
            expected.add(i + "-" + (i + words.get(w).length()) + ":" + words.get(w));
          }
        }
      }
      assertEquals(expected, hits(k, text.toString()), text.toString());
      assertEquals(!expected.isEmpty(), k.occursIn(text, 0, text.length()), text.toString());
    }
  }
}
