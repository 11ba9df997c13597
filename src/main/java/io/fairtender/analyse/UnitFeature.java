package io.fairtender.analyse;

import java.util.Locale;
import java.util.regex.Pattern;

/** Properties of a unit that rules test for: look-alike contexts and scoring items. */
public enum UnitFeature {
  /** An equal-treatment assurance or quoted prohibition ("不得以注册资本…作为资格要求"). */
  DISCLAIMER("不禁严差歧", Pattern.compile(
      "(不得|不以|不应|不能|禁止|严禁|不再|不作为|不得将)[^。;]{0,80}(作为|设定|设置|限定|列为)[^。;]{0,12}(资格要求|资格条件|评审因素|评分因素|评审标准|评分标准|加分条件|门槛|条件)"
          + "|差别待遇|歧视待遇|不得限制|不得排斥|不得对中小企业")),
  /** A fill-in template: blanks, boxes, signature placeholders. */
  TEMPLATE("_＿(【[□☐填X×", Pattern.compile("_{2,}|＿{2,}|\\(\\s*\\)|【\\s*】|\\[\\s*\\]|□|☐|\\(填写|\\(盖章|\\(签字|\\(签名|填写说明|XX企业|××")),
  /** The unit awards points. */
  SCORING("分得", Pattern.compile("得[0-9.]+分|加[0-9.]+分|扣[0-9.]+分|[0-9.]+分[;,。)]|[0-9.]+分$|最高[0-9.]+分|满分|分值|不得分|每[^。;]{1,12}得"));

  /** One of these chars is in every match of the pattern (a guard: most units hold none of them). */
  private final String guard;
  private final Pattern pattern;

  UnitFeature(String guard, Pattern pattern) {
    this.guard = guard;
    this.pattern = pattern;
  }

  public boolean in(CharSequence unit) {
    return mayBeIn(unit) && pattern.matcher(unit).find();
  }

  /** False when the unit holds none of the chars every match needs. */
  boolean mayBeIn(CharSequence unit) {
    return io.fairtender.text.Chars.containsAny(unit, guard);
  }

  /** The expression whose match in a unit gives the feature. */
  Pattern pattern() {
    return pattern;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
