package io.fairtender.segment;

import java.util.Locale;

/**
 * What a stretch of text inside a section is, whatever the section's heading says: a quoted standard, a template, quoted
 * law, conditional or optional text. Rules see the block role of the text they match (see {@code Analyser.applies}).
 */
public enum BlockRole {
  /** Ordinary text of the document. */
  NONE,
  /** The 中小企业划型标准 (size-classification thresholds) quoted from the standard: never a requirement of the tender. */
  STANDARD,
  /** A fill-in form or template (声明函, 基本情况表, 授权书), wherever it stands. */
  TEMPLATE,
  /** Article text quoted from a law or regulation (《…》第X条…). */
  QUOTED_LAW,
  /** Text that applies only on a condition (如本项目…, 对非预留份额的采购项目…): not the project's own statement. */
  CONDITIONAL,
  /** A lawful accommodation for new or small firms (成立不满一年的企业可…, 新设企业提供验资报告). */
  ACCOMMODATION,
  /** An item marked optional (如有, 如适用, 可选填) or a requirement answered 否. */
  OPTIONAL;

  /** The lower-case name used in reports and rule files ("quoted-law"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static BlockRole fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
