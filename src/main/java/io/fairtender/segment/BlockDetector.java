package io.fairtender.segment;

import static io.fairtender.text.Chars.containsAny;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds blocks whose role the section heading does not tell: the 划型 standard quoted anywhere, a template that follows
 * its own title inside another section, article text quoted from a law, conditional and optional text, and lawful
 * accommodations for new firms. Stateless.
 */
final class BlockDetector {
  /** A size-classification line: "…从业人员300人以下的为中小微型企业", "中型企业须同时满足…". */
  private static final Pattern SIZE_LINE = Pattern.compile(
      "(?:的|者)为(?:中型|小型|微型|中小微型|小微型|大型)企业|(?:中型|小型|微型)企业(?:须|需|应)?同时满足"
          + "|(?:从业人员|营业收入|资产总额)[^。\\n\\t]{0,30}(?:≥|≤|<|>)[^。\\n\\t]{0,20}(?:中型|小型|微型)");
  /** A title of the standard itself, or a header row of its table (大型/中型/小型/微型 columns). */
  private static final Pattern SIZE_TITLE = Pattern.compile("划型标准|中小企业划分标准|企业划分标准(?:规定)?$");
  private static final Pattern SIZE_HEADER = Pattern.compile("中型[^\\n]{0,8}\\t[^\\n]{0,12}小型[^\\n]{0,8}\\t[^\\n]{0,12}微型");
  private static final Pattern SIZE_CONTENT = Pattern.compile("从业人员|营业收入|资产总额|[0-9]+\\s*(?:人|万元)(?:以下|以上|及以上)");
  /** The title line of a form or template. */
  private static final Pattern FORM_TITLE = Pattern.compile(
      "^(?:[0-9一二三四五六七八九十]+[、.]|[(][0-9一二三四五六七八九十]+[)]|附件\\s*[0-9一二三四五六七八九十]*[:、.]?|附表\\s*[0-9]*[:、.]?)?\\s*"
          + "[\\p{IsHan}A-Za-z0-9、()]{0,24}?(?:声明函|承诺函|承诺书|声明书|授权书|委托书|情况表|申请表|登记表|信息表|一览表|报价表|明细表"
          + "|偏离表|申请函|投标函|响应函|磋商函|报价函|证明书|保证书|格式)(?:\\([^)]{0,20}\\))?\\s*$");
  /** A reference to a form rather than its title ("中小企业声明函(如有,格式见第6章)"). */
  private static final Pattern FORM_REFERENCE = Pattern.compile("见|提供|按照|《|须|应当|第[0-9一二三四五六七八九十]+(?:章|部分|节)|……|\\.{4,}");
  /** The date line that closes a form ("日期:", "年 月 日"). */
  private static final Pattern FORM_END = Pattern.compile(
      "^(?:(?:签署|签订|落款)?日期|时间)\\s*:?[\\s_]*(?:[0-9_\\s]*年[_\\s0-9]*月[_\\s0-9]*日)?[\\s_]*$|^[_\\s0-9]*年[_\\s0-9]*月[_\\s0-9]*日\\s*$");
  /** A signature line ("供应商名称(盖章):", "法定代表人签字:"), which also closes a form. */
  private static final Pattern FORM_SIGN = Pattern.compile("^[^。;,]{0,24}(?:签字|签名|签章|盖章|公章|电子签名)[^。;,]{0,12}:?[\\s_]*$");
  private static final Pattern FORM_NOTE = Pattern.compile("^(?:注|备注|说明|填表说明|[①②③④⑤⑥⑦⑧⑨⑩])");
  private static final int FORM_MAX_UNITS = 60;
  /** An article of a law ("第二十二条 供应商参加政府采购活动应当具备…"). */
  private static final Pattern ARTICLE = Pattern.compile("^第[0-9一二三四五六七八九十百零]+条");
  /** The sentence that introduces quoted article text ("《…》第二十二条规定:"). */
  private static final Pattern LAW_INTRO = Pattern.compile("《[^》]{2,40}》[^。]{0,20}第[^条。]{1,8}条[^。]{0,12}(?:规定|明确|要求)?:\\s*$");
  private static final Pattern LAW_INLINE = Pattern.compile("《[^》]{2,40}》[^。“]{0,20}第[^条。]{1,8}条[^。“]{0,12}(?:规定|明确)?:?\\s*“([^”]{4,})”");
  private static final Pattern ENUMERATED = Pattern.compile("^(?:[(][一二三四五六七八九十0-9]+[)]|[一二三四五六七八九十]+、|[0-9]+[.、](?![0-9])|[①②③④⑤⑥⑦⑧⑨⑩])");
  private static final int LAW_MAX_UNITS = 12;
  /** An optional item: "(如有)", "(如适用)", "(可选填)"; and a requirement answered 否. */
  private static final Pattern OPTIONAL = Pattern.compile("\\((?:如有|若有|如适用|如需要|如涉及|可选填|选填|非必须|非必填|如为[^)]{0,10})[^)]{0,40}\\)");
  private static final Pattern ANSWERED_NO = Pattern.compile("是否[^\\t]{0,60}\\t\\s*(?:否|不需要|不要求)\\s*$");
  private static final Pattern ITEM_START = Pattern.compile("[。;\\t\\n]|\\([0-9一二三四五六七八九十]{1,2}\\)");
  /** A new or young firm offered other evidence: an accommodation, unless it is excluded. */
  private static final Pattern NEW_FIRM = Pattern.compile(
      "新成立|新设立?(?:的)?(?:企业|公司|单位)|新注册|新企业|成立(?:时间)?(?:不满|不足|未满|少于|小于)|无法提供[^。;,]{0,12}(?:审计报告|财务报告|财务报表)");
  private static final Pattern EXCLUSION = Pattern.compile("不得|不能|不予|不接受|拒绝|无效|不允许|不具备|不得分|得0分|扣[0-9.]+分|不符合");
  private static final Pattern CONDITION_OPEN = Pattern.compile("^(?:[(][0-9一二三四五六七八九十]+[)]|[0-9]+(?:\\.[0-9]+)*[.、]?|[①②③④⑤⑥⑦⑧⑨⑩])?\\s*"
      + "(?:如果|如|若|假如|倘若|对于|对)(?!有虚假|实)");
  private static final Pattern ITEM_MARKER = Pattern.compile("^(?:[(][0-9一二三四五六七八九十]+[)]|[0-9]+(?:\\.[0-9]+)*[.、)]?|[①②③④⑤⑥⑦⑧⑨⑩])?\\s*");
  private static final Pattern CONDITION_CLAUSE = Pattern.compile("^(?:如果|如|若|假如|倘若)[^。]{1,60}?(?:的|时)?[,，]|^(?:对于|对)[^。,]{1,40}(?:项目|采购包|标项|企业|供应商|投标人)[,，]");

