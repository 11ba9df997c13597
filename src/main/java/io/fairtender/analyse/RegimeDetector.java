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

  /** The regime, with the reasons that decided it. */
  public record Result(Regime regime, List<String> reasons) {}

  public Result detect(String text) {
    int gov = count(GOV, text, "政府采购", "财政部门", "财政局", "采购代理机构", "询价通知书", "财库〔", "政府集中采购", "预算单位", "采购预算");
    int govLaw = count(GOV_LAW, text, "政府采购法");
    int works = count(WORKS, text, "施工", "工程量清单", "建设单位", "监理", "竣工", "招标控制价", "项目经理部");
    int tbl = count(TBL, text, "招标投标法");
    int ent = count(ENTERPRISE, text, "阳光采购", "企业采购", "集团采购", "电子采购平台", "采购人", "招标人", "采购单位", "采购方",
        "非依法必须招标", "本项目不属于政府采购", "有限公司(", "有限公司（", "有限责任公司(", "集团(");
    List<String> reasons = new ArrayList<>();
    reasons.add("政府采购 terms " + gov + ", 政府采购法 " + govLaw + ", 招标投标法 " + tbl + ", works terms " + works
        + ", enterprise-procurement terms " + ent);
    Regime r;
    if (ent > 0 && govLaw == 0) {
      r = Regime.ENTERPRISE; // a company as purchaser: government procurement has public bodies as purchasers
    } else if (tbl > 0 && works >= 3 && govLaw == 0) {
      r = Regime.WORKS;
    } else if (gov >= 2 || govLaw > 0) {
      r = Regime.GOVERNMENT;
    } else if (ent > 0) {
      r = Regime.ENTERPRISE;
    } else if (tbl > 0) {
      r = works >= 3 ? Regime.WORKS : Regime.ENTERPRISE;
    } else {
      r = Regime.UNKNOWN;
    }
    return new Result(r, reasons);
  }

  /** Counts a pattern only where its first literal occurs: most of a long document never reaches the regex engine. */
  private static int count(Pattern p, String text, String... anchors) {
    int n = 0;
    for (String a : anchors) {
      int pos = 0;
      while ((pos = text.indexOf(a, pos)) >= 0) {
        Matcher m = p.matcher(text).region(pos, Math.min(text.length(), pos + 80)).useTransparentBounds(true);
        if (m.lookingAt()) {
          n++;
        }
        pos += a.length();
      }
    }
    return n;
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
