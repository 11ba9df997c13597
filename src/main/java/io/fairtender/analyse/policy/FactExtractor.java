package io.fairtender.analyse.policy;

import io.fairtender.analyse.policy.Facts.Evidence;
import io.fairtender.analyse.policy.Facts.Fact;
import io.fairtender.analyse.policy.Facts.Range;
import io.fairtender.normalise.Quantity;
import io.fairtender.normalise.QuantityExtractor;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Unit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SME-policy facts a document states: type, budget, date, method, reservation, price deductions, industry,
 * declaration template, bonds and payment terms. Templates, quoted law and 划型 definitions are not the project's
 * choices and are skipped; a fact the document does not state stays null.
 */
public final class FactExtractor {
  /** The patterns are data: {@code /policy/facts/patterns.yaml}, with examples run by FactPatternsTest. */
  private static final FactPatterns P = FactPatterns.builtin();
  private static final Pattern TYPE = P.get("type");
  private static final Pattern TYPE_BOXES = P.get("typeBoxes");
  private static final Pattern TYPE_HEADING = P.get("typeHeading");
  private static final Pattern TYPE_MARKED = P.get("typeMarked");
  private static final Pattern TYPE_TITLE = P.get("typeTitle");
  private static final Pattern BUDGET = P.get("budget");
  private static final Pattern MAX_PRICE = P.get("maxPrice");
  private static final Pattern MONEY_GAP = P.get("moneyGap");
  private static final Pattern MONEY_NUMBER = P.get("moneyNumber");
  private static final Pattern DATE_LABEL = P.get("dateLabel");
  private static final Pattern DATE_LINE = P.get("dateLine");
  private static final Pattern DATE_MONTH = P.get("dateMonth");
  private static final Pattern BUYER = P.get("buyer");
  private static final Pattern METHOD = P.get("method");
  private static final Pattern RESERVED_NO = P.get("reservedNo");
  private static final Pattern RESERVED_YES = P.get("reservedYes");
  private static final Pattern RESERVE_SHARE = P.get("reserveShare");
  private static final Pattern SMALL_MICRO = P.get("smallMicro");
  private static final Pattern DEDUCTION = P.get("deduction");
  private static final Pattern NOT_APPLIED = P.get("notApplied");
  private static final Pattern MEDIUM = P.get("medium");
  private static final Pattern INDUSTRY = P.get("industry");
  private static final Pattern INDUSTRY_OF_ITEM = P.get("industryOfItem");
  private static final Pattern TEMPLATE_GOODS = P.get("templateGoods");
  private static final Pattern TEMPLATE_WS = P.get("templateWs");
  private static final Pattern BID_BOND = P.get("bidBond");
  private static final Pattern PERF_BOND = P.get("perfBond");
  private static final Pattern NO_BOND = P.get("noBond");
  private static final Pattern PAYMENT = P.get("payment");
  private static final Pattern PAYMENT_TERMS = P.get("paymentTerms");
  private static final Pattern ADVANCE = P.get("advance");
  private static final Pattern LT3 = P.get("lt3");
  private static final Pattern SUBCONTRACT_DOWN = P.get("subcontractDown");
  private static final Pattern PRISON = P.get("prison");
  private static final Pattern DISABLED = P.get("disabled");
  private static final Pattern GOODS_ALL = P.get("goodsAll");
  private static final Pattern BOND_FORM = P.get("bondForm");
  private static final Pattern OTHER_DEPOSIT = P.get("otherDeposit");
  private static final Pattern AUDIT = P.get("audit");
  private static final Pattern CONDITIONAL = P.get("conditional");
  private static final Pattern INTEREST = P.get("interest");
  private static final Pattern NO_INTEREST = P.get("noInterest");
  private static final Pattern EXEMPT = P.get("exempt");
  private static final Pattern PACKAGE = P.get("package");

  /** Maps a normalised span to evidence in the extracted text. */
  private final BiFunction<Integer, Integer, Evidence> evidence;

  public FactExtractor(BiFunction<Integer, Integer, Evidence> evidence) {
    this.evidence = evidence;
  }

  /** Words one of which every clause that states a policy fact contains; other clauses are never scanned. */
  private static final KeywordIndex KEYWORDS = new KeywordIndex(P.keywords());

