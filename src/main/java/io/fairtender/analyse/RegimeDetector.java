package io.fairtender.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells government procurement, works tenders and enterprise procurement apart from what a document says of itself. */
public final class RegimeDetector {
  /** Government-procurement vocabulary; the credit-check boilerplate SOEs copy (政府采购网, 政府采购活动) does not count. */
  private static final Pattern GOV = Pattern.compile("政府采购(?:法|项目|文件|合同|政策|预算|计划|品目|代理|中心|监督管理部门|促进中小企业)"
      + "|财政部门|财政局|采购代理机构|询价通知书|财库〔|政府集中采购|预算单位|采购预算");
  private static final Pattern GOV_LAW = Pattern.compile("《?(中华人民共和国)?政府采购法》?(实施条例)?");
  private static final Pattern WORKS = Pattern.compile("施工|工程量清单|施工总承包|建设单位|监理|竣工|招标控制价|项目经理部");
  private static final Pattern TBL = Pattern.compile("招标投标法");
  private static final Pattern ENTERPRISE = Pattern.compile(
      "阳光采购|(?<!中小|小微|中型|小型|微型)企业采购|国有企业采购|集团采购|电子采购平台"
          + "|(招标人|采购人|采购单位|采购方)(名称)?[:：]\\s*[^\\n。;]{0,30}(有限公司|有限责任公司|股份有限公司|集团)"
          + "|(有限公司|有限责任公司|股份有限公司|集团)[(（](即|以下简称)?[\"“]?(采购人|招标人)"
          + "|非依法必须招标|本项目不属于政府采购");

  /** Saying a project is not government procurement ("本项目不属于政府采购", "非政府采购项目") is no mention of it. */
  private static final Pattern NEGATED = Pattern.compile("(?:不属于|不是|并非|非|不适用|不按)\\s*$");
  /** 政府采购法 cited only for the supplier conditions of its 第二十二条, which enterprise tenders copy. */
  private static final Pattern LAW_CONDITIONS = Pattern.compile("^政府采购法》?[^。;]{0,8}第(?:22|二十二)条|^政府采购法》?和本(?:文件|招标文件|采购文件)");
  /** Buyers that are enterprises by kind: banks, credit cooperatives, insurers, securities and asset managers, telecoms. */
  private static final Pattern ENTERPRISE_BUYER = Pattern.compile(
      "[\\p{IsHan}]{0,20}(?<!人民)(?:银行|农商行|信用社|信用合作联社)(?![\\p{IsHan}]{0,2}(?:账户|账号|转账|汇款|保函|开户|出具))"
          + "(?:[\\p{IsHan}()]{0,24}?(?:有限公司|有限责任公司|分公司|分行|支行|集团))?"
          + "|[\\p{IsHan}]{0,20}(?:保险|证券|资产管理|基金管理|信托|期货|金融租赁|消费金融|中国移动|中国电信|中国联通|移动通信|中国铁塔|电信股份"
          + "|联通|邮政集团)[\\p{IsHan}()]{0,24}?(?:有限公司|有限责任公司|分公司|集团)");
  /** Procurement methods that exist only outside 政府采购法. */
  private static final Pattern ENTERPRISE_METHOD = Pattern.compile("询比|征询(?:文件|公告|邀请)|比选(?:文件|公告|邀请)|阳光采购");
  private static final Pattern BUYER_LABEL = Pattern.compile("(?:采购人|招标人|采购单位|采购方|征询人|比选人|询比人|发包人)(?:名称)?[:：为]\\s*");
  /** A public body named as the buyer: a 政府采购 purchaser by kind (国家机关、事业单位、团体组织). */
  private static final Pattern PUBLIC_BUYER = Pattern.compile(
      "[\\p{IsHan}()]{2,30}?(?:学院|大学|学校|中学|小学|幼儿园|医院|卫生院|疾病预防控制中心|人民政府|政府|局|委员会|办公室|办公厅|厅|研究院|研究所|党校"
          + "|图书馆|博物馆|纪念馆|档案馆|监狱|法院|检察院|管理处|管理站|事务中心|服务中心)(?![\\p{IsHan}]{0,6}(?:有限公司|有限责任公司|集团))");
  /** How far into the document the cover page runs. */
  private static final int COVER = 300;

  /** The regime, with the reasons that decided it. */
  public record Result(Regime regime, List<String> reasons) {}

  public Result detect(String text) {
    int gov = count(GOV, text, "政府采购", "财政部门", "财政局", "采购代理机构", "询价通知书", "财库〔", "政府集中采购", "预算单位", "采购预算");
    int govLaw = count(GOV_LAW, text, "政府采购法");
    int govCited = citations(text);
    int[] labels = buyerLabelEnds(text);
    String buyer = enterpriseBuyer(text, labels);
    if (buyer == null && publicBuyer(text, labels)) {
      gov++; // a school, hospital or office buying is one sign of 政府采购
    }
    boolean enterpriseMethod = ENTERPRISE_METHOD.matcher(text.substring(0, Math.min(text.length(), 3000))).find();
    int works = count(WORKS, text, "施工", "工程量清单", "建设单位", "监理", "竣工", "招标控制价", "项目经理部");
    int tbl = count(TBL, text, "招标投标法");
    int ent = count(ENTERPRISE, text, "阳光采购", "企业采购", "集团采购", "电子采购平台", "采购人", "招标人", "采购单位", "采购方",
        "非依法必须招标", "本项目不属于政府采购", "有限公司(", "有限公司（", "有限责任公司(", "集团(");
    List<String> reasons = new ArrayList<>();
    reasons.add("政府采购 terms " + gov + ", 政府采购法 " + govLaw + (govCited == 0 ? "" : " (+" + govCited + " for its supplier conditions)") + ", 招标投标法 " + tbl + ", works terms " + works
        + ", enterprise-procurement terms " + ent + (buyer == null ? "" : ", buyer " + buyer)
        + (enterpriseMethod ? ", enterprise procurement method" : ""));
    Regime r;
    if (buyer != null && gov < 10) {
      r = Regime.ENTERPRISE; // a bank, insurer or telecom operator is not a 政府采购 purchaser
    } else if (ent > 0 && govLaw == 0) {
      r = Regime.ENTERPRISE; // a company as purchaser: government procurement has public bodies as purchasers
    } else if (tbl > 0 && works >= 3 && govLaw == 0) {
      r = Regime.WORKS;
    } else if (gov >= 2 || govLaw >= 1 || gov >= 1 && govCited >= 1) {
      r = Regime.GOVERNMENT;
    } else if (ent > 0 || enterpriseMethod) {
      r = Regime.ENTERPRISE;
    } else if (tbl > 0) {
      r = works >= 3 ? Regime.WORKS : Regime.ENTERPRISE;
    } else {
      r = Regime.UNKNOWN;
    }
    return new Result(r, reasons);
  }

