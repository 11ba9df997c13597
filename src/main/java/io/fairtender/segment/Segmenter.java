package io.fairtender.segment;

import static io.fairtender.text.Chars.containsAny;

import io.fairtender.normalise.NormalisedText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts normalised text into sections (from headings such as 第X章, 一、, (一), 1., 1.1, 附件N) with a role each,
 * and into units: sentences, numbered items, and whole table rows. Thread-safe and stateless.
 */
public final class Segmenter {
  private final io.fairtender.analyse.model.Models models;

  /** A segmenter with the rule-based sentence split only. */
  public Segmenter() {
    this(null);
  }

  /** A segmenter whose sentence split is backed by the trained model (null: rules only). */
  public Segmenter(io.fairtender.analyse.model.Models models) {
    this.models = models;
  }

  private static final Pattern[] LEVELS = {
    Pattern.compile("^第[0-9一二三四五六七八九十百零两]+[章部篇卷编]"),
    Pattern.compile("^(?:附件|附表)\\s*[0-9一二三四五六七八九十]*[:、.]?"),
    Pattern.compile("^第[0-9一二三四五六七八九十百零两]+节"),
    Pattern.compile("^[一二三四五六七八九十]+[、.]"),
    Pattern.compile("^\\([一二三四五六七八九十]+\\)"),
    Pattern.compile("^[0-9]+[、.](?![0-9])"),
    Pattern.compile("^[0-9]+\\.[0-9]+(?![.0-9])[、.]?"),
    Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+(?![.0-9])[、.]?"),
    Pattern.compile("^\\([0-9]+\\)"),
    Pattern.compile("^[0-9]+\\)"),
    Pattern.compile("^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"),
  };
  /** Level given to an unnumbered title line that names a role ("评分标准"). */
  private static final int TITLE_LEVEL = 4;
  private static final Pattern LABEL = Pattern.compile("^(?:[^:]{0,12}?)([^:,。;]{2,16}):");
  private static final int LONG_SENTENCE = 160;
  /** Chars enough to recognise any item marker (第十二章, （二十）, 12.3.4、) after a semicolon. */
  private static final int MARKER_WINDOW = 24;

  public SegmentedText segment(NormalisedText nt) {
    return segment(nt, io.fairtender.Deadline.none(), Integer.MAX_VALUE);
  }

