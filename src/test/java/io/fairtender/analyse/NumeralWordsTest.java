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

  /**
   * A literal in a rule's regex that the normaliser would rewrite (同一人 → 同1人, 三级医院 → 3级医院) can never match:
   * rule patterns are written in the normalised form (lexicon words are normalised for them, a regex is not).
   */
  @Test
  void ruleExpressionsHoldNoNumeralTheNormaliserRewrites() throws Exception {
    com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    List<String> offences = new java.util.ArrayList<>();
    for (String file : resource("/rules/index.txt").split("\n")) {
      if (file.isBlank() || file.startsWith("#")) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode rule = yaml.readTree(resource("/rules/" + file.strip()));
      for (String field : List.of("patterns", "requireAny", "exclude")) {
        for (com.fasterxml.jackson.databind.JsonNode p : rule.path(field)) {
          String outside = p.asText().replaceAll("\\[(?:\\\\.|[^\\]])*\\]", "#"); // character classes left out
          java.util.regex.Matcher run = java.util.regex.Pattern.compile("[零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]+")
              .matcher(outside);
          while (run.find()) {
            String window = outside.substring(Math.max(0, run.start() - 1), Math.min(outside.length(), run.end() + 1));
            if (digits(io.fairtender.normalise.Normaliser.word(window)) > digits(window)) {
              offences.add(file.strip() + " " + field + ": " + window);
            }
          }
        }
      }
    }
    assertEquals(List.of(), offences);
  }

  private static long digits(String s) {
    return s.chars().filter(c -> c >= '0' && c <= '9').count();
  }

  private static String resource(String path) throws java.io.IOException {
    try (java.io.InputStream in = NumeralWordsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
