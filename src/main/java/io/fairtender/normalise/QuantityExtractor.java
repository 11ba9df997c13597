package io.fairtender.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds money, percentages, durations, counts, areas and scores, with their comparison words, in normalised text. */
public final class QuantityExtractor {
  private static final String NUM = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";
  private static final String UNIT = "亿元|万元|千元|元|亿|万(?![人个])|%|个月|个工作日|工作日|年|月|日|天|周|小时"
      + "|人|名|家|个|项|份|台|套|次|辆|㎡|平方米|平米|m2|m²|分(?![之钟公包项别])";
  private static final Pattern QUANTITY = Pattern.compile(
      "(?<pre>(?:不得|不应|不能|须|应)(?:低于|少于|小于|超过|高于)|不低于|不少于|不小于|不超过|不高于|不大于|大于或等于|大于等于|小于或等于|小于等于|大于|小于|高于|低于|超过|至少|最少|最多|多于|少于|达到|≥|≤|>=|<=|>|<|满)?"
          + "(?<cur>人民币|¥|RMB)?"
          + "(?<n1>" + NUM + ")"
          + "(?:(?<u1>" + UNIT + ")?(?:\\((?:不)?含\\))?(?<sep>-|~|至|到|—|－)(?<cur2>人民币|¥)?(?<n2>" + NUM + "))?"
          + "(?<unit>" + UNIT + ")"
          + "(?<post>\\(含\\)以上|\\(含\\)以下|\\(不含\\)以上|\\(不含\\)以下|\\(不含\\)|\\(含\\)|及以上|及以下|以上|以下|以内|之内|内|或以上|或以下)?");

  private QuantityExtractor() {}

  /** All quantities in {@code text[from, to)}, in order. */
  public static List<Quantity> find(CharSequence text, int from, int to) {
    List<Quantity> out = new ArrayList<>();
    Matcher m = QUANTITY.matcher(text);
    m.region(from, to);
    while (m.find()) {
      Quantity q = toQuantity(m);
      if (q != null) {
        out.add(q);
      }
    }
    return out;
  }

  private static Quantity toQuantity(Matcher m) {
    String unit = m.group("unit");
    String u1 = m.group("u1");
    double n1 = parse(m.group("n1"));
    String n2s = m.group("n2");
    Quantity.Kind kind = kindOf(unit);
    double factor = factor(unit);
    double v1 = n1 * (u1 != null ? factor(u1) : factor);
    double v2 = n2s == null ? v1 : parse(n2s) * factor;
    if (kind == Quantity.Kind.DURATION && unit.equals("年") && n2s == null && n1 >= 1900 && n1 <= 2100 && n1 == Math.floor(n1)) {
      kind = Quantity.Kind.YEAR;
    }
    Quantity.Comparator cmp = comparator(m.group("pre"), m.group("post"), n2s != null);
    return new Quantity(kind, v1, Math.max(v1, v2), unit, cmp, m.start(), m.end());
  }

  private static double parse(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }

  private static Quantity.Kind kindOf(String unit) {
    switch (unit) {
      case "亿元": case "万元": case "千元": case "元": case "亿": case "万":
        return Quantity.Kind.MONEY;
      case "%":
        return Quantity.Kind.PERCENT;
      case "个月": case "个工作日": case "工作日": case "年": case "月": case "日": case "天": case "周": case "小时":
        return Quantity.Kind.DURATION;
      case "㎡": case "平方米": case "平米": case "m2": case "m²":
        return Quantity.Kind.AREA;
      case "分":
        return Quantity.Kind.SCORE;
      default:
        return Quantity.Kind.COUNT;
    }
  }

  private static double factor(String unit) {
    switch (unit) {
      case "亿元": case "亿": return 1e8;
      case "万元": case "万": return 1e4;
      case "千元": return 1e3;
      case "%": return 0.01;
      case "个月": case "月": return 1.0 / 12;
      case "周": return 7.0 / 365;
      case "日": case "天": case "工作日": case "个工作日": return 1.0 / 365;
      case "小时": return 1.0 / (365 * 24);
      default: return 1;
    }
  }

  private static Quantity.Comparator comparator(String pre, String post, boolean range) {
    if (pre != null) {
      switch (pre) {
        case "不低于": case "不少于": case "不小于": case "大于等于": case "大于或等于": case "至少": case "最少":
        case "≥": case ">=": case "满": case "达到":
        case "不得低于": case "不得少于": case "不得小于": case "不应低于": case "不应少于": case "不应小于":
        case "不能低于": case "不能少于": case "不能小于":
          return Quantity.Comparator.GE;
        case "不得超过": case "不得高于": case "不应超过": case "不应高于": case "不能超过": case "不能高于":
          return Quantity.Comparator.LE;
        case "须低于": case "应低于": case "须少于": case "应少于": case "须小于": case "应小于":
          return Quantity.Comparator.LT;
        case "须超过": case "应超过": case "须高于": case "应高于":
          return Quantity.Comparator.GT;
        case "超过": case "大于": case "高于": case "多于": case ">":
          return Quantity.Comparator.GT;
        case "不超过": case "不高于": case "不大于": case "小于等于": case "小于或等于": case "最多": case "≤": case "<=":
          return Quantity.Comparator.LE;
        default:
          return Quantity.Comparator.LT;
      }
    }
    if (range) {
      return Quantity.Comparator.RANGE;
    }
    if (post != null) {
      if (post.contains("以上")) {
        return Quantity.Comparator.GE;
      }
      if (post.contains("以下") || post.contains("内")) {
        return Quantity.Comparator.LE;
      }
    }
    return Quantity.Comparator.EQ;
  }
}
