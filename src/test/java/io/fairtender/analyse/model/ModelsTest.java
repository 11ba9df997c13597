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

  @Test
  void aMissingOrCorruptModelFailsWithTheFileNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Models.load(dir));
    assertTrue(missing.getMessage().contains("zh-sent.bin"), missing.getMessage());
    java.nio.file.Files.write(dir.resolve("zh-sent.bin"), new byte[] {1, 2, 3});
    IllegalStateException corrupt = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Models.load(dir));
    assertTrue(corrupt.getMessage().startsWith("cannot load the sentence model"), corrupt.getMessage());
  }

  @Test
  void modelFindingsAreRisksMarkedAsSuchAndCanBeSwitchedOff() {
    byte[] doc = "二、资格要求\n1.投标人近三年年均销售规模居全省前列。\n2.投标人注册资本不低于1000万元。\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.fairtender.Checker on = io.fairtender.Checker.create(io.fairtender.CheckerConfig.defaults());
    io.fairtender.report.Report r = on.check(new io.fairtender.DocumentInput(doc, "a.txt", null), io.fairtender.CheckOptions.defaults());
    List<io.fairtender.report.Finding> model = r.findings().stream().filter(f -> f.source().equals("model")).toList();
    assertEquals(1, model.size(), r.findings().toString());
    assertEquals("MODEL-CLAUSE", model.get(0).ruleId());
    assertEquals("risk", model.get(0).severity());
    assertEquals("scale", model.get(0).values().get("modelCategory"));
    assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("SME-SCALE-REGCAP")), "rule findings stay");
    io.fairtender.report.Report off = on.check(new io.fairtender.DocumentInput(doc, "a.txt", null),
        new io.fairtender.CheckOptions(null, false, false, io.fairtender.analyse.RuleSelection.all(), false));
    assertTrue(off.findings().stream().noneMatch(f -> f.source().equals("model")));
    io.fairtender.Checker noModels = io.fairtender.Checker.create(io.fairtender.CheckerConfig.defaults()
        .withModels(io.fairtender.CheckerConfig.ModelMode.OFF));
    assertTrue(!noModels.modelsLoaded());
    assertTrue(noModels.check(new io.fairtender.DocumentInput(doc, "a.txt", null), io.fairtender.CheckOptions.defaults())
        .findings().stream().noneMatch(f -> f.source().equals("model")));
  }
}
