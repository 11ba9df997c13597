package io.fairtender.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link LineMarkers}: the first-char shortcut answers exactly as the pattern does. */
public class LineMarkersTest {

  @ParameterizedTest
  @ValueSource(strings = {"第三章 采购需求", "  第12节 评分", "附件3 报价表", "附表 一", "一、项目概况", "\t十二. 其他",
      "（一）资格要求", "(3)供应商", "1.2.3 交货期", "１．总则", "2、付款方式", "4) 质保", "③ 投标保证金", "★ 实质性条款",
      "• 服务要求", "* 说明", "\u000B第一部分 邀请"})
  void markersAreFound(String line) {
    assertTrue(LineMarkers.startsWithMarker(line), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "采购人：某某学校", "第三方检测机构出具报告", "附近有停车场", "一年内完成", "(见附件)", "万元",
      "2023年3月", "\u3000一、全角空格不是\\s", "供应商应当具备 1. 的条件"})
  void otherLinesAreNot(String line) {
    assertFalse(LineMarkers.startsWithMarker(line), line);
  }

  @Test
  void shortcutAgreesWithThePatternOnEveryOpeningChar() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      for (String line : List.of(c + "、", " " + c + "章", "\t\r" + c + "1.", c + ")")) {
        assertEquals(LineMarkers.MARKER.matcher(line).lookingAt(), LineMarkers.startsWithMarker(line), line);
      }
    }
  }
}
