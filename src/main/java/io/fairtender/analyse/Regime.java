package io.fairtender.analyse;

import java.util.Locale;

/** Which law governs a procurement document, and so which basis a finding cites. */
public enum Regime {
  /** 政府采购法: 公开招标, 邀请招标, 竞争性磋商, 竞争性谈判, 询价, 单一来源. */
  GOVERNMENT("政府采购（《政府采购法》）", "Government procurement (Government Procurement Law)"),
  /** Works tendered under 招标投标法. */
  WORKS("工程招标（《招标投标法》）", "Works tendered under the Tendering and Bidding Law"),
  /** An enterprise's own procurement (国有企业/企业采购), not bound by 政府采购法. */
  ENTERPRISE("企业自行采购（不适用《政府采购法》）", "Enterprise procurement (not bound by the Government Procurement Law)"),
  /** Not enough to tell; rules cite the government-procurement basis. */
  UNKNOWN("未能判断（按政府采购规则提示）", "Unknown (government-procurement basis cited)");

  private final String zh;
  private final String en;

  Regime(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
