package io.fairtender.segment;

import java.util.Locale;

/** What a part of a tender document is for; rules say in which roles they apply. */
public enum SectionRole {
  /** 招标公告 / 采购公告 / 邀请. */
  ANNOUNCEMENT,
  /** 投标人须知, procedure. */
  INSTRUCTIONS,
  /** 资格要求 / 资格条件 / 资格审查. */
  QUALIFICATION,
  /** 评分标准 / 评审因素 / 评标办法. */
  SCORING,
  /** 采购需求, technical and commercial requirements. */
  REQUIREMENTS,
  /** 合同条款 / 合同文本. */
  CONTRACT,
  /** 政府采购政策, SME policy text. */
  POLICY,
  /** 投标文件格式, 声明函, 基本情况表 and other templates. */
  FORMS,
  /** Quoted law and regulations. */
  LAW,
  /** Anything else. */
  OTHER;

  /** The lower-case name used in JSON and rule files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SectionRole fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
