package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's requireWords keep it off units holding none of the words; a lexicon entry brings all its words. */
class RequireWordsTest {
  private static final String RULE = """
      id: TEST-REQUIRE-WORDS
      kind: phrase
      category: region
      severity: violation
      title: {zh: 测试, en: test}
      triggers: [业绩]
      requireWords: ['{{place-named}}', 本市]
      patterns: ['[^。]{0,6}业绩']
      message: {zh: 测试, en: test}
      suggestion: {zh: 测试, en: test}
      legalBasis: [{document: 《测试》, article: 第一条, summary: 测试}]
      examples:
        positive: ['⟦在本市完成的业绩⟧。', '⟦在杭州完成的业绩⟧。']
        negative: ['在外地完成的业绩。', '同类项目业绩。']
      """;

  @Test
  void theRuleReadsOnlyUnitsThatHoldARequiredWord() {
    Rule rule = RuleLoader.parse("TEST-REQUIRE-WORDS.yaml", RULE);
    assertTrue(rule.requireWords().contains("本市"));
    assertTrue(rule.requireWords().size() > 1000, "the gazetteer's names: " + rule.requireWords().size());
    ExampleRunner runner = new ExampleRunner();
    for (Example e : rule.examples()) {
      assertEquals(List.of(), runner.verify(rule, e), e.plain());
    }
  }

  @Test
  void aLexiconWithPatternsCannotStandForWords() {
    RuleFileException e = assertThrows(RuleFileException.class,
        () -> RuleLoader.parse("TEST-REQUIRE-WORDS.yaml", RULE.replace("'{{place-named}}'", "'{{place-unlisted}}'")));
    assertTrue(e.getMessage().contains(":7: lexicon 'place-unlisted' has patterns"), e.getMessage());
  }
}
