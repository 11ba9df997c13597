package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The industry a 前附表 row names is read even when the row also quotes the 划型 thresholds. */
class IndustryFactTest {
  @Test
  void theIndustryBesideAQuotedSizeStandardIsTheProjectsOwn() {
    String doc = "第二部分 投标人须知\n前附表\n序号\t事项\t本项目的特别规定\n1\t项目属性\t货物类。\n"
        + "2\t采购标的及其对应的中小企业划分标准所属行业\t（1）标的：学生课桌椅，属于 工业 行业；根据划型规定第四条：工业。"
        + "从业人员1000人以下或营业收入40000万元以下的为中小微型企业。\n";
    Report r = Checker.create(CheckerConfig.defaults().withOcr(false)).check(
        new DocumentInput(doc.getBytes(StandardCharsets.UTF_8), "notice.txt", "text/plain"), new CheckOptions(null, false, false));
    assertEquals(List.of("工业"), r.facts().industries().value());
    assertEquals(List.of(), r.findings().stream().filter(f -> f.category().equals("scale")).toList(), "no finding in 划型 text");
  }
}
