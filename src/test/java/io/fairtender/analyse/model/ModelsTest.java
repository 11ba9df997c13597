package io.fairtender.analyse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed models load from the classpath and do their jobs on plain cases. */
class ModelsTest {
  private static final Models MODELS = Models.load();

  @Test
  void sentenceModelSplitsAtSentenceEndsNotInsideBrackets() {
    String text = "投标人应提供营业执照复印件（加盖公章）。是否允许分包？不允许分包！评标采用综合评分法。";
    List<int[]> spans = MODELS.sentences(text, 0, text.length());
    assertEquals(4, spans.size(), spans.stream().map(s -> text.substring(s[0], s[1])).toList().toString());
    assertEquals("是否允许分包？", text.substring(spans.get(1)[0], spans.get(1)[1]));
  }

  @Test
  void clauseModelRatesACapitalThresholdAsScale() {
    Models.Rating r = MODELS.rate("投标人注册资本不低于3000万元。");
    assertEquals("scale", r.category());
    assertTrue(r.score() > 0 && r.score() <= 1);
    assertTrue(MODELS.threshold() > 0.3 && MODELS.threshold() <= 1.01);
  }

  @Test
  void tokensAreCharactersAndFoldedAsciiWords() {
    assertEquals(List.of("注", "册", "0000", "万", "iso0000"), List.of(ChineseText.tokens("注册1000万 ISO9001")));
  }
}
