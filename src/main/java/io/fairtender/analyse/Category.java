package io.fairtender.analyse;

import java.util.Locale;

/** The finding categories of the report contract. */
public enum Category {
  OWNERSHIP("ownership", "所有制与组织形式"),
  AGE("age", "成立年限"),
  SCALE("scale", "企业规模"),
  FINANCIAL("financial", "财务指标"),
  REGION("region", "地域限制"),
  PERFORMANCE("performance", "业绩"),
  AWARD("award", "奖项荣誉"),
  CERTIFICATION("certification", "资质证书"),
  BRAND("brand", "品牌与厂商"),
  PROCEDURE("procedure", "采购程序"),
  SME_POLICY("sme-policy", "中小企业政策"),
  BOND("bond", "保证金"),
  PAYMENT("payment", "付款");

  private final String id;
  private final String nameZh;

  Category(String id, String nameZh) {
    this.id = id;
    this.nameZh = nameZh;
  }

  public String id() {
    return id;
  }

  public String nameZh() {
    return nameZh;
  }

  public static Category fromId(String id) {
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (Category c : values()) {
      if (c.id.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category '" + id + "'");
  }
}
