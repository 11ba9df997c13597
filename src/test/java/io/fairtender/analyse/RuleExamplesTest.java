package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every built-in rule's embedded examples: positives flag exactly the marked spans, negatives nothing. */
class RuleExamplesTest {
  private static final List<Rule> RULES = RuleLoader.builtin();
  private final ExampleRunner runner = new ExampleRunner();

  @TestFactory
  Stream<DynamicTest> everyExample() {
    assertTrue(RULES.size() >= 15, "the catalogue lost rules: " + RULES.size());
    return RULES.stream().flatMap(rule -> rule.examples().stream().map(example -> DynamicTest.dynamicTest(
        rule.id() + (example.positive() ? " flags " : " leaves ") + example.plain(),
        () -> assertEquals(List.of(), runner.verify(rule, example)))));
  }
}
