package io.fairtender.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link QuantityExtractor} on normalised text. */
class QuantityExtractorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "注册资本不低于1000万元|MONEY|10000000|>=",
      "人民币伍佰万元以上|MONEY|5000000|>=",
      "¥1,800,000.00元|MONEY|1800000|=",
      "1.5亿元及以上|MONEY|150000000|>=",
      "超过3000万元|MONEY|30000000|>",
      "资产负债率不高于60%|PERCENT|0.6|<=",
      "成立满三年|DURATION|3|>=",
      "6个月以内|DURATION|0.5|<=",
      "员工总数100人以上|COUNT|100|>=",
      "面积≥500㎡|AREA|500|>=",
      "2023年度|YEAR|2023|=",
      "得3分|SCORE|3|=",
  })
  void reads(String text, Quantity.Kind kind, double value, String cmp) {
    String n = NormaliserTest.norm(text, false).text();
    List<Quantity> qs = QuantityExtractor.find(n, 0, n.length());
    Quantity q = qs.stream().filter(x -> x.kind() == kind).findFirst().orElseThrow(() -> new AssertionError(n + " -> " + qs));
    assertEquals(value, q.value(), 1e-9);
    assertEquals(cmp, q.comparator().symbol());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3000万元-5000万元|30000000|50000000",
      "10%-20%|0.1|0.2",
      "3至5年|3|5",
  })
  void readsRanges(String text, double min, double max) {
    List<Quantity> qs = QuantityExtractor.find(text, 0, text.length());
    assertEquals(1, qs.size(), qs.toString());
    assertEquals(min, qs.get(0).value(), 1e-9);
    assertEquals(max, qs.get(0).max(), 1e-9);
    assertEquals(Quantity.Comparator.RANGE, qs.get(0).comparator());
  }
}
