package io.fairtender.segment;

import java.util.regex.Pattern;

/** Infers a section's role from its heading or an item's label. Order matters: forms first. */
final class RoleClassifier {
  private static final Object[][] RULES = {
    {SectionRole.FORMS, Pattern.compile("格式|声明函|承诺函|授权书|授权委托书|基本情况表|情况表|(?<!前)附表|样表|范本|模板|报价表|一览表|偏离表|申请函|投标函|响应函|清单格式")},
    {SectionRole.LAW, Pattern.compile("法律依据|政策依据|法律法规|相关规定|引用")},
    {SectionRole.SCORING, Pattern.compile("评分|评审|评标|评定|打分|分值|评比|评估办法|评价标准|详细评审|商务分|技术分|价格分")},
    {SectionRole.QUALIFICATION, Pattern.compile("资格|资质要求|合格的投标人|合格投标人|合格供应商|投标人条件|供应商条件|申请人条件|投标人要求|供应商要求|准入|基本条件|特定条件"
        + "|对(?:投标人|供应商|响应人|应答人|申请人|响应方|比选人|比选申请人|竞标人|报价人)的(?:要求|条件)|(?:响应人|应答人|响应方|比选申请人|竞标人|报价人)(?:要求|条件)")},
    {SectionRole.POLICY, Pattern.compile("政府采购政策|中小企业|扶持政策|优惠政策|价格扣除|节能|环境标志|监狱企业|残疾人福利")},
    {SectionRole.CONTRACT, Pattern.compile("合同|协议书|付款|支付方式|结算")},
    {SectionRole.REQUIREMENTS, Pattern.compile("采购需求|技术要求|商务要求|服务要求|技术参数|需求|规格|参数|技术规范|服务内容|项目要求|采购内容|采购清单|售后|质量要求|交付|验收")},
    {SectionRole.INSTRUCTIONS, Pattern.compile("须知|投标文件的|响应文件的|递交|开标|投标报价|保证金|澄清|修改|无效投标|废标|纪律|质疑|投诉")},
    {SectionRole.ANNOUNCEMENT, Pattern.compile("公告|邀请|项目概况|基本情况|获取招标文件|获取采购文件|联系方式|公告期限")},
  };

  private RoleClassifier() {}

  /** The role a heading names, or null when it names none. */
  static SectionRole classify(String heading) {
    for (Object[] rule : RULES) {
      if (((Pattern) rule[1]).matcher(heading).find()) {
        return (SectionRole) rule[0];
      }
    }
    return null;
  }
}
