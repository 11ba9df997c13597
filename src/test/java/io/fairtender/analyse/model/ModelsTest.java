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
    assertTrue(MODELS.threshold() >= 0.05 && MODELS.threshold() <= 1.01);
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
  void modelFindingsAreAskedForRisksWhereNoRuleMatched() {
    byte[] bytes = "二、评分标准\n1.注册资本5000万元（含）以上得3分，1000万元至5000万元得2分。\n2.投标人应提供有效的营业执照副本。\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.fairtender.DocumentInput doc = new io.fairtender.DocumentInput(bytes, "a.txt", null);
    io.fairtender.Checker on = io.fairtender.Checker.create(io.fairtender.CheckerConfig.defaults());
    io.fairtender.report.Report byDefault = on.check(doc, io.fairtender.CheckOptions.defaults());
    assertTrue(byDefault.findings().stream().noneMatch(f -> f.source().equals("model")), "off unless asked for");
    // with the rules that speak for the first clause switched off, the model speaks for it, and only for it
    java.util.Set<String> ruled = new java.util.TreeSet<>();
    byDefault.findings().stream().filter(f -> f.quote().contains("5000万元")).forEach(f -> ruled.add(f.ruleId()));
    assertTrue(!ruled.isEmpty(), byDefault.findings().toString());
    io.fairtender.analyse.RuleSelection without = new io.fairtender.analyse.RuleSelection(null, java.util.Set.of(), java.util.Set.copyOf(ruled),
        java.util.Set.of(), java.util.Set.of());
    io.fairtender.report.Report r = on.check(doc, new io.fairtender.CheckOptions(null, false, false, without, true));
    List<io.fairtender.report.Finding> model = r.findings().stream().filter(f -> f.source().equals("model")).toList();
    assertEquals(1, model.size(), r.findings().toString());
    assertEquals("MODEL-CLAUSE", model.get(0).ruleId());
    assertEquals("risk", model.get(0).severity());
    assertEquals("scale", model.get(0).values().get("modelCategory"));
    assertTrue(model.get(0).quote().contains("5000万元"), model.get(0).quote());
    io.fairtender.Checker noModels = io.fairtender.Checker.create(io.fairtender.CheckerConfig.defaults()
        .withModels(io.fairtender.CheckerConfig.ModelMode.OFF));
    assertTrue(!noModels.modelsLoaded());
    assertTrue(noModels.check(doc, new io.fairtender.CheckOptions(null, false, false, without, true))
        .findings().stream().noneMatch(f -> f.source().equals("model")));
  }
}
