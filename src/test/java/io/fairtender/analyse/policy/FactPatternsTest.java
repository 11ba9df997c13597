package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The examples of {@code policy/facts/patterns.yaml}: every fact pattern is found where it should be, and only there. */
class FactPatternsTest {
  @TestFactory
  Stream<DynamicTest> patternExamples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FactPatterns.Example x : FactPatterns.builtin().examples()) {
      String name = x.pattern() + (x.match() ? " finds " : " does not find ") + x.text();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        Matcher m = FactPatterns.builtin().get(x.pattern()).matcher(x.text());
        if (!x.match()) {
          assertFalse(m.find(), () -> "found '" + m.group() + "'");
          return;
        }
        assertTrue(m.find());
        if (x.checkGroup()) {
          assertEquals(x.group(), m.groupCount() == 0 ? null : m.group(1));
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void everyPatternHasExamplesBothWaysOrIsAnAlternationOfWords() {
    FactPatterns p = FactPatterns.builtin();
    assertTrue(p.examples().size() >= 100, "examples: " + p.examples().size());
    assertTrue(p.keywords().contains("预算"));
  }

  @Test
  void labelsExpandIntoPatterns() {
    assertTrue(FactPatterns.builtin().get("budget").matcher("项目预算(万元):12").find());
  }

  @Test
  void anUnknownPatternIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> FactPatterns.builtin().get("noSuchPattern"));
  }
}
