package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.analyse.lexicon.Lexicons;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule data written with Chinese numerals still matches: the normaliser writes 三级 as 3级 and 四平 as 4平 before rules
 * run, so lexicon words, triggers and required words carry their normalised form too.
 */
class NumeralWordsTest {
  private static final String RULE = """
      id: TEST-NUMERAL-WORDS
      kind: phrase
      category: performance
      severity: violation
      title: {zh: 测试, en: test}
      triggers: [三级医院]
      requireWords: [三级医院]
      patterns: ['{{client-type}}']
      message: {zh: 测试, en: test}
      suggestion: {zh: 测试, en: test}
      legalBasis: [{document: 《测试》, article: 第一条, summary: 测试}]
      examples:
        positive: ['须为⟦三级医院⟧提供过服务。', '须为⟦3级医院⟧提供过服务。']
        negative: ['须为医院提供过服务。']
      """;

  @Test
  void lexiconsHoldTheNormalisedFormBesideTheWrittenOne() {
    List<String> clients = Lexicons.builtin().get("client-type").literals();
    assertTrue(clients.contains("三级医院") && clients.contains("3级医院"), clients.toString());
    List<String> places = Lexicons.builtin().get("place-named").literals();
    assertTrue(places.contains("四平") && places.contains("4平"), "a gazetteer name the normaliser rewrites");
  }

  @Test
  void triggersRequiredWordsAndLexiconPatternsMatchTheNormalisedText() {
    Rule rule = RuleLoader.parse("TEST-NUMERAL-WORDS.yaml", RULE);
    assertTrue(rule.triggers().contains("3级医院"), rule.triggers().toString());
    assertTrue(rule.requireWords().contains("3级医院"), rule.requireWords().toString());
    ExampleRunner runner = new ExampleRunner();
    for (Example e : rule.examples()) {
      assertEquals(List.of(), runner.verify(rule, e), e.plain());
    }
  }
}