  /**
   * Sections and units of the text, in one pass over its lines. Checks the deadline every few thousand lines and
   * refuses a document of more than {@code maxUnits} units as too large.
   */
  public SegmentedText segment(NormalisedText nt, io.fairtender.Deadline deadline, int maxUnits) {
    String text = nt.text();
    List<Section> sections = new ArrayList<>();
    List<Unit> units = new ArrayList<>();
    Section root = new Section("", "", SectionRole.OTHER, 0, 0, 0, null);
    sections.add(root);
    Deque<Section> stack = new ArrayDeque<>();
    stack.push(root);
    java.util.Map<String, Integer> lastTitle = lastMajorHeadings(text);
    int unitsAtHeading = -1;
    SectionRole contentRole = SectionRole.OTHER;
    int lineStart = 0;
    int lines = 0;
    while (lineStart <= text.length()) {
      if ((++lines & 0xfff) == 0) {
        deadline.check();
        if (units.size() > maxUnits) {
          throw new io.fairtender.CheckException(io.fairtender.ErrorCode.TOO_LARGE,
              "the document has more than " + maxUnits + " sentences, items and table rows");
        }
      }
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      if (lineEnd > lineStart) {
        String line = text.substring(lineStart, lineEnd);
        int level = headingLevel(line);
        if (level > 0) {
          Section previous = stack.peek();
          boolean listItem = previous.level() == level && previous.parent() != null && unitsAtHeading == units.size();
          while (stack.size() > 1 && stack.peek().level() >= level) {
            stack.pop();
          }
          Section parent = stack.peek();
          String title = line.strip();
          // a run of empty headings is a list ("(3)报价文件 (4)法人授权书", 第五章… 第六章…): what follows its last
          // item goes on with the text the list interrupted
          SectionRole named = listItem ? null : RoleClassifier.classify(title);
          SectionRole role = named != null ? named : listItem ? contentRole : parent.role();
          if (insideForms(parent, lastTitle)
              && (listItem || role != SectionRole.SCORING && role != SectionRole.REQUIREMENTS && role != SectionRole.CONTRACT)) {
            role = SectionRole.FORMS;
          }
          String path = parent.path().isEmpty() ? title : parent.path() + " > " + title;
          Section s = new Section(title, path, role, level, lineStart, lineEnd, parent);
          sections.add(s);
          stack.push(s);
          unitsAtHeading = units.size();
        } else {
          addUnits(text, lineStart, lineEnd, stack.peek(), units);
          contentRole = stack.peek().role();
        }
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    if (units.size() > maxUnits) {
      throw new io.fairtender.CheckException(io.fairtender.ErrorCode.TOO_LARGE,
          "the document has more than " + maxUnits + " sentences, items and table rows");
    }
    deadline.check();
    List<Block> blocks = BlockDetector.detect(text, units);
    return new SegmentedText(nt, sections, units, blocks);
  }

  /**
   * True inside a chapter or attachment of forms (投标文件格式, 附件): every part of it is a template, whatever its own
   * heading names ("资格声明", "提交保证金金额"), unless it names scoring, requirements or a contract, which a forms
   * chapter does not hold and a missed chapter heading may leave under it.
   */
  private static boolean insideForms(Section s, java.util.Map<String, Integer> lastTitle) {
    for (Section x = s; x != null; x = x.parent()) {
      if (x.role() == SectionRole.FORMS && x.level() >= 1 && (x.level() <= 3 || x.heading().contains("文件格式"))
          && lastTitle.getOrDefault(x.heading(), x.start()) == x.start()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where each chapter-level title (第X章, 附件N, 第X节) last occurs: an earlier line with the same title is a table of
   * contents or a list of the document's parts, not the chapter itself.
   */
  private static java.util.Map<String, Integer> lastMajorHeadings(String text) {
    java.util.Map<String, Integer> last = new java.util.HashMap<>();
    int lineStart = 0;
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      char c = lineEnd > lineStart ? text.charAt(lineStart) : ' ';
      if ((c == '第' || c == '附') && lineEnd - lineStart < 60) {
        String line = text.substring(lineStart, lineEnd);
        int level = headingLevel(line);
        if (level >= 1 && level <= 3) {
          last.put(line.strip(), lineStart);
        }
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return last;
  }

  /** Cuts text that is known to stand in one role (a rule example, a single clause) into units, without headings. */
  public SegmentedText segmentAs(NormalisedText nt, SectionRole role) {
    String text = nt.text();
    Section section = new Section("", "", role, 0, 0, 0, null);
    List<Unit> units = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      if (lineEnd > lineStart) {
        addUnits(text, lineStart, lineEnd, section, units);
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    List<Block> blocks = BlockDetector.detect(text, units);
    return new SegmentedText(nt, List.of(section), units, blocks);
  }

  /** The heading level of a line, or 0 when it is body text. */
  static int headingLevel(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.indexOf('\t') >= 0) {
      return 0;
    }
    char last = s.charAt(s.length() - 1);
    boolean endsSentence = last == '。' || last == ';' || last == ',' || last == '、';
    if (!mayOpenHeading(s.charAt(0))) {
      return s.length() <= 20 && !endsSentence ? titleLevel(s) : 0;
    }
    Matcher m = LEVELS[0].matcher(s); // one matcher for all levels; each level is anchored at the line's start
    for (int i : levelsOpenedBy(s.charAt(0))) {
      if (m.usePattern(LEVELS[i]).reset().lookingAt()) {
        String rest = s.substring(m.end()).strip();
        if (endsSentence || rest.length() > 30 || rest.indexOf('。') >= 0 || hasClause(rest) || readsAsRequirement(rest)) {
          return 0;
        }
        return i + 1;
      }
    }
    return s.length() <= 20 && !endsSentence ? titleLevel(s) : 0;
  }

  /** The LEVELS (indexes, in order) whose numbering can open with {@code c}; the first that matches a line wins. */
  private static int[] levelsOpenedBy(char c) {
    if (c >= '0' && c <= '9') {
      return DIGIT_LEVELS;
    }
    if (c == '(') {
      return BRACKET_LEVELS;
    }
    if (c == '第') {
      return ORDINAL_LEVELS;
    }
    if (c == '附') {
      return ATTACHMENT_LEVELS;
    }
    if (c >= '①' && c <= '⑳') {
      return CIRCLED_LEVELS;
    }
    return "一二三四五六七八九十".indexOf(c) >= 0 ? NUMERAL_LEVELS : NO_LEVELS;
  }

  private static final int[] ORDINAL_LEVELS = {0, 2};
  private static final int[] ATTACHMENT_LEVELS = {1};
  private static final int[] NUMERAL_LEVELS = {3};
  private static final int[] BRACKET_LEVELS = {4, 8};
  private static final int[] DIGIT_LEVELS = {5, 6, 7, 9};
  private static final int[] CIRCLED_LEVELS = {10};
  private static final int[] NO_LEVELS = {};

  /** The level of an unnumbered title line that names a role ("评分标准"), or 0. */
  private static int titleLevel(String s) {
    if (!hasClause(s) && !s.contains("(") && !s.contains("《") && !hasDigit(s) && RoleClassifier.classify(s) != null) {
      return TITLE_LEVEL;
    }
    return 0;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Chars a numbered heading can open with (第, 附, digits, brackets, Chinese numerals, circled numbers). */
  private static boolean mayOpenHeading(char c) {
    return c == '第' || c == '附' || (c >= '0' && c <= '9') || c == '(' || c == '（' || "一二三四五六七八九十".indexOf(c) >= 0
        || (c >= '①' && c <= '⑳');
  }

  /** A quantity with a bound ("不低于800万元", "3年以上"): titles name topics, they do not set amounts. */
  private static final Pattern BOUNDED_QUANTITY = Pattern.compile(
      "(?:不低于|不少于|不超过|不高于|低于|高于|超过|达到|满|≥|≤|>|<)\\s*[0-9一二三四五六七八九十百千]"
          + "|[0-9一二三四五六七八九十百千]+(?:\\.[0-9]+)?\\s*(?:亿元|万元|元|年|个月|人|名|个|家|项|%)\\s*(?:\\(含\\))?\\s*(?:及)?(?:以上|以下|以内)");
  /** A bidder who must do or hold something ("投标人须具有…"), unless it is a title ("投标人须知", "…应具备的条件"). */
  private static final Pattern BIDDER_MUST = Pattern.compile(
      "(?:投标人|供应商|申请人|响应人|应答人|竞标人)(?:须|应|必须|应当|需)(?!知)(?!.*(?:条件|要求|资格|规定|说明|材料|资料|文件|内容|事项)$)");

  /**
   * A numbered line that states a requirement ("1. 投标人注册资本不低于800万元", wrapped before its bracket) is body
   * text even without closing punctuation; taking it for a heading would hide the clause from every rule.
   */
  static boolean readsAsRequirement(String rest) {
    // every bound holds one of 于少过到满≥≤><以; every 投标人须… one of 须应必需
    return containsAny(rest, "于少过到满≥≤><以") && BOUNDED_QUANTITY.matcher(rest).find()
        || containsAny(rest, "须应必需") && BIDDER_MUST.matcher(rest).find();
  }

  /** True when text reads as a clause rather than a title (a colon followed by content, or a comma). */
  private static boolean hasClause(String s) {
    int colon = s.indexOf(':');
    return (colon >= 0 && colon < s.length() - 1) || s.indexOf(',') >= 0 || s.indexOf(';') >= 0;
  }

  private void addUnits(String text, int start, int end, Section section, List<Unit> units) {
    SectionRole role = labelRole(text, start, end, section.role());
    if (indexOf(text, '\t', start, end) >= 0) {
      units.add(new Unit(start, end, section, scoringRow(text, start, end, role), true));
      return;
    }
    for (int[] sent : sentences(text, start, end)) {
      addTrimmed(text, sent[0], sent[1], section, clauseRole(text, sent[0], sent[1], role), units);
    }
  }

  /** Points awarded in a cell ("得3分", "最高5分", "不得分"). */
  private static final Pattern POINTS = Pattern.compile("得[0-9.]+分|加[0-9.]+分|扣[0-9.]+分|最高[得为]?[0-9.]+分|满分|不得分|得0分|[0-9.]+分[;,。)]");
  /** A cell that is only a weight ("5", "10分"). */
  private static final Pattern WEIGHT_CELL = Pattern.compile("(?:^|\t)\\s*[0-9]{1,2}(?:\\.[0-9])?\\s*分?\\s*(?:\t|$)");

  /**
   * A table row that awards points and carries a weight cell is a scoring row wherever it stands: a scoring table
   * continued on the next page of a PDF loses its heading, not its points.
   */
  private static SectionRole scoringRow(String text, int start, int end, SectionRole role) {
    if (role == SectionRole.SCORING || role == SectionRole.FORMS || role == SectionRole.LAW || role == SectionRole.CONTRACT) {
      return role;
    }
    CharSequence row = text.subSequence(start, end);
    return indexOf(text, '分', start, end) >= 0 && POINTS.matcher(row).find() && WEIGHT_CELL.matcher(row).find() ? SectionRole.SCORING : role;
  }

  /** What a bidder must hold ("投标人须具有ISO9001认证"), stated among the requirements: a qualification clause. */
  private static final Pattern BIDDER_MUST_HOLD = Pattern.compile(
      "^[^。;]{0,12}?(?:投标人|供应商|响应人|应答人|申请人|响应方|投标方|磋商供应商|竞标人)(?:须|应|必须|需|应当)(?:具有|具备|持有|取得|通过)[^。;]{0,30}(?:认证|证书|资质|资格)");

  private static SectionRole clauseRole(String text, int start, int end, SectionRole role) {
    if (role == SectionRole.REQUIREMENTS && BIDDER_MUST_HOLD.matcher(text.subSequence(start, end)).find()) {
      return SectionRole.QUALIFICATION;
    }
    return role;
  }

  /** Sentences of a line: the rule-based split, with the model (when loaded) deciding semicolons in long sentences. */
  public List<int[]> sentenceSpans(String text, int start, int end) {
    return sentences(text, start, end);
  }

  private List<int[]> sentences(String text, int start, int end) {
    if (models == null) {
      return ruleSentences(text, start, end);
    }
    List<int[]> rule = ruleSentences(text, start, end, false);
    List<int[]> out = new ArrayList<>();
    for (int[] s : rule) {
      if (s[1] - s[0] > LONG_SENTENCE && indexOf(text, ';', s[0], s[1]) >= 0) {
        out.addAll(models.sentences(text, s[0], s[1]));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The rule-based split of {@code text[start, end)}: at 。!? outside brackets and quotes, and at a semicolon before a
   * numbered item (or, without a model, in a long sentence).
   */
  public static List<int[]> ruleSentences(String text, int start, int end) {
    return ruleSentences(text, start, end, true);
  }

  private static List<int[]> ruleSentences(String text, int start, int end, boolean splitLong) {
    List<int[]> out = new ArrayList<>();
    int unitStart = start;
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（' || c == '《' || c == '“' || c == '「' || c == '【' || c == '[') {
        depth++;
      } else if ((c == ')' || c == '）' || c == '》' || c == '”' || c == '」' || c == '】' || c == ']') && depth > 0) {
        depth--;
      } else if (depth == 0 && isBoundary(text, c, i, splitLong ? unitStart : i, end)) {
        int unitEnd = i + 1;
        while (unitEnd < end && isCloser(text.charAt(unitEnd))) {
          unitEnd++;
        }
        out.add(new int[] {unitStart, unitEnd});
        unitStart = unitEnd;
        i = unitEnd - 1;
      }
    }
    if (end > unitStart) {
      out.add(new int[] {unitStart, end});
    }
    return out;
  }

  /** Sentence ends; a semicolon ends a unit when a numbered item follows or the unit is long. */
  private static boolean isBoundary(String text, char c, int i, int unitStart, int end) {
    if (c == '。' || c == '!' || c == '?' || c == '！' || c == '？') {
      return true;
    }
    if (c == ';' || c == '；') {
      int next = i + 1;
      while (next < end && text.charAt(next) == ' ') {
        next++;
      }
      return i - unitStart > LONG_SENTENCE
          || next < end && io.fairtender.normalise.LineMarkers.startsWithMarker(text.subSequence(next, Math.min(end, next + MARKER_WINDOW)));
    }
    return false;
  }

  /** The first {@code c} in {@code text[from, to)}, or -1; never looks past {@code to} (a line, not the whole text). */
  static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isCloser(char c) {
    return c == '”' || c == '’' || c == '」' || c == '』' || c == ')' || c == '）';
  }

  private static void addTrimmed(String text, int s, int e, Section section, SectionRole role, List<Unit> units) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > s) {
      units.add(new Unit(s, e, section, role, false));
    }
  }

  /** An item opening with a label such as "资格要求:" takes the label's role. */
  private static SectionRole labelRole(String text, int start, int end, SectionRole sectionRole) {
    // a label ends in a colon within its first 30 chars: the search stops there (unbounded, a text without colons
    // was read to its end from every line)
    if (indexOf(text, ':', start, Math.min(end, start + 30)) < 0) {
      return sectionRole;
    }
    Matcher m = LABEL.matcher(text.subSequence(start, Math.min(end, start + 30)));
    if (m.find()) {
      SectionRole named = RoleClassifier.classify(m.group(1));
      if (named == SectionRole.QUALIFICATION || named == SectionRole.SCORING) {
        return named;
      }
    }
    return sectionRole;
  }
}
