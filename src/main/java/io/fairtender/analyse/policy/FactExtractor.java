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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  private static final FactLabels LABELS = FactLabels.builtin();
  private static final Pattern TYPE = LABELS.pattern("procurementType", "[:]?\\s*(货物|服务|工程)");
  /** A label followed by check boxes: the marked one names the type ("■服务 □货物"). */
  private static final Pattern TYPE_BOXES = LABELS.pattern("procurementType", "[:]?\\s*(?:[□☐■☑√✓✔]\\s*(?:货物|服务|工程)(?:类)?[\\s,、/]*){2,3}");
  private static final Pattern TYPE_HEADING = Pattern.compile("^(?:[一二三四五六七八九十0-9]+[、.]|\\([一二三四五六七八九十0-9]+\\))?\\s*(货物|服务|工程)类(?:项目|采购)?$");
  private static final Pattern TYPE_MARKED = Pattern.compile("[■☑√✓✔]\\s*(货物|服务|工程)");
  private static final Pattern TYPE_TITLE = Pattern.compile("(货物|服务|工程)(?:类)?(?:采购)?(?:项目)?(?:招标|磋商|谈判|询价)");
  private static final Pattern BUDGET = LABELS.pattern("budgetCny", "(?:\\((万元|元)\\))?");
  private static final Pattern MAX_PRICE = LABELS.pattern("maxPriceCny", "(?:\\((万元|元)\\))?");
  /** What may stand between a money label and its number: 为, 人民币, (含税), 价税合计总价. */
  private static final Pattern MONEY_GAP = Pattern.compile("(?:[\\s:为是]|人民币|\\((?:不?含税|人民币|单位:(?:万?元))\\)|价税合计|不?含税|总价|总额|金额)*");
  /** A number, also one a table cell splits into groups of three with spaces, and its unit. */
  private static final Pattern MONEY_NUMBER = Pattern.compile("(\\d{1,3}(?: \\d{3})+(?:\\.\\d+)?|\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万元|元|万)?");
  private static final Pattern DATE_LABEL = LABELS.pattern("documentDate", "[:]?\\s*(\\d{4})(?:年|-|/|\\.)(\\d{1,2})(?:月|-|/|\\.)(\\d{1,2})");
  /** A line that is a date only: the 落款 under an announcement, a cover date. */
  private static final Pattern DATE_LINE = Pattern.compile("^\\s*(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*$");
  private static final Pattern DATE_MONTH = Pattern.compile("^\\s*(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?\\s*$");
  /** The buyer a label names ("采购人：XX医院", "招标人名称：XX有限公司"): an organisation name ending as one does. */
  private static final Pattern BUYER = Pattern.compile("(?:采购人|招标人|采购单位|采购方|征询人|比选人|询比人)(?:名称)?\\s*[:：]\\s*"
      + "([\\p{IsHan}A-Za-z0-9()（）]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|银行|分行|支行|信用社|人民政府|政府|医院|卫生院"
      + "|大学|学院|学校|中学|小学|幼儿园|研究院|研究所|委员会|办公室|办公厅|中心|局|厅|部|所|站|处|馆|社|会|队))"
      + "(?=[^\\p{IsHan}]|$|地址|联系|电话|邮编|项目)");
  private static final Pattern METHOD = Pattern.compile("公开招标|邀请招标|竞争性磋商|竞争性谈判|询价|单一来源|框架协议采购");
  private static final Pattern RESERVED_NO = Pattern.compile("(?:非|不|未)专门面向(?:中小企业|小微企业|小型、微型企业|中小微企业)|(?<!视同)非预留|不(?:属于|是)专门面向|(?<!视同)未预留(?:份额)?|不预留"
      + "|落实政府采购政策需满足的资格要求[:]?\\s*(?:无|/|不适用)(?![\\p{IsHan}])");
  private static final Pattern RESERVED_YES = Pattern.compile("(?<![非不未是否为的])专门面向(?:中小企业|小微企业|小型、微型企业|中小微企业)(?:采购)?");
  private static final Pattern RESERVE_SHARE = Pattern.compile("(联合体|分包)[^。]{0,60}?(?:中小企业|小微企业|小型、微型企业)[^。]{0,30}?(\\d+(?:\\.\\d+)?)%");
  private static final Pattern SMALL_MICRO = Pattern.compile("小微企业|小型和微型企业|小型、微型企业|小型企业和微型企业|小型微型企业|小微型企业");
  private static final Pattern DEDUCTION = Pattern.compile("价格扣除|的扣除|予以扣除|给予[^。]{0,12}扣除|价格优惠|扣除后的价格|价格分加分");
  private static final Pattern NOT_APPLIED = Pattern.compile("不享受|不再执行|不给予|不适用|不得享受|不予");
  private static final Pattern MEDIUM = Pattern.compile("中型企业[^。;]{0,16}(?:价格扣除|扣除|优惠)[^。;]{0,10}\\d+%");
  private static final Pattern INDUSTRY = Pattern.compile("(?:所属行业|划分标准所属行业)(?:为|是)?[:]?\\s*[\"“]?([\\p{IsHan}、和及]{2,16}?)(?:[\"”]?[。;,)\\s]|行业|$)");
  /** "标的…属于 X 行业" in a 前附表 row that names the 划分标准所属行业. */
  private static final Pattern INDUSTRY_OF_ITEM = Pattern.compile("属于\\s*([\\p{IsHan}]{2,16}?)\\s*行业");
  private static final Pattern TEMPLATE_GOODS = Pattern.compile("提供的货物全部由[^。]{0,16}中小企业制造");
  private static final Pattern TEMPLATE_WS = Pattern.compile("工程的施工单位全部为|服务全部由[^。]{0,16}中小企业承接");
  private static final Pattern BID_BOND = Pattern.compile("(?:投标|响应|磋商|谈判|报价)保证金");
  private static final Pattern PERF_BOND = Pattern.compile("履约保证金");
  private static final Pattern NO_BOND = Pattern.compile("不收取|免收|无需(?:缴纳|提交)|不需(?:缴纳|提交)|免于(?:缴纳|提交)|不再收取|:无|为0");
  private static final Pattern PAYMENT = Pattern.compile("(验收合格|收到(?:合法有效的?)?发票|发票|交货|到货|服务期满|考核合格|合同签订|签订合同|办理完毕|结算)[^。;]{0,24}?(\\d+)(?:个)?(工作日|日|天)(?:内|以内)[^。;]{0,16}?(?:支付|付款|付清|拨付)");
  private static final Pattern PAYMENT_TERMS = Pattern.compile("(?:付款|支付|结算)(?:方式|条件|时间|进度|安排|期限|办法)|预付款|分期付款|(?:按月|按季度?|按年|每月|每季度?)(?:支付|付款|结算)");
  private static final Pattern ADVANCE = Pattern.compile("预付款[^。;]{0,16}?(\\d+(?:\\.\\d+)?)%|预付[^。;]{0,10}?合同(?:总)?(?:金额|价款)的(\\d+(?:\\.\\d+)?)%");
  private static final Pattern LT3 = Pattern.compile("中小企业[^。]{0,30}(?:不足|少于)3家[^。]{0,30}(?:中止|终止|重新组织|视同未预留)");
  /** The clause 46号 asks for, or a ban on any subcontracting, which leaves nothing to subcontract to large firms. */
  private static final Pattern SUBCONTRACT_DOWN = Pattern.compile("不得将[^。]{0,30}分包给(?:大中型企业|大型企业|大型、中型企业)|(?:不得|禁止)[^。]{0,10}分包给大型企业"
      + "|(?:不(?:允许|得|接受|准|能)|禁止|严禁)(?:转包[和、或及与]?)?(?:合同)?分包(?!给)|(?:分包|合同分包)[:]?\\s*(?:不允许|不接受|不得|不可|否)");
  private static final Pattern PRISON = Pattern.compile("监狱企业");
  private static final Pattern DISABLED = Pattern.compile("残疾人福利性单位");
  private static final Pattern GOODS_ALL = Pattern.compile("(?:全部|均)由[^。]{0,12}(?:小微企业|小型、微型企业|小型和微型企业|中小企业)制造");
  private static final Pattern BOND_FORM = Pattern.compile("(?:仅|只)(?:接受|限|能以|可以)[^。;]{0,10}(?:转账|电汇|现金|汇款)|不接受(?:银行)?(?:保函|担保)|(?:须|必须|应)以(?:现金|转账|电汇)(?:方式)?(?:缴纳|提交)");
  private static final Pattern OTHER_DEPOSIT = Pattern.compile("质量保证金|诚信保证金|信誉保证金|投标押金|诚信押金");
  private static final Pattern AUDIT = Pattern.compile("以(?:审计|财政评审|财政审核)[^。;]{0,12}(?:结果|结论|金额|报告)(?:作为|为)[^。;]{0,6}(?:结算|付款|支付)|审计(?:结束|完成|通过)后[^。;]{0,6}(?:支付|付款|结算)");
  private static final Pattern CONDITIONAL = Pattern.compile("(?:财政)?资金(?:到位|拨付|下达)后[^。;]{0,6}(?:支付|付款)|按[^。;]{0,10}(?:付款|拨款)进度[^。;]{0,6}(?:支付|付款)|待[^。;]{0,10}(?:拨款|资金到位)");
  private static final Pattern INTEREST = Pattern.compile("利率|利息|息|上浮|罚息|违约金|滞纳金|逾期");
  private static final Pattern NO_INTEREST = Pattern.compile("不(?:计|支付|承担|计算)[^。;]{0,8}利息|逾期[^。;]{0,6}不计息");
  private static final Pattern EXEMPT = Pattern.compile("不适宜由中小企业提供|专利|专有技术|非企业|事业单位|社会组织|充分供应|充分竞争|框架协议|政策要求");
  private static final Pattern PACKAGE = Pattern.compile("^(?:\\s*)(采购包\\s*\\d+|包\\s*\\d+|标项\\s*[0-9一二三四五六七八九十]+|标段\\s*[0-9一二三四五六七八九十]+|第[0-9一二三四五六七八九十]+(?:包|标段|标项))");

  /** Maps a normalised span to evidence in the extracted text. */
  private final BiFunction<Integer, Integer, Evidence> evidence;

  public FactExtractor(BiFunction<Integer, Integer, Evidence> evidence) {
    this.evidence = evidence;
  }

  /** Words one of which every clause that states a policy fact contains; other clauses are never scanned. */
  private static final String[] KEYWORDS = {"预算", "限价", "控制价", "限额", "中小企业", "小微", "小型", "中型", "扣除",
      "保证金", "押金", "支付", "付款", "付清", "利息", "计息", "审计", "分包", "监狱", "残疾人", "行业", "项目属性", "采购类型",
      "采购类别", "项目类型", "项目类别", "品目", "日期", "发布时间", "公告时间", "专门面向", "预留", "全部由", "施工单位全部", "采购包", "标项", "标段",
    "政策需满足",
      "公开招标", "邀请招标", "竞争性磋商", "竞争性谈判", "询价", "单一来源", "框架协议", "预付", "资金到位", "拨付", "拨款",
      "采购人", "招标人", "采购单位", "采购方", "征询人", "比选人", "询比人"};

  /** The units that contain one of the words (a cheap filter before a regular expression). */
  private static List<Unit> having(List<Unit> units, String text, String... words) {
    List<Unit> out = new ArrayList<>();
    for (Unit u : units) {
      for (String w : words) {
        if (contains(text, w, u.start(), u.end())) {
          out.add(u);
          break;
        }
      }
    }
    return out;
  }

  /** Whether {@code w} occurs in {@code text[start, end)}, without scanning past {@code end}. */
  static boolean contains(String text, String w, int start, int end) {
    char c0 = w.charAt(0);
    for (int i = start, last = end - w.length(); i <= last; i++) {
      if (text.charAt(i) == c0 && text.startsWith(w, i)) {
        return true;
      }
    }
    return false;
  }

  /** The units that contain a policy keyword, found with one scan per keyword. */
  static List<Unit> relevant(List<Unit> units, String text) {
    if (units.isEmpty()) {
      return units;
    }
    int[] starts = new int[units.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = units.get(i).start();
    }
    java.util.BitSet hit = new java.util.BitSet(units.size());
    for (String k : KEYWORDS) {
      int pos = 0;
      while ((pos = text.indexOf(k, pos)) >= 0) {
        int i = java.util.Arrays.binarySearch(starts, pos);
        i = i >= 0 ? i : -i - 2;
        if (i >= 0 && pos < units.get(i).end()) {
          hit.set(i);
          pos = units.get(i).end();
        } else {
          pos++;
        }
      }
    }
    List<Unit> out = new ArrayList<>(hit.cardinality());
    for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
      out.add(units.get(i));
    }
    return out;
  }

  public Facts extract(SegmentedText seg) {
    String text = seg.text().text();
    List<Unit> own = new ArrayList<>();
    List<Unit> forms = new ArrayList<>();
    List<Unit> industryUnits = new ArrayList<>();
    for (Unit u : relevant(seg.units(), text)) {
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
    List<Unit> bonds = having(own, text, "保证金");
    List<Unit> pay = having(own, text, "支付", "付款", "付清", "拨付", "拨款");
    Fact<String> type = boxedType(having(own, text, "属性", "类型", "类别", "品目"), text);
    if (!type.known()) {
      type = firstGroup(having(own, text, "属性", "类型", "类别", "品目"), text, TYPE, 1);
    }
    if (!type.known()) {
      type = firstGroup(own.subList(0, Math.min(own.size(), 5)), text, TYPE_TITLE, 1);
    }
    if (!type.known()) {
      type = headingType(seg);
    }
    Fact<String> template = templateType(relevant(seg.units(), text), text);
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
    List<Unit> clauses = clauses(having(own, text, "中小企业", "小微", "小型", "中型", "专门面向", "预留", "扣除", "政策需满足"), text);
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
    for (Unit u : having(own, text, "联合体", "分包")) {
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
    return new Facts(type, money(having(own, text, "预算", "采购金额"), text, BUDGET), money(having(own, text, "限价", "控制价", "限额"), text, MAX_PRICE),
        documentDate(seg, having(own, text, "日期", "发布时间", "公告时间"), text),
        firstMatch(having(own, text, "招标", "磋商", "谈判", "询价", "单一来源", "框架协议"), text, METHOD),
        buyer(having(own, text, "采购人", "招标人", "采购单位", "采购方", "征询人", "比选人", "询比人"), text),
        province(text), reserved, method, reserveShare, Fact.none(),
        smallMicro == null ? Fact.none() : new Fact<>(smallMicro, smEv),
        consortium == null ? Fact.none() : new Fact<>(consortium, cEv), medium, industries(having(industryUnits, text, "行业"), text), template,
        bidBondCny(bonds, text), bondShare(bonds, text, BID_BOND), bondShare(bonds, text, PERF_BOND), paymentDays(pay, text),
        paymentFrom(pay, text), advance(having(own, text, "预付"), text),
        flag(having(own, text, "付款", "支付", "结算", "预付"), text, PAYMENT_TERMS), asQualification, exemption(clauses, text),
        flag(having(own, text, "3家"), text, LT3), flag(having(own, text, "分包"), text, SUBCONTRACT_DOWN),
        both(having(own, text, "监狱", "残疾人"), text, PRISON, DISABLED), flag(having(own, text, "制造"), text, GOODS_ALL),
        flag(bonds, text, BOND_FORM), flag(having(own, text, "保证金", "押金"), text, OTHER_DEPOSIT),
        flag(having(own, text, "审计", "评审", "审核"), text, AUDIT), flag(pay, text, CONDITIONAL), flag(having(own, text, "息"), text, NO_INTEREST),
        packages(having(own, text, "包", "标项", "标段"), text));
  }

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[。;]|\\t|\\s(?=(?:\\d{1,2}[)）]|[(（]\\d{1,2}[)）]|\\d{1,2}\\.(?!\\d)))|(?<=[。;:,\\s])(?=[(（]\\d{1,2}[)）]|\\d{1,2}[)）])");

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

  /** The province the document names most often ("浙江省"), found with one scan per name. */
  private Fact<String> province(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, int[]> first = new LinkedHashMap<>();
    for (String p : PROVINCES) {
      int pos = 0;
      while ((pos = text.indexOf(p, pos)) >= 0) {
        int end = pos + p.length();
        if (end < text.length() && (text.charAt(end) == '省' || text.charAt(end) == '市' || text.startsWith("自治区", end)
            || text.startsWith("壮族", end) || text.startsWith("回族", end) || text.startsWith("维吾尔", end))) {
          counts.merge(p, 1, Integer::sum);
          first.putIfAbsent(p, new int[] {pos, end + 1});
        }
        pos = end;
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> new Fact<>(e.getKey(), List.of(ev(first.get(e.getKey())[0], first.get(e.getKey())[1]))))
        .orElse(Fact.none());
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
