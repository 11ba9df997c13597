package io.fairtender.analyse.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The buyer a label names is a fact (scan summaries group by it); a blank in a form is not a buyer. */
class BuyerFactTest {
  private static Checker checker;

  @BeforeAll
  static void load() {
    checker = Checker.create(CheckerConfig.defaults().withOcr(false));
  }

  private static Report check(String text) {
    return checker.check(new DocumentInput(text.getBytes(StandardCharsets.UTF_8), "notice.txt", "text/plain"),
        new CheckOptions(null, false, false));
  }

  @Test
  void theBuyerIsTheOrganisationItsLabelNames() {
    Report r = check("第一章 招标公告\n一、项目基本情况\n采购人名称：东湖区第二实验小学\n采购方式：公开招标\n");
    assertEquals("东湖区第二实验小学", r.facts().buyer().value());
    Report t = check("第一章 招标公告\n招标人：江城农村商业银行股份有限公司  地址：江城市滨江路8号\n");
    assertEquals("江城农村商业银行股份有限公司", t.facts().buyer().value());
  }

  @Test
  void aBlankForTheBuyerInAFormIsNoBuyer() {
    Report r = check("第六章 投标文件格式\n附件1 投标函\n致：采购人：________\n投标人（盖章）：\n日期：\n");
    assertNull(r.facts().buyer().value());
  }
}