  /**
   * Every word {@code having} looks for in the project's own clauses, which are read once for all of them. A word
   * asked for but missing here fails the extraction (IllegalArgumentException), so every test document shows it.
   */
  private static final KeywordIndex OWN_WORDS = KeywordIndex.of("保证金", "押金", "支付", "付款", "付清", "拨付", "拨款", "结算", "预付",
      "属性", "类型", "类别", "品目", "中小企业", "小微", "小型", "中型", "专门面向", "预留", "扣除", "政策需满足", "联合体", "分包",
      "预算", "采购金额", "限价", "控制价", "限额", "日期", "发布时间", "公告时间", "招标", "磋商", "谈判", "询价", "单一来源", "框架协议",
      "采购人", "招标人", "采购单位", "采购方", "征询人", "比选人", "询比人", "3家", "监狱", "残疾人", "制造", "审计", "评审", "审核", "息",
      "包", "标项", "标段");

  /** The units that contain one of the words (a cheap filter before a regular expression). */
  private static List<Unit> having(List<Unit> units, String text, String... words) {
    List<Unit> out = new ArrayList<>();
    for (Unit u : units) {
      if (KeywordIndex.anyWithin(text, u.start(), u.end(), words)) {
        out.add(u);
      }
    }
    return out;
  }

  /**
   * The units in which a policy keyword starts (it may run on past the unit's end). A unit's span is read up to
   * where the next unit starts, so a keyword counts for one unit only.
   */
  static List<Unit> relevant(List<Unit> units, String text) {
    List<Unit> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      int end = i + 1 < units.size() ? Math.min(u.end(), units.get(i + 1).start()) : u.end();
      if (KEYWORDS.startsIn(text, u.start(), end)) {
        out.add(u);
      }
    }
    return out;
  }

  public Facts extract(SegmentedText seg) {
    String text = seg.text().text();
    List<Unit> own = new ArrayList<>();
    List<Unit> forms = new ArrayList<>();
    List<Unit> industryUnits = new ArrayList<>();
    List<Unit> relevant = relevant(seg.units(), text);
    for (Unit u : relevant) {
      SectionRole r = u.role();
      io.fairtender.segment.BlockRole b = u.block();
      if (r == SectionRole.FORMS || b == io.fairtender.segment.BlockRole.TEMPLATE) {
        forms.add(u);
      } else if (r != SectionRole.LAW && b != io.fairtender.segment.BlockRole.QUOTED_LAW && b != io.fairtender.segment.BlockRole.STANDARD) {
        own.add(u);
        industryUnits.add(u);
      } else if (b == io.fairtender.segment.BlockRole.STANDARD && u.tableRow()) {
        // a 前附表 row names the project's industry ("属于 X 行业") beside the 划型 thresholds it quotes
        industryUnits.add(u);
      }
    }
    KeywordIndex.UnitIndex ownWords = new KeywordIndex.UnitIndex(OWN_WORDS, own, text);
    List<Unit> bonds = ownWords.having("保证金");
    List<Unit> pay = ownWords.having("支付", "付款", "付清", "拨付", "拨款");
    Fact<String> type = boxedType(ownWords.having("属性", "类型", "类别", "品目"), text);
    if (!type.known()) {
      type = firstGroup(ownWords.having("属性", "类型", "类别", "品目"), text, TYPE, 1);
    }
    if (!type.known()) {
      type = firstGroup(own.subList(0, Math.min(own.size(), 5)), text, TYPE_TITLE, 1);
    }
    if (!type.known()) {
      type = headingType(seg);
    }
    Fact<String> template = templateType(relevant, text);
    if (!type.known() && template.known()) {
      type = new Fact<>(template.value().equals("goods") ? "goods" : null, template.evidence());
      if (type.value() == null) {
        type = Fact.none();
      }
    }
    if (type.known()) {
      type = new Fact<>(mapType(type.value()), type.evidence());
    }
    Range smallMicro = null;
    List<Evidence> smEv = new ArrayList<>();
    Range consortium = null;
    List<Evidence> cEv = new ArrayList<>();
    Fact<Boolean> medium = Fact.none();
    List<Unit> clauses = clauses(ownWords.having("中小企业", "小微", "小型", "中型", "专门面向", "预留", "扣除", "政策需满足"), text);
    for (Unit u : having(clauses, text, "扣除", "优惠", "加分")) {
      String s = text.substring(u.start(), u.end());
      if (!SMALL_MICRO.matcher(s).find() || !DEDUCTION.matcher(s).find() || s.indexOf('%') < 0) {
        continue;
      }
      Matcher mm = MEDIUM.matcher(s);
      if (mm.find() && !NOT_APPLIED.matcher(s.substring(mm.start(), Math.min(s.length(), mm.end() + 6))).find()) {
        medium = new Fact<>(true, List.of(ev(u.start() + mm.start(), u.start() + mm.end())));
      }
      boolean jv = s.contains("联合体") || s.contains("联合协议") || s.contains("分包") || s.contains("大中型企业");
      Range r = rate(text, u, "工程".equals(type.value()) || "works".equals(type.value()), jv);
      if (r == null) {
        continue;
      }
      if (jv && consortium == null) {
        consortium = r;
        cEv.add(ev(u.start(), u.end()));
      } else if (!jv && smallMicro == null) {
        smallMicro = r;
        smEv.add(ev(u.start(), u.end()));
      }
    }
    Fact<Boolean> reserved = reserved(ownStatements(clauses, seg), text);
    Fact<String> method = Fact.none();
    Fact<Double> reserveShare = Fact.none();
    Fact<Boolean> asQualification = Fact.none();
    for (Unit u : ownWords.having("联合体", "分包")) {
      Matcher m = RESERVE_SHARE.matcher(text).region(u.start(), u.end());
      if (m.find() && !DEDUCTION.matcher(text.substring(u.start(), u.end())).find()) {
        method = new Fact<>(m.group(1).equals("联合体") ? "consortium" : "subcontract", List.of(ev(m.start(), m.end())));
        reserveShare = new Fact<>(Double.parseDouble(m.group(2)) / 100, List.of(ev(m.start(), m.end())));
        asQualification = new Fact<>(u.role() == SectionRole.QUALIFICATION || text.substring(u.start(), u.end()).contains("资格"),
            List.of(ev(u.start(), u.end())));
        if (!reserved.known() || !reserved.value()) {
          reserved = new Fact<>(true, List.of(ev(m.start(), m.end())));
        }
        break;
      }
    }
    if (reserved.known() && reserved.value() && !method.known()) {
      method = new Fact<>("whole", reserved.evidence());
    }
    return new Facts(type, money(ownWords.having("预算", "采购金额"), text, BUDGET), money(ownWords.having("限价", "控制价", "限额"), text, MAX_PRICE),
        documentDate(seg, ownWords.having("日期", "发布时间", "公告时间"), text),
        firstMatch(ownWords.having("招标", "磋商", "谈判", "询价", "单一来源", "框架协议"), text, METHOD),
        buyer(ownWords.having("采购人", "招标人", "采购单位", "采购方", "征询人", "比选人", "询比人"), text),
        province(text), reserved, method, reserveShare, Fact.none(),
        smallMicro == null ? Fact.none() : new Fact<>(smallMicro, smEv),
        consortium == null ? Fact.none() : new Fact<>(consortium, cEv), medium, industries(having(industryUnits, text, "行业"), text), template,
        bidBondCny(bonds, text), bondShare(bonds, text, BID_BOND), bondShare(bonds, text, PERF_BOND), paymentDays(pay, text),
        paymentFrom(pay, text), advance(ownWords.having("预付"), text),
        flag(ownWords.having("付款", "支付", "结算", "预付"), text, PAYMENT_TERMS), asQualification, exemption(clauses, text),
        flag(ownWords.having("3家"), text, LT3), flag(ownWords.having("分包"), text, SUBCONTRACT_DOWN),
        both(ownWords.having("监狱", "残疾人"), text, PRISON, DISABLED), flag(ownWords.having("制造"), text, GOODS_ALL),
        flag(bonds, text, BOND_FORM), flag(ownWords.having("保证金", "押金"), text, OTHER_DEPOSIT),
        flag(ownWords.having("审计", "评审", "审核"), text, AUDIT), flag(pay, text, CONDITIONAL), flag(ownWords.having("息"), text, NO_INTEREST),
        packages(ownWords.having("包", "标项", "标段"), text));
  }

  private static final Pattern CLAUSE_BREAK = P.get("clauseBreak");

  /** Units cut further at sentence ends, cells and numbered items: a table row often holds several policies. */
  static List<Unit> clauses(List<Unit> units, String text) {
    List<Unit> out = new ArrayList<>();
    for (Unit u : units) {
      Matcher m = CLAUSE_BREAK.matcher(text).region(u.start(), u.end());
      int start = u.start();
      while (m.find()) {
        int end = m.group().isEmpty() ? m.start() : m.end();
        if (end > start) {
          out.add(new Unit(start, end, u.section(), u.role(), u.tableRow(), u.block()));
        }
        start = end;
      }
      if (u.end() > start) {
        out.add(new Unit(start, u.end(), u.section(), u.role(), u.tableRow(), u.block()));
      }
    }
    return out;
  }

  private Evidence ev(int start, int end) {
    return evidence.apply(start, end);
  }

  private static String mapType(String zh) {
    return switch (zh) {
      case "货物", "goods" -> "goods";
      case "服务", "services" -> "services";
      default -> "works";
    };
  }

  /** A heading that names the type ("三、服务类", "服务类项目"), outside templates and quoted law. */
  private Fact<String> headingType(SegmentedText seg) {
    for (io.fairtender.segment.Section s : seg.sections()) {
      if (s.role() == SectionRole.FORMS || s.role() == SectionRole.LAW) {
        continue;
      }
      Matcher m = TYPE_HEADING.matcher(s.heading());
      if (m.find()) {
        return new Fact<>(m.group(1), List.of(ev(s.start() + m.start(1), s.start() + m.end(1) + 1)));
      }
    }
    return Fact.none();
  }

  /** The type a label's check boxes mark ("采购类别:□货物 ■服务"). */
  private Fact<String> boxedType(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = TYPE_BOXES.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        Matcher marked = TYPE_MARKED.matcher(text).region(m.start(), m.end());
        if (marked.find()) {
          return new Fact<>(marked.group(1), List.of(ev(marked.start(), marked.end())));
        }
      }
    }
    return Fact.none();
  }

  private Fact<String> firstGroup(List<Unit> units, String text, Pattern p, int group) {
    for (Unit u : units) {
      Matcher m = p.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        return new Fact<>(m.group(group), List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  /** The buyer's name as the document prints it (the normalised text writes 第二 as 第2). */
  private Fact<String> buyer(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = BUYER.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        return new Fact<>(ev(m.start(1), m.end(1)).quote().strip(), List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  private Fact<String> firstMatch(List<Unit> units, String text, Pattern p) {
    for (Unit u : units) {
      Matcher m = p.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        return new Fact<>(m.group(), List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  private Fact<Boolean> flag(List<Unit> units, String text, Pattern p) {
    for (Unit u : units) {
      Matcher m = p.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        return new Fact<>(true, List.of(ev(m.start(), m.end())));
      }
    }
    return new Fact<>(false, List.of());
  }

  private Fact<Boolean> both(List<Unit> units, String text, Pattern a, Pattern b) {
    Fact<Boolean> fa = flag(units, text, a);
    Fact<Boolean> fb = flag(units, text, b);
    List<Evidence> ev = new ArrayList<>(fa.evidence());
    ev.addAll(fb.evidence());
    return new Fact<>(fa.value() && fb.value(), ev);
  }

  /** The clauses that state something of this project: not those under a condition ("如本项目…", "对非预留份额的…"). */
  private static List<Unit> ownStatements(List<Unit> clauses, SegmentedText seg) {
    List<Unit> out = new ArrayList<>();
    for (Unit c : clauses) {
      if (seg.blockAt(c.start(), c.end()) != io.fairtender.segment.BlockRole.CONDITIONAL) {
        out.add(c);
      }
    }
    return out;
  }

  /** Reserved if a unit says 专门面向中小企业 of this project; not reserved if it says 非/不专门面向. */
  private Fact<Boolean> reserved(List<Unit> units, String text) {
    for (Unit u : units) {
      String s = text.substring(u.start(), u.end());
      Matcher no = RESERVED_NO.matcher(s);
      if (no.find()) {
        return new Fact<>(false, List.of(ev(u.start() + no.start(), u.start() + no.end())));
      }
    }
    for (Unit u : units) {
      String s = text.substring(u.start(), u.end());
      Matcher yes = RESERVED_YES.matcher(s);
      // "专门面向中小企业采购的项目，不再执行价格扣除" is policy boilerplate about reserved projects in general
      if (yes.find() && !s.contains("的项目") && !s.contains("项目或者采购包") && !s.contains("如") && !s.contains("若")) {
        return new Fact<>(true, List.of(ev(u.start() + yes.start(), u.start() + yes.end())));
      }
    }
    return Fact.none();
  }

  /** The deduction rate in a unit: a range, or the one rate that is not a share condition (30%以上). */
  private static Range rate(String text, Unit u, boolean works, boolean jv) {
    List<Quantity> qs = QuantityExtractor.find(text, u.start(), u.end());
    List<Quantity> rates = new ArrayList<>();
    for (Quantity q : qs) {
      if (q.kind() != Quantity.Kind.PERCENT) {
        continue;
      }
      String before = text.substring(Math.max(u.start(), q.start() - 12), q.start());
      String after = text.substring(q.end(), Math.min(u.end(), q.end() + 4));
      boolean share = q.comparator().isFloor() || after.startsWith("以上") || before.matches(".*(占|份额|比例|金额|合同总金额|总金额)[^,;]{0,4}$");
      boolean worksRate = before.contains("工程");
      if (share || q.max() <= 0 || (!works && worksRate) || (works && !worksRate && rates.size() > 0)) {
        continue;
      }
      rates.add(q);
    }
    if (rates.isEmpty()) {
      return null;
    }
    if (works) {
      for (Quantity q : rates) {
        if (text.substring(Math.max(u.start(), q.start() - 12), q.start()).contains("工程")) {
          return new Range(q.value(), q.max());
        }
      }
    }
    Quantity q = rates.get(0);
    if (rates.size() > 1 && q.comparator() != Quantity.Comparator.RANGE && !jv) {
      Quantity q2 = rates.get(1);
      String between = text.substring(q.end(), q2.start());
      if (between.matches("[-~至到—]{1,2}") || between.isEmpty()) {
        return new Range(Math.min(q.value(), q2.value()), Math.max(q.value(), q2.value()));
      }
    }
    return new Range(round(q.value()), round(q.max()));
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }

  private Fact<Long> money(List<Unit> units, String text, Pattern label) {
    for (Unit u : units) {
      Matcher m = label.matcher(text).region(u.start(), u.end());
      while (m.find()) {
        String headerUnit = m.group(1);
        int from = m.end();
        Matcher gap = MONEY_GAP.matcher(text).region(from, Math.min(u.end(), from + 24));
        if (gap.lookingAt()) {
          from = gap.end();
        }
        List<Quantity> qs = QuantityExtractor.find(text, from, Math.min(u.end(), from + 40));
        Quantity first = qs.isEmpty() ? null : qs.get(0);
        if (first != null && first.kind() == Quantity.Kind.MONEY && first.start() - from <= 1) {
          return new Fact<>(Math.round(first.value()), List.of(ev(m.start(), first.end())));
        }
        Matcher num = MONEY_NUMBER.matcher(text).region(from, Math.min(u.end(), from + 30));
        String unit = num.lookingAt() ? (num.group(2) != null ? num.group(2) : headerUnit) : null;
        if (unit != null) {
          double v = Double.parseDouble(num.group(1).replace(",", "").replace(" ", "")) * (unit.startsWith("万") ? 1e4 : 1);
          return new Fact<>(Math.round(v), List.of(ev(m.start(), num.end())));
        }
      }
    }
    return Fact.none();
  }

  private Fact<String> documentDate(SegmentedText seg, List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = DATE_LABEL.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        return new Fact<>(iso(m.group(1), m.group(2), m.group(3)), List.of(ev(m.start(), m.end())));
      }
    }
    // a date on a line of its own: the 落款 under an announcement or a cover date, outside templates
    for (Unit u : seg.units()) {
      if (u.role() == SectionRole.FORMS || u.block() != io.fairtender.segment.BlockRole.NONE || u.tableRow() || u.end() - u.start() > 16) {
        continue;
      }
      Matcher m = DATE_LINE.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        String iso = iso(m.group(1), m.group(2), m.group(3));
        if (iso != null) {
          return new Fact<>(iso, List.of(ev(m.start(), m.end())));
        }
      }
    }
    // a cover page dated "二〇二五年三月" (a line of its own, near the start)
    int limit = Math.min(text.length(), 1500);
    int lineStart = 0;
    while (lineStart < limit) {
      int nl = text.indexOf('\n', lineStart);
      int end = nl < 0 ? text.length() : nl;
      Matcher m = DATE_MONTH.matcher(text.substring(lineStart, end));
      if (m.find()) {
        return new Fact<>(iso(m.group(1), m.group(2), m.group(3) == null ? "1" : m.group(3)),
            List.of(ev(lineStart, end)));
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return Fact.none();
  }

  private static String iso(String y, String m, String d) {
    try {
      return java.time.LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static final String[] PROVINCES = {"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
      "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
      "内蒙古", "广西", "西藏", "宁夏", "新疆"};

  private static final KeywordIndex PROVINCE_NAMES = KeywordIndex.of(PROVINCES);

  /** The province the document names most often ("浙江省"; the first in {@link #PROVINCES} on a tie), in one scan. */
  private Fact<String> province(String text) {
    int[] counts = new int[PROVINCES.length];
    int[][] first = new int[PROVINCES.length][];
    for (int pos = 0; pos < text.length(); pos++) {
      int p = PROVINCE_NAMES.wordAt(text, pos); // no name opens another, so at most one starts here
      if (p < 0) {
        continue;
      }
      int end = pos + PROVINCES[p].length();
      if (end < text.length() && (text.charAt(end) == '省' || text.charAt(end) == '市' || text.startsWith("自治区", end)
          || text.startsWith("壮族", end) || text.startsWith("回族", end) || text.startsWith("维吾尔", end))) {
        counts[p]++;
        if (first[p] == null) {
          first[p] = new int[] {pos, end + 1};
        }
      }
    }
    int best = -1;
    for (int p = 0; p < counts.length; p++) {
      if (counts[p] > 0 && (best < 0 || counts[p] > counts[best])) {
        best = p;
      }
    }
    return best < 0 ? Fact.none() : new Fact<>(PROVINCES[best], List.of(ev(first[best][0], first[best][1])));
  }

  private Fact<List<String>> industries(List<Unit> units, String text) {
    Set<String> found = new LinkedHashSet<>();
    List<Evidence> ev = new ArrayList<>();
    for (Unit u : units) {
      if (u.role() == SectionRole.FORMS || u.role() == SectionRole.LAW) {
        continue;
      }
      Matcher m = INDUSTRY.matcher(text).region(u.start(), u.end());
      while (m.find()) {
        String ind = m.group(1).replaceAll("(行业|的)$", "");
        if (ind.length() >= 2 && !ind.contains("填") && found.add(ind)) {
          ev.add(ev(m.start(), m.end()));
        }
      }
      if (text.substring(u.start(), u.end()).contains("所属行业")) {
        Matcher item = INDUSTRY_OF_ITEM.matcher(text).region(u.start(), u.end());
        while (item.find()) {
          String ind = item.group(1);
          if (!ind.contains("明确") && !ind.contains("填") && found.add(ind)) {
            ev.add(ev(item.start(), item.end()));
          }
        }
      }
    }
    return found.isEmpty() ? Fact.none() : new Fact<>(List.copyOf(found), ev);
  }

  private Fact<String> templateType(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher g = TEMPLATE_GOODS.matcher(text).region(u.start(), u.end());
      if (g.find()) {
        return new Fact<>("goods", List.of(ev(g.start(), g.end())));
      }
      Matcher w = TEMPLATE_WS.matcher(text).region(u.start(), u.end());
      if (w.find()) {
        return new Fact<>("works-services", List.of(ev(w.start(), w.end())));
      }
    }
    return Fact.none();
  }

  private Fact<Long> bidBondCny(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = BID_BOND.matcher(text).region(u.start(), u.end());
      if (!m.find()) {
        continue;
      }
      String tail = text.substring(m.end(), Math.min(u.end(), m.end() + 30));
      if (NO_BOND.matcher(tail).find() || text.substring(u.start(), m.start()).matches(".*(不收取|免收|无需缴纳|不需缴纳)\\s*$")) {
        return new Fact<>(0L, List.of(ev(m.start(), Math.min(u.end(), m.end() + 10))));
      }
      for (Quantity q : QuantityExtractor.find(text, m.end(), Math.min(u.end(), m.end() + 40))) {
        if (q.kind() == Quantity.Kind.MONEY) {
          return new Fact<>(Math.round(q.value()), List.of(ev(m.start(), q.end())));
        }
        if (q.kind() == Quantity.Kind.PERCENT) {
          break;
        }
      }
    }
    return Fact.none();
  }

  private Fact<Double> bondShare(List<Unit> units, String text, Pattern label) {
    for (Unit u : units) {
      Matcher m = label.matcher(text).region(u.start(), u.end());
      if (!m.find()) {
        continue;
      }
      String tail = text.substring(m.end(), Math.min(u.end(), m.end() + 30));
      if (NO_BOND.matcher(tail).find()) {
        return new Fact<>(0.0, List.of(ev(m.start(), Math.min(u.end(), m.end() + 10))));
      }
      for (Quantity q : QuantityExtractor.find(text, m.end(), Math.min(u.end(), m.end() + 50))) {
        if (q.kind() == Quantity.Kind.PERCENT) {
          if (INTEREST.matcher(text.substring(Math.max(m.end(), q.start() - 16), q.start())).find()) {
            break; // interest or a penalty on a late refund, not the bond's rate
          }
          return new Fact<>(round(q.max()), List.of(ev(m.start(), q.end())));
        }
      }
    }
    return Fact.none();
  }

  private Fact<Integer> paymentDays(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = PAYMENT.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        int n = Integer.parseInt(m.group(2));
        int days = m.group(3).equals("工作日") ? (int) Math.ceil(n * 7 / 5.0) : n;
        return new Fact<>(days, List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  private Fact<String> paymentFrom(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = PAYMENT.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        String from = switch (m.group(1)) {
          case "验收合格", "考核合格" -> "acceptance";
          case "交货", "到货" -> "delivery";
          case "服务期满" -> "service-end";
          case "合同签订", "签订合同" -> "contract-signing";
          case "办理完毕", "结算" -> "settlement";
          default -> "invoice";
        };
        return new Fact<>(from, List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  private Fact<Double> advance(List<Unit> units, String text) {
    for (Unit u : units) {
      Matcher m = ADVANCE.matcher(text).region(u.start(), u.end());
      if (m.find()) {
        String v = m.group(1) != null ? m.group(1) : m.group(2);
        return new Fact<>(Double.parseDouble(v) / 100, List.of(ev(m.start(), m.end())));
      }
    }
    return Fact.none();
  }

  private Fact<Boolean> exemption(List<Unit> units, String text) {
    for (Unit u : units) {
      String s = text.substring(u.start(), u.end());
      if (RESERVED_NO.matcher(s).find() && EXEMPT.matcher(s).find()) {
        return new Fact<>(true, List.of(ev(u.start(), u.end())));
      }
    }
    return new Fact<>(false, List.of());
  }

  private List<Facts.PackageFacts> packages(List<Unit> units, String text) {
    List<Facts.PackageFacts> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Unit u : units) {
      Matcher m = PACKAGE.matcher(text.substring(u.start(), u.end()));
      if (!m.find()) {
        continue;
      }
      String id = m.group(1).replaceAll("\\s", "");
      if (!seen.add(id)) {
        continue;
      }
      List<Unit> one = List.of(u);
      Fact<Long> budget = money(one, text, BUDGET);
      Fact<Boolean> reserved = reserved(one, text);
      if (budget.known() || reserved.known()) {
        out.add(new Facts.PackageFacts(id, budget, reserved));
      }
    }
    return out;
  }
}
