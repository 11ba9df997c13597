package io.fairtender.segment;

import io.fairtender.text.Keywords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a section's role from its heading or an item's label: the first role in {@link #ROLES} order whose keywords
 * occur in it (forms first). All keywords are found in one pass; headings and labels are classified often.
 */
final class RoleClassifier {
  private static final String[] BIDDERS = {"投标人", "供应商", "响应人", "应答人", "申请人", "响应方", "比选人", "比选申请人", "竞标人", "报价人"};
  private static final String[] RESPONDENTS = {"响应人", "应答人", "响应方", "比选申请人", "竞标人", "报价人"};
  private static final String[] TERMS = {"要求", "条件"};

  /** Roles in priority order with their keywords. 附表 after 前 (投标人须知前附表) is not a form. */
  private static final Object[][] ROLES = {
    {SectionRole.FORMS, words("格式|声明函|承诺函|授权书|授权委托书|基本情况表|情况表|附表|样表|范本|模板|报价表|一览表|偏离表|申请函|投标函|响应函|清单格式")},
    {SectionRole.LAW, words("法律依据|政策依据|法律法规|相关规定|引用")},
    {SectionRole.SCORING, words("评分|评审|评标|评定|打分|分值|评比|评估办法|评价标准|详细评审|商务分|技术分|价格分")},
    {SectionRole.QUALIFICATION, concat(words("资格|资质要求|合格的投标人|合格投标人|合格供应商|投标人条件|供应商条件|申请人条件|投标人要求|供应商要求|准入|基本条件|特定条件"),
        product(product(new String[] {"对"}, BIDDERS), product(new String[] {"的"}, TERMS)), product(RESPONDENTS, TERMS))},
    {SectionRole.POLICY, words("政府采购政策|中小企业|扶持政策|优惠政策|价格扣除|节能|环境标志|监狱企业|残疾人福利")},
    {SectionRole.CONTRACT, words("合同|协议书|付款|支付方式|结算")},
    {SectionRole.REQUIREMENTS, words("采购需求|技术要求|商务要求|服务要求|技术参数|需求|规格|参数|技术规范|服务内容|项目要求|采购内容|采购清单|售后|质量要求|交付|验收")},
    {SectionRole.INSTRUCTIONS, words("须知|投标文件的|响应文件的|递交|开标|投标报价|保证金|澄清|修改|无效投标|废标|纪律|质疑|投诉")},
    {SectionRole.ANNOUNCEMENT, words("公告|邀请|项目概况|基本情况|获取招标文件|获取采购文件|联系方式|公告期限")},
  };
  private static final String NOT_A_FORM = "附表";
  private static final Map<String, Integer> RANK = rank();
  private static final List<String> WORDS = List.copyOf(RANK.keySet());
  private static final Keywords KEYWORDS = Keywords.of(WORDS);
  /** The rank of each word of {@link #WORDS}. */
  private static final int[] WORD_RANK = WORDS.stream().mapToInt(RANK::get).toArray();

  private RoleClassifier() {}

  /** The role a heading names, or null when it names none. */
  static SectionRole classify(String heading) {
    int[] best = {Integer.MAX_VALUE};
    KEYWORDS.find(heading, (s, e, w) -> {
      if (!(WORDS.get(w).equals(NOT_A_FORM) && s > 0 && heading.charAt(s - 1) == '前')) {
        best[0] = Math.min(best[0], WORD_RANK[w]);
      }
    });
    return best[0] == Integer.MAX_VALUE ? null : (SectionRole) ROLES[best[0]][0];
  }

  /** Each keyword's rank: the index of the first role listing it. */
  private static Map<String, Integer> rank() {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < ROLES.length; i++) {
      for (String w : (String[]) ROLES[i][1]) {
        rank.putIfAbsent(w, i);
      }
    }
    return rank;
  }

  private static String[] words(String alternatives) {
    return alternatives.split("\\|");
  }

  /** Every {@code a + b}. */
  private static String[] product(String[] as, String[] bs) {
    List<String> out = new ArrayList<>();
    for (String a : as) {
      for (String b : bs) {
        out.add(a + b);
      }
    }
    return out.toArray(String[]::new);
  }

  private static String[] concat(String[]... parts) {
    List<String> out = new ArrayList<>();
    for (String[] p : parts) {
      out.addAll(List.of(p));
    }
    return out.toArray(String[]::new);
  }
}
