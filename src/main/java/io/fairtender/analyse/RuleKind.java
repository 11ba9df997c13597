package io.fairtender.analyse;

import io.fairtender.normalise.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few kinds of rule, in Java; every rule is one of these plus data. */
public enum RuleKind {
  /** Flags text matching one of the patterns (named group {@code m} narrows the span). */
  PHRASE {
    @Override
    List<Match> match(Rule rule, UnitContext ctx) {
      List<Match> out = new ArrayList<>();
      for (Pattern p : rule.patterns()) {
        for (int[] span : ctx.spans(p)) {
          int s = span[0];
          int e = span[1];
          if (e > s) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("matched", ctx.text().substring(s, e));
            out.add(new Match(rule, s, e, values));
          }
        }
      }
      return out;
    }
  },

  /** Flags a subject (注册资本, 成立) followed by a quantity of the right kind (1000万元, 3年) within a window. */
  THRESHOLD {
    @Override
    List<Match> match(Rule rule, UnitContext ctx) {
      List<Match> out = new ArrayList<>();
      for (Pattern p : rule.patterns()) {
        List<int[]> subjects = ctx.spans(p);
        int lastEnd = -1;
        for (int i = 0; i < subjects.size(); i++) {
          int s = subjects.get(i)[0];
          int e = subjects.get(i)[1];
          Quantity q = quantityAfter(rule, ctx, e);
          // the nearest subject owns the quantity: "注册资本\t注册资本5000万元" is one condition
          if (q != null && !(i + 1 < subjects.size() && subjects.get(i + 1)[0] < q.start())) {
            // the tiers of one scoring item ("<50万得1分；50万≤累计金额<100万得2分") are one condition
            if (!(lastEnd >= 0 && sameSentence(ctx.text(), lastEnd, s))) {
              out.add(new Match(rule, s, q.end(), values(ctx.text().substring(s, e), q, ctx.text())));
            }
            lastEnd = q.end();
          }
        }
      }
      return out;
    }

    private Quantity quantityAfter(Rule rule, UnitContext ctx, int subjectEnd) {
      for (Quantity q : ctx.quantities()) {
        if (q.end() <= subjectEnd) {
          continue;
        }
        if (q.start() - subjectEnd > rule.window()) {
          return null;
        }
        if (!rule.quantityKinds().contains(q.kind()) || Math.max(q.value(), q.max()) < rule.minValue()) {
          continue;
        }
        if (rule.floorOnly() && below(ctx, q)) {
          // "成立不足2年的企业不具备资格" excludes the young firms; "成立不满1年的企业可仅提供资信证明" accommodates them
          if (!rejectsTail(ctx, q)) {
            continue;
          }
        } else if (rule.floorOnly() && !q.comparator().isFloor() && !impliedFloor(ctx, q) && !excludesBelow(ctx, q)) {
          continue;
        }
        return q;
      }
      return null;
    }

    /** A bare number in a scoring tier ("500万元得2分") or a "须达到" requirement reads as a floor. */
    private boolean impliedFloor(UnitContext ctx, Quantity q) {
      int after = Math.min(ctx.unit().end(), q.end() + 8);
      String tail = ctx.text().substring(q.end(), after);
      if (q.comparator() == Quantity.Comparator.LT || q.comparator() == Quantity.Comparator.LE) {
        // the lowest band of a tiered score ("累计金额<50万,得1分; ≥300万得5分") scores by the quantity as well
        return BAND.matcher(tail).lookingAt();
      }
      if (q.comparator() != Quantity.Comparator.EQ && q.comparator() != Quantity.Comparator.RANGE) {
        return false;
      }
      return tail.startsWith("的得") || tail.startsWith("得") || tail.startsWith(",得") || tail.startsWith("加")
          || q.comparator() == Quantity.Comparator.RANGE;
    }

    /** True when only the previous tier's points lie between two matches of one sentence (tiers of one item). */
    private boolean sameSentence(String text, int from, int to) {
      if (to < from) {
        return false;
      }
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '。' || c == '\n') {
          return false;
        }
      }
      return to - from <= 40 && TIER_SCORE.matcher(text.substring(from, to)).find();
    }

    /** A quantity introduced by 不足/不满/未满/少于/低于 (not 不少于/不低于): the condition is about those below it. */
    private boolean below(UnitContext ctx, Quantity q) {
      Matcher m = BELOW.matcher(ctx.text());
      m.useTransparentBounds(true);
      m.region(Math.max(ctx.unit().start(), q.start() - 3), Math.min(ctx.unit().end(), q.start() + 2));
      return m.find();
    }

    /** What follows a "below" quantity rejects or scores down those firms. */
    private boolean rejectsTail(UnitContext ctx, Quantity q) {
      String tail = ctx.text().substring(q.end(), Math.min(ctx.unit().end(), q.end() + 14));
      return REJECTS.matcher(tail).lookingAt();
    }

    /** "500万元以下的不得分": everything below the bound scores nothing, so the bound is a floor. */
    private boolean excludesBelow(UnitContext ctx, Quantity q) {
      if (q.comparator() != Quantity.Comparator.LE && q.comparator() != Quantity.Comparator.LT) {
        return false;
      }
      String tail = ctx.text().substring(q.end(), Math.min(ctx.unit().end(), q.end() + 8));
      return tail.startsWith("的不得分") || tail.startsWith("不得分") || tail.startsWith("的不得") || tail.startsWith("的不予")
          || tail.startsWith("的,不得分") || tail.startsWith(",不得分");
    }
  };

  abstract List<Match> match(Rule rule, UnitContext ctx);

  private static final Pattern BELOW = Pattern.compile("不满|不足|未满|未达|(?<![不应须])少于|(?<![不应须])低于");
  private static final Pattern TIER_SCORE = Pattern.compile("得[0-9.]+分");
  private static final Pattern BAND = Pattern.compile("(?:的)?,?得[1-9]");
  private static final Pattern REJECTS = Pattern.compile(
      "(?:\\([^)]{0,6}\\))?(?:的)?,?(?:企业|供应商|公司|投标人|单位|申请人)?(?:均|一律)?(?:不得|不予|不具备|不接受|不能|无|视为|取消|拒绝|作无效|按无效|扣)");

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Map<String, Object> values(String subject, Quantity q, String text) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("subject", subject);
    v.put("quantity", text.substring(q.start(), q.end()));
    switch (q.kind()) {
      case MONEY -> v.put("amountCny", round(q.value()));
      case PERCENT -> v.put("fraction", round(q.value()));
      case DURATION -> v.put("years", round(q.value()));
      case YEAR -> v.put("year", (long) q.value());
      case AREA -> v.put("areaSqm", round(q.value()));
      case SCORE -> v.put("points", round(q.value()));
      default -> v.put("count", round(q.value()));
    }
    if (q.max() != q.value()) {
      v.put("max", round(q.max()));
    }
    v.put("unit", q.unit());
    v.put("comparator", q.comparator().symbol());
    return v;
  }

  private static Number round(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return (long) d;
    }
    return Math.round(d * 1e6) / 1e6;
  }
}
