package io.fairtender.analyse.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.text.Keywords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LexiconAnchorTest {
  private static final Lexicons LEX = Lexicons.builtin();
  private static final LexiconAnchor ANCHOR = LexiconAnchor.builtin();

  private static Keywords anchor(String regex) {
    java.util.function.Supplier<Keywords> k = ANCHOR.of(Pattern.compile(LEX.expand(regex)));
    return k == null ? null : k.get();
  }

  @Test
  void aPatternOpeningWithTheGazetteerIsAnchoredOnItsWords() {
    Keywords k = anchor("{{place-named}}(?:内|范围内)的业绩");
    assertNotNull(k);
    List<Integer> starts = new ArrayList<>();
    k.find("在杭州市完成", (s, e, w) -> starts.add(s));
    assertTrue(starts.contains(1), "杭州 starts at 1: " + starts);
    assertNotNull(anchor("(?=[^。]{2,20}?业绩)(?={{place-named}})(?:{{place-named}}内)?业绩"), "after another lookahead");
    assertNotNull(anchor("(?={{place-named}})业绩"));
  }

  @Test
  void aLexiconThatCanBeSkippedDoesNotAnchor() {
    assertNull(anchor("{{place-named}}?业绩"), "optional");
    assertNull(anchor("(?:{{place-named}})*业绩"), "repeated");
    assertNull(anchor("(?={{place-named}})?业绩"), "optional lookahead");
    assertNull(anchor("{{place-named}}业绩|本地业绩"), "one branch of a top-level alternation");
    assertNull(anchor("(?=业绩|合同){{place-named}}|外地"), "top-level alternation after a lookahead");
    assertNull(anchor("在{{place-named}}"), "not at the start");
    assertNull(anchor("(?:本省|{{place-named}})业绩"), "one alternative of the first element");
    assertNull(ANCHOR.of(Pattern.compile(LEX.expand("{{place-named}}业绩"), Pattern.CASE_INSENSITIVE)), "flags");
  }

  @Test
  void aShortWordListDoesNotAnchor() {
    Lexicon small = LEX.all().stream().filter(l -> l.literalOnly() && l.literals().size() < LexiconAnchor.MIN_WORDS)
        .findFirst().orElseThrow();
    assertNull(anchor("{{" + small.id() + "}}"), small.id());
  }

  @Test
  void groupsAndAlternationsAreReadPastEscapesAndClasses() {
    assertEquals(5, LexiconAnchor.groupEnd("(a\\)b)c", 0), "escaped paren inside");
    assertEquals(6, LexiconAnchor.groupEnd("(?=[)])x", 0), "paren in a class");
    assertEquals(-1, LexiconAnchor.groupEnd("(abc", 0));
    assertFalse(LexiconAnchor.hasTopLevelAlternation("(a|b)c"));
    assertFalse(LexiconAnchor.hasTopLevelAlternation("a[|]b\\|c"));
    assertFalse(LexiconAnchor.hasTopLevelAlternation("\\Q|\\Ea"));
    assertTrue(LexiconAnchor.hasTopLevelAlternation("(a)|b"));
    assertTrue(LexiconAnchor.hasTopLevelAlternation("[\\p{IsHan}&&[^a]]|b"));
  }
}