  /** True when one of the buyer labels names a public body. */
  private static boolean publicBuyer(String text, int[] labelEnds) {
    for (int end : labelEnds) {
      if (PUBLIC_BUYER.matcher(text).region(end, Math.min(text.length(), end + 40)).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** Words one of which every {@link #ENTERPRISE_BUYER} match holds (the pattern's kinds of enterprise). */
  private static final String[] ENTERPRISE_KINDS = {"银行", "农商行", "信用社", "信用合作联社", "保险", "证券", "资产管理", "基金管理",
      "信托", "期货", "金融租赁", "消费金融", "中国移动", "中国电信", "中国联通", "移动通信", "中国铁塔", "电信股份", "联通", "邮政集团"};

  /** The enterprise buyer a cover page or one of the buyer labels names, or null. */
  private static String enterpriseBuyer(String text, int[] labelEnds) {
    int coverEnd = Math.min(text.length(), COVER);
    Matcher cover = ENTERPRISE_BUYER.matcher(text).region(0, coverEnd);
    // the pattern tries every start of the cover; a cover naming no kind of enterprise cannot match
    if (namesAny(text, coverEnd, ENTERPRISE_KINDS) && cover.find()) {
      return cover.group().replaceFirst("^受", "");
    }
    for (int end : labelEnds) {
      Matcher b = ENTERPRISE_BUYER.matcher(text).region(end, Math.min(text.length(), end + 50));
      if (b.lookingAt()) {
        return b.group().replaceFirst("^受", "");
      }
    }
    return null;
  }

  /** Whether one of {@code words} lies wholly within {@code text[0, end)}. */
  private static boolean namesAny(String text, int end, String[] words) {
    String head = text.substring(0, end);
    for (String w : words) {
      if (head.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** How many buyer labels are read for the buyer's name. */
  private static final int MAX_LABELS = 20;
  /** The labels {@link #BUYER_LABEL} opens with. */
  private static final String[] LABELS = {"采购人", "招标人", "采购单位", "采购方", "征询人", "比选人", "询比人", "发包人"};
  /** Their first chars. */
  private static final String LABEL_FIRST = "采招征比询发";

  /**
   * Where the first {@link #MAX_LABELS} buyer labels (采购人：…) end, as successive {@code find()}s of the pattern
   * would give them; both buyer tests read them, and the pattern runs only where a label's words are.
   */
  private static int[] buyerLabelEnds(String text) {
    Matcher label = BUYER_LABEL.matcher(text);
    int[] ends = new int[MAX_LABELS];
    int n = 0;
    for (int i = 0; i < text.length() && n < MAX_LABELS; i++) {
      if (opensLabel(text, i) && label.region(i, text.length()).lookingAt()) {
        ends[n++] = label.end();
        i = label.end() - 1; // the next find() starts where this label ends
      }
    }
    return java.util.Arrays.copyOf(ends, n);
  }

  /** Whether a label's words start at {@code i} (采购 alone, frequent in any tender, does not run the pattern). */
  private static boolean opensLabel(String text, int i) {
    if (LABEL_FIRST.indexOf(text.charAt(i)) < 0) {
      return false;
    }
    for (String l : LABELS) {
      if (text.startsWith(l, i)) {
        return true;
      }
    }
    return false;
  }

  /** Counts a pattern only where its first literal occurs: most of a long document never reaches the regex engine. */
  private static int count(Pattern p, String text, String... anchors) {
    int n = 0;
    for (String a : anchors) {
      int pos = 0;
      while ((pos = text.indexOf(a, pos)) >= 0) {
        Matcher m = p.matcher(text).region(pos, Math.min(text.length(), pos + 80)).useTransparentBounds(true);
        if (m.lookingAt() && !negated(text, pos) && !cited(text, pos)) {
          n++;
        }
        pos += a.length();
      }
    }
    return n;
  }

  /** How often 政府采购法 is named for its supplier conditions only. */
  private static int citations(String text) {
    int n = 0;
    int pos = 0;
    while ((pos = text.indexOf("政府采购法", pos)) >= 0) {
      if (cited(text, pos)) {
        n++;
      }
      pos += 5;
    }
    return n;
  }

  private static boolean negated(String text, int pos) {
    return NEGATED.matcher(text.substring(Math.max(0, pos - 4), pos)).find();
  }

  /** 政府采购法 named for its supplier conditions only (第二十二条), as enterprise tenders copy them. */
  private static boolean cited(String text, int pos) {
    return LAW_CONDITIONS.matcher(text.substring(pos, Math.min(text.length(), pos + 30))).find();
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
