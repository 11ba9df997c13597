package io.fairtender.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring of real-document labels and judgements, on inputs written here. */
class RealDocumentScoringTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void quoteNamesAnchorLikeTheIndependentScorer() {
    assertTrue(QuoteMatch.names("注册资本不低于500万元", "注册资本不低于 500万元"));
    assertTrue(QuoteMatch.names("注册资本", "投标人注册资本不低于500万元"), "a quote of 3+ chars inside the anchor");
    assertFalse(QuoteMatch.names("资本", "投标人注册资本不低于500万元"), "a 2-char quote is too short to count");
    assertTrue(QuoteMatch.names("近三年营业额合计不少于", "近三年营业额合计"), "trigram overlap");
    assertFalse(QuoteMatch.names("交货地点为采购人指定地点", "注册地在本市"));
  }

  @Test
  void factValuesCompareAsNumbersRangesAndWords() throws IOException {
    assertTrue(RealLabels.factHolds(JSON.readTree("145000.0"), "145000"));
    assertTrue(RealLabels.factHolds(JSON.readTree("{\"min\":0.1,\"max\":0.2}"), "0.1-0.2"));
    assertFalse(RealLabels.factHolds(JSON.readTree("{\"min\":0.1,\"max\":0.1}"), "0.1-0.2"));
    assertTrue(RealLabels.factHolds(JSON.readTree("{\"min\":0.1,\"max\":0.1}"), "0.1"));
    assertTrue(RealLabels.factHolds(JSON.readTree("\"services\""), "SERVICES"));
    assertTrue(RealLabels.factHolds(JSON.readTree("false"), "false"));
    assertFalse(RealLabels.factHolds(JSON.readTree("null"), "false"));
  }

  @Test
  void judgementsNeedShortAnchorsAVerdictAndAReason(@TempDir Path dir) throws IOException {
    Path ok = write(dir, "ok.tsv", "# NN\tRULE\tanchor\tverdict\twhy\n07\tSME-SCALE-REGCAP\t注册资本\tright\tscored capital\n");
    List<Judgements.Judgement> js = Judgements.load(ok);
    assertEquals(1, js.size());
    assertTrue(js.get(0).right());
    assertThrows(IllegalArgumentException.class,
        () -> Judgements.load(write(dir, "long.tsv", "07\tR\t" + "很长的锚点".repeat(6) + "\tright\twhy\n")));
    assertThrows(IllegalArgumentException.class, () -> Judgements.load(write(dir, "verdict.tsv", "07\tR\t锚点\tmaybe\twhy\n")));
    assertThrows(IllegalArgumentException.class, () -> Judgements.load(write(dir, "why.tsv", "07\tR\t锚点\tfalse\t \n")));
    assertEquals(List.of(), Judgements.load(dir.resolve("absent.tsv")));
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