  private BlockDetector() {}

  /** Blocks of the text, sorted by start; {@code units} are replaced by copies carrying the role of a block covering them. */
  static List<Block> detect(String text, List<Unit> units) {
    List<Block> out = new ArrayList<>();
    String[] texts = new String[units.size()]; // each unit's chars, cut once for all the passes below
    for (int i = 0; i < texts.length; i++) {
      texts[i] = text.substring(units.get(i).start(), units.get(i).end());
    }
    standards(text, texts, units, out);
    templates(texts, units, out);
    law(texts, units, out);
    for (int i = 0; i < texts.length; i++) {
      optional(texts[i], units.get(i), out);
      accommodations(texts[i], units.get(i), out);
      conditional(texts[i], units.get(i), out);
    }
    out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    // one sweep: units and blocks both in text order; only blocks that began and have not yet ended are looked at
    List<Block> active = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      while (next < out.size() && out.get(next).start() <= u.start()) {
        active.add(out.get(next++));
      }
      active.removeIf(b -> b.end() < u.start());
      BlockRole r = cover(active, u);
      if (r != BlockRole.NONE) {
        units.set(i, u.withBlock(r));
      }
    }
    return out;
  }

  /** The role of the smallest of the given blocks that covers the whole unit. */
  private static BlockRole cover(List<Block> blocks, Unit u) {
    BlockRole found = BlockRole.NONE;
    int size = Integer.MAX_VALUE;
    for (Block b : blocks) {
      if (b.covers(u.start(), u.end()) && b.end() - b.start() < size) {
        found = b.role();
        size = b.end() - b.start();
      }
    }
    return found;
  }

  /** The 划型 standard: its lines wherever they stand, a titled run of them, and its table. */
  private static void standards(String text, String[] texts, List<Unit> units, List<Block> out) {
    boolean inRun = false;
    boolean inTable = false;
    for (int i = 0; i < texts.length; i++) {
      Unit u = units.get(i);
      String s = texts[i];
      boolean sized = s.indexOf('型') >= 0; // every size line and header names 中型/小型/微型/大型
      boolean line = sized && SIZE_LINE.matcher(s).find();
      boolean title = !line && s.length() <= 40 && s.indexOf('划') >= 0 && SIZE_TITLE.matcher(s).find() && s.indexOf('。') < 0 && !u.tableRow();
      boolean header = sized && u.tableRow() && SIZE_HEADER.matcher(s).find();
      if (header) {
        inTable = true;
      } else if (!u.tableRow()) {
        inTable = false;
      }
      if (header || inTable && SIZE_CONTENT.matcher(s).find()) {
        out.add(new Block(u.start(), u.end(), BlockRole.STANDARD));
        continue;
      }
      if (title) {
        out.add(new Block(u.start(), u.end(), BlockRole.STANDARD));
        inRun = true;
        continue;
      }
      if (line) {
        if (u.tableRow()) {
          Matcher m = SIZE_LINE.matcher(s);
          while (m.find()) {
            out.add(span(text, u, u.start() + m.start(), u.start() + m.end(), "。\t\n"));
          }
        } else {
          out.add(new Block(u.start(), u.end(), BlockRole.STANDARD));
        }
        inRun = true;
        continue;
      }
      if (inRun && s.length() <= 16 && !u.tableRow()) {
        out.add(new Block(u.start(), u.end(), BlockRole.STANDARD)); // an industry name between the lines ("工业。")
        continue;
      }
      inRun = false;
    }
  }

  /** The stretch around {@code [s, e)} bounded by the chars {@code bounds} matches, within the unit. */
  private static Block span(String text, Unit u, int s, int e, String bounds) {
    int from = s;
    while (from > u.start() && bounds.indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    int to = e;
    while (to < u.end() && bounds.indexOf(text.charAt(to)) < 0) {
      to++;
    }
    if (to < u.end()) {
      to++;
    }
    return new Block(from, to, BlockRole.STANDARD);
  }

  /** A form's title line opens a template that runs to its date line (and the notes under it), or to the next section. */
  private static void templates(String[] texts, List<Unit> units, List<Block> out) {
    int i = 0;
    while (i < units.size()) {
      Unit u = units.get(i);
      String s = texts[i].strip();
      if (u.tableRow() || s.length() < 4 || !formTitle(s)) {
        i++;
        continue;
      }
      int last = i;
      boolean closed = false;
      int j = i + 1;
      for (; j < units.size() && j - i <= FORM_MAX_UNITS; j++) {
        Unit v = units.get(j);
        if (!within(v.section(), u.section())) {
          break;
        }
        String t = texts[j].strip();
        if (!v.tableRow() && formTitle(t)) {
          break;
        }
        last = j;
        if (!v.tableRow() && closes(t)) {
          closed = true;
          while (j + 1 < units.size() && within(units.get(j + 1).section(), u.section())) {
            String next = texts[j + 1].strip();
            if (!closes(next) && !FORM_NOTE.matcher(next).find()) {
              break;
            }
            j++;
            last = j;
          }
          j++;
          break;
        }
      }
      if (closed) {
        out.add(new Block(u.start(), units.get(last).end(), BlockRole.TEMPLATE));
      }
      i = Math.max(i + 1, j);
    }
  }

  /** A form's own title line (not a reference to it); every title ends in one of the words of FORM_TITLE. */
  private static boolean formTitle(String line) {
    return line.length() <= 40 && endsLikeFormTitle(line) && FORM_TITLE.matcher(line).find()
        && !FORM_REFERENCE.matcher(line).find();
  }

  /**
   * Whether a title word's last character (函, 书, 表, 式) ends the line, or stands before a bracket of at most 20 chars
   * that ends it: FORM_TITLE's end, tested before the pattern.
   */
  private static boolean endsLikeFormTitle(String line) {
    int n = line.length();
    if (n > 0 && FORM_WORD_ENDS.indexOf(line.charAt(n - 1)) >= 0) {
      return true;
    }
    if (n == 0 || line.charAt(n - 1) != ')') {
      return false;
    }
    for (int open = n - 2; open >= Math.max(1, n - 22); open--) {
      if (line.charAt(open) == '(' && FORM_WORD_ENDS.indexOf(line.charAt(open - 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final String FORM_WORD_ENDS = "函书表式";

  private static boolean closes(String line) {
    return line.length() <= 40 && (containsAny(line, "期间日") && FORM_END.matcher(line).find()
        || containsAny(line, "签章") && FORM_SIGN.matcher(line).find());
  }

  /** True when {@code s} is {@code outer} or nested in it. */
  private static boolean within(Section s, Section outer) {
    for (Section x = s; x != null; x = x.parent()) {
      if (x == outer) {
        return true;
      }
    }
    return false;
  }

  /** Articles of a law, the enumerated items after "《…》第X条规定:", and “…” quoted after such a reference. */
  private static void law(String[] texts, List<Unit> units, List<Block> out) {
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String s = texts[i];
      if (s.startsWith("第") && ARTICLE.matcher(s).find() && u.role() != SectionRole.CONTRACT) {
        out.add(new Block(u.start(), u.end(), BlockRole.QUOTED_LAW));
        continue;
      }
      if (s.indexOf('《') < 0) {
        continue; // both a quotation and an introduction name the law in 《》
      }
      Matcher inline = LAW_INLINE.matcher(s);
      while (inline.find()) {
        out.add(new Block(u.start() + inline.start(1), u.start() + inline.end(1), BlockRole.QUOTED_LAW));
      }
      if (LAW_INTRO.matcher(s).find()) {
        int j = i + 1;
        while (j < units.size() && j - i <= LAW_MAX_UNITS && units.get(j).section() == u.section()
            && ENUMERATED.matcher(texts[j].strip()).find()) {
          j++;
        }
        if (j > i + 1) {
          out.add(new Block(units.get(i + 1).start(), units.get(j - 1).end(), BlockRole.QUOTED_LAW));
        }
      }
    }
  }

  /** "(如有…)" makes its item optional, from the item's start to the bracket's end; "是否…\t否" answers a requirement no. */
  private static void optional(String s, Unit u, List<Block> out) {
    if (u.tableRow() && s.contains("是否") && ANSWERED_NO.matcher(s).find()) {
      out.add(new Block(u.start(), u.end(), BlockRole.OPTIONAL));
      return;
    }
    if (s.indexOf('(') < 0) {
      return;
    }
    Matcher m = OPTIONAL.matcher(s);
    while (m.find()) {
      int from = itemStart(s, m.start());
      out.add(new Block(u.start() + from, u.start() + m.end(), BlockRole.OPTIONAL));
    }
  }

  /** Where the item holding position {@code pos} starts: after the last sentence end or cell, or at an item number. */
  private static int itemStart(String s, int pos) {
    int from = 0;
    Matcher b = ITEM_START.matcher(s);
    while (b.find() && b.start() < pos) {
      from = b.group().length() == 1 ? b.end() : b.start();
    }
    return from;
  }

  /** Another document for new firms ("新设企业提供验资报告", "成立不满一年的可…"); a condition that excludes is no accommodation. */
  private static void accommodations(String s, Unit u, List<Block> out) {
    if (s.indexOf('新') < 0 && !s.contains("成立") && !s.contains("无法提供")) {
      return; // the words every alternative of NEW_FIRM holds
    }
    Matcher m = NEW_FIRM.matcher(s);
    if (!m.find()) {
      return;
    }
    Matcher open = CONDITION_OPEN.matcher(s);
    if (open.find() && open.end() <= m.start() && !EXCLUSION.matcher(s).find()) {
      out.add(new Block(u.start(), u.end(), BlockRole.ACCOMMODATION));
      return;
    }
    do {
      int from = m.start();
      while (from > 0 && "。;,\t或".indexOf(s.charAt(from - 1)) < 0) {
        from--;
      }
      int to = m.end();
      while (to < s.length() && "。;\t或".indexOf(s.charAt(to)) < 0) {
        to++;
      }
      if (!EXCLUSION.matcher(s.substring(from, to)).find()) {
        out.add(new Block(u.start() + from, u.start() + to, BlockRole.ACCOMMODATION));
      }
    } while (m.find());
  }

  /** A sentence that opens with a condition ("如本项目…的,", "对非预留份额的采购项目,") states no fact of this project. */
  private static void conditional(String s, Unit u, List<Block> out) {
    int start = 0;
    while (start < s.length()) {
      int end = s.indexOf('。', start);
      end = end < 0 ? s.length() : end + 1;
      String sentence = s.substring(start, end);
      Matcher marker = ITEM_MARKER.matcher(sentence);
      int lead = marker.lookingAt() ? marker.end() : 0;
      if (containsAny(sentence, "如若假倘对") && CONDITION_CLAUSE.matcher(sentence.substring(lead)).find()) {
        out.add(new Block(u.start() + start, u.start() + end, BlockRole.CONDITIONAL));
      }
      start = end;
    }
  }
}
