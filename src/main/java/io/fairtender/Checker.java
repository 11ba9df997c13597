package io.fairtender;

import io.fairtender.i18n.Messages;
import io.fairtender.i18n.Phrase;
import io.fairtender.analyse.Analyser;
import io.fairtender.analyse.Category;
import io.fairtender.analyse.Profile;
import io.fairtender.analyse.Regime;
import io.fairtender.analyse.RegimeDetector;
import io.fairtender.analyse.RuleSelection;
import io.fairtender.analyse.policy.FactExtractor;
import io.fairtender.analyse.policy.Facts;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.analyse.policy.PolicyEvaluator;
import io.fairtender.analyse.policy.PolicyParams;
import io.fairtender.analyse.policy.PolicyResult;
import io.fairtender.analyse.Match;
import io.fairtender.analyse.Rule;
import io.fairtender.analyse.RuleLoader;
import io.fairtender.analyse.RuleSet;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.Extractor;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.normalise.Normaliser;
import io.fairtender.report.DocumentInfo;
import io.fairtender.report.ProcessingError;
import io.fairtender.report.Report;
import io.fairtender.report.ReportBuilder;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Segmenter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The embeddable engine: extract → normalise → segment → analyse → report. Create once, share between threads.
 *
 * <pre>{@code
 * Checker checker = Checker.create(CheckerConfig.defaults());
 * Report report = checker.check(DocumentInput.of(path), CheckOptions.defaults());
 * }</pre>
 */
public final class Checker {
  public static final String NAME = "FairTender";
  public static final String VERSION = version();

  private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
  private final CheckerConfig config;
  private final Extractor extractor;
  private final Normaliser normaliser = new Normaliser();
  private final Segmenter segmenter;
  private final io.fairtender.analyse.model.Models models;
  private final Analyser analyser;
  private final RegimeDetector regimeDetector = new RegimeDetector();
  private final Map<String, Profile> profiles = Profile.builtin();
  private final PolicyParams policyParams;
  private final PolicyEvaluator policyEvaluator;

  private Checker(CheckerConfig config, RuleSet rules) {
    this(config, rules, config.ocr() ? io.fairtender.extract.Ocr.of(config.limits().maxPagePixels(), config.ocrWorkers()) : null);
  }

  private Checker(CheckerConfig config, RuleSet rules, io.fairtender.extract.Ocr ocr) {
    this.config = config;
    this.extractor = new Extractor(config.maxPages(), config.maxChars(), ocr, config.limits().maxOcrPages(),
        config.limits().maxUnits());
    this.analyser = new Analyser(rules);
    this.models = loadModels(config.models());
    this.segmenter = new Segmenter(models);
    this.policyParams = PolicyParams.load(config.policyParams());
    this.policyEvaluator = new PolicyEvaluator(policyParams);
  }

  /** Loads the built-in rules and any rule folders; a broken rule file fails here, naming the file. */
  public static Checker create(CheckerConfig config) {
    if (SWEPT.compareAndSet(false, true)) {
      TempFiles.sweepStale(); // folders left by a process that was killed
    }
    List<Rule> rules = new ArrayList<>(RuleLoader.builtin());
    for (Path dir : config.ruleDirs()) {
      rules.addAll(RuleLoader.fromDirectory(dir));
    }
    return new Checker(config, new RuleSet(applyParams(rules, config.ruleParams())));
  }

  /** A checker reading scans with {@code ocr} (tests: a fake, slow OCR). */
  static Checker withOcr(CheckerConfig config, io.fairtender.extract.Ocr ocr) {
    return new Checker(config, new RuleSet(RuleLoader.builtin()), ocr);
  }

  private static io.fairtender.analyse.model.Models loadModels(CheckerConfig.ModelMode mode) {
    if (mode == CheckerConfig.ModelMode.OFF) {
      return null;
    }
    try {
      return io.fairtender.analyse.model.Models.load();
    } catch (IllegalStateException e) {
      if (mode == CheckerConfig.ModelMode.REQUIRED) {
        throw e;
      }
      org.slf4j.LoggerFactory.getLogger(Checker.class).warn("running without models: {}", e.getMessage());
      return null;
    }
  }

  /** True when the trained models are loaded. */
  public boolean modelsLoaded() {
    return models != null;
  }

  /** Applies {@code RULE-ID.minValue=N} settings; an unknown rule or setting fails start-up. */
  private static List<Rule> applyParams(List<Rule> rules, Map<String, String> params) {
    List<Rule> out = new ArrayList<>(rules);
    for (Map.Entry<String, String> p : params.entrySet()) {
      int dot = p.getKey().lastIndexOf('.');
      String id = dot < 0 ? p.getKey() : p.getKey().substring(0, dot);
      String name = dot < 0 ? "" : p.getKey().substring(dot + 1);
      int i = 0;
      while (i < out.size() && !out.get(i).id().equals(id)) {
        i++;
      }
      if (i == out.size() || !name.equals("minValue")) {
        throw new IllegalArgumentException("unknown rule setting '" + p.getKey() + "' (supported: RULE-ID.minValue)");
      }
      try {
        out.set(i, out.get(i).withMinValue(Double.parseDouble(p.getValue())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("rule setting " + p.getKey() + " needs a number, not '" + p.getValue() + "'");
      }
    }
    return out;
  }

  public CheckerConfig config() {
    return config;
  }

  public RuleSet rules() {
    return analyser.rules();
  }

  /**
   * Checks one document. Throws {@link CheckException} when the document cannot be read at all, or with
   * {@link ErrorCode#TIME_LIMIT} at the time limit: the work runs on a worker that is interrupted and abandoned then.
   */
  public Report check(DocumentInput input, CheckOptions options) {
    return check(input, options, Progress.NONE);
  }

  /**
   * As above, telling {@code progress} how far the check has got. When the time limit is reached while the pages of a
   * PDF are read (text or OCR), the report keeps the pages already read and lists the rest as not checked.
   */
  public Report check(DocumentInput input, CheckOptions options, Progress progress) {
    validate(options.selection()); // a bad request is refused before any extraction or OCR
    if (input.data().length > config.maxBytes()) {
      throw new CheckException(ErrorCode.TOO_LARGE,
          "the document is " + input.data().length + " bytes; the limit is " + config.maxBytes());
    }
    Deadline deadline = Deadline.after(config.timeLimit());
    return TimeBoundRunner.run(() -> run(input, options, deadline, progress), config.timeLimit());
  }

  /**
   * The units of a document as the clause classifier rates them (for training and evaluation tools): extracted,
   * normalised and segmented exactly as {@link #check} does, within the same limits.
   */
  public List<io.fairtender.segment.Clause> clauses(DocumentInput input) {
    Deadline deadline = Deadline.after(config.timeLimit());
    return TimeBoundRunner.run(() -> {
      ExtractedText extracted = extractor.extract(input.data(), input.name(), input.mediaType(), deadline);
      NormalisedText nt = normaliser.normalise(extracted, deadline);
      SegmentedText seg = segmenter.segment(nt, deadline, config.limits().maxUnits());
      List<io.fairtender.segment.Clause> out = new ArrayList<>(seg.units().size());
      for (io.fairtender.segment.Unit u : seg.units()) {
        out.add(new io.fairtender.segment.Clause(nt.sourceStart(u.start()), nt.sourceEnd(u.end()),
            nt.text().substring(u.start(), u.end()), u.role(), u.block()));
      }
      return out;
    }, config.timeLimit());
  }

  /** Uploads from this size on are hashed beside extraction rather than after it (below, the hand-off costs more). */
  private static final int ASYNC_DIGEST_BYTES = 256 * 1024;

  private Report run(DocumentInput input, CheckOptions options, Deadline deadline, Progress progress) {
    // the digest (the document's id in the report) of a large upload is computed on another core during extraction
    java.util.concurrent.CompletableFuture<String> digest = input.data().length >= ASYNC_DIGEST_BYTES
        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> sha256(input.data())) : null;
    progress.update(Progress.Stage.EXTRACT, 0, 0, 0);
    ExtractedText extracted = extractor.extract(input.data(), input.name(), input.mediaType(), deadline, progress);
    int ocrPages = (int) extracted.pages().stream().filter(io.fairtender.extract.Page::ocr).count();
    int pages = extracted.pages().size();
    int pagesRead = pages - unreadPages(extracted);
    progress.update(Progress.Stage.ANALYSE, pagesRead, pages, ocrPages);
    deadline.check();
    NormalisedText normalised = normaliser.normalise(extracted, deadline);
    deadline.check();
    SegmentedText segmented = segmenter.segment(normalised, deadline, config.limits().maxUnits());
    deadline.check();
    RegimeDetector.Result regime = regimeDetector.detect(normalised.text());
    Profile profile = profileFor(options.selection(), regime.regime());
    ReportBuilder report = new ReportBuilder(extracted, segmented, options.english(), regime.regime(), profile);
    Facts facts = new FactExtractor(report::evidence).extract(segmented);
    Report.AsOf when = asOf(options.asOf(), facts);
    LocalDate date = LocalDate.parse(when.date());
    List<Analyser.RuleError> ruleErrors = new ArrayList<>();
    List<Match> matches = analyser.analyse(segmented,
        r -> r.inForceOn(date) && profile.admits(r) && options.selection().admits(r), deadline, ruleErrors);
    FindingLimit limit = new FindingLimit(config.limits().maxFindings(), config.limits().maxFindingsPerRule());
    List<Match> kept = limit.matches(matches);
    report.addMatches(kept);
    if (models != null && options.modelFindings()) {
      report.addModelFindings(models, matches, profile, options.selection());
    }
    String province = facts.province().known() && policyParams.provinces().contains(facts.province().value())
        ? facts.province().value() : null;
    PolicyResult policy = policyFor(facts, date, when.source(), province, regime.regime(), fullDocument(segmented),
        options.english());
    report.addPolicy(policy, profile, options.selection());
    for (io.fairtender.extract.ExtractionWarning w : extracted.warnings()) {
      report.addError(warning(w, options.english()));
    }
    for (Analyser.RuleError e : ruleErrors) {
      org.slf4j.LoggerFactory.getLogger(Checker.class).warn("rule {} failed at {}: {}", e.ruleId(), e.position(), e.message());
      report.addError(new ProcessingError("RULE_ERROR", options.english() ? "the rule failed on this document and was skipped"
          : "该规则处理本文件时出错，已跳过", null, e.ruleId()));
    }
    DocumentInfo doc = new DocumentInfo(input.name(), digest == null ? sha256(input.data()) : digest.join(), extracted.mediaType(),
        input.data().length, extracted.pages().size(), report.codePointLength(),
        extracted.pages().stream().filter(io.fairtender.extract.Page::ocr).map(io.fairtender.extract.Page::number).toList());
    progress.update(Progress.Stage.REPORT, pagesRead, pages, ocrPages);
    Report.RegimeInfo regimeInfo = new Report.RegimeInfo(regime.regime().id(), regime.regime().label(options.english()),
        String.join("; ", regime.reasons()), profile.id());
    deadline.check();
    Report built = report.build(new Report.CheckerInfo(NAME, VERSION, rules().rules().size()), doc, when, regimeInfo, facts, policy,
        options.includeText() ? extracted.text() : null);
    return limit.report(built, matches.size() - kept.size(), options.english());
  }

  /** Pages left unread because the time limit came first (each warning covers a range: detail "first-last"). */
  private static int unreadPages(ExtractedText t) {
    int n = 0;
    for (io.fairtender.extract.ExtractionWarning w : t.warnings()) {
      if (w.code().equals("TIME_LIMIT") && w.page() != null) {
        String[] range = w.detail().split("-");
        n += Integer.parseInt(range[range.length - 1]) - w.page() + 1;
      }
    }
    return n;
  }

  /** A part the extractor could not read, worded for the reader. */
  private static ProcessingError warning(io.fairtender.extract.ExtractionWarning w, boolean en) {
    String where = w.entry() == null ? "" : (en ? w.entry() + ": " : w.entry() + "：");
    String message = switch (w.code()) {
      case "NO_TEXT_LAYER" -> en ? "page has no text layer (scanned image?); it was not checked" : "该页没有文字层（可能为扫描图像），未能检查";
      case "UNMAPPED_FONT" -> en ? "page text is unreadable (fonts without a text mapping); it was not checked" : "该页文字无法识别（字体缺少文字映射），未能检查";
      case "OCR_EMPTY" -> en ? "OCR found no text on this page" : "该页经文字识别（OCR）后仍无可读文字";
      case "PAGE_TOO_LARGE" -> en ? "page holds an image too large to read by OCR; it was not checked"
          : "该页图像过大，未进行文字识别（OCR），未能检查";
      case "TIME_LIMIT" -> en ? "the time limit was reached: pages " + w.detail().replace("-", "–") + " were not read and not checked"
          : "已到处理时限：第" + w.detail().replace("-", "–") + "页未读取，未能检查";
      case "OCR_LIMIT" -> en ? w.detail() : "无文字层的页面超过文字识别（OCR）页数上限，自该页起其余页面未识别、未能检查";
      default -> (en ? "package entry skipped: " : "压缩包内文件未检查：") + w.detail();
    };
    return new ProcessingError(w.code().equals("UNMAPPED_FONT") ? "NO_TEXT_LAYER" : w.code(), where + message, w.page(), null);
  }

  /** The request's date, else the document's own date, else today. */
  private static Report.AsOf asOf(LocalDate requested, Facts facts) {
    if (requested != null) {
      return new Report.AsOf(requested.toString(), "request");
    }
    if (facts.documentDate().known()) {
      return new Report.AsOf(facts.documentDate().value(), "document");
    }
    return new Report.AsOf(LocalDate.now().toString(), "today");
  }

  /** SME-policy verdicts; an enterprise's own procurement is not bound by 46号 or the bond rules of 政府采购法. */
  private PolicyResult policyFor(Facts facts, LocalDate date, String source, String province, Regime regime, boolean full,
      boolean en) {
    PolicyResult r = policyEvaluator.evaluate(facts, date, source, province, en);
    List<PolicyCheck> checks = new ArrayList<>();
    for (PolicyCheck c : r.checks()) {
      // 保障中小企业款项支付条例 binds large enterprises too; PAY-CONTENT (87号令) and the rest bind government procurement only
      if (regime == Regime.ENTERPRISE && (!c.ruleId().startsWith("PAY-") || c.ruleId().equals("PAY-CONTENT"))) {
        Phrase note = Phrase.of("policy.note.enterprise");
        checks.add(new PolicyCheck(c.ruleId(), PolicyCheck.NA, null, c.found(), c.evidence(), Messages.of(en).render(note),
            c.legalBasis(), null, c.foundPhrase(), List.of(note)));
      } else if (c.status().equals(PolicyCheck.FAIL) && regime == Regime.UNKNOWN) {
        checks.add(review(c, Phrase.of("policy.note.notGovernment"), en));
      } else if (c.status().equals(PolicyCheck.FAIL) && !full && ABSENCE_CHECKS.contains(c.ruleId())) {
        checks.add(review(c, Phrase.of("policy.note.excerpt"), en));
      } else {
        checks.add(c);
      }
    }
    return new PolicyResult(r.regime(), checks);
  }

  /** Checks that fail because something is missing, which an announcement or excerpt need not contain. */
  private static final java.util.Set<String> ABSENCE_CHECKS = java.util.Set.of("SME-DOC-CONTENT", "SME-SUBCONTRACT-DOWN",
      "PAY-CONTENT", "SME-PD-REQUIRED", "SME-RSV-BUDGETLEVEL");

  private static PolicyCheck review(PolicyCheck c, Phrase why, boolean en) {
    Messages m = Messages.of(en);
    List<Phrase> notes = new ArrayList<>(c.notes());
    notes.add(why);
    return new PolicyCheck(c.ruleId(), PolicyCheck.REVIEW, c.expected(), c.found(), c.evidence(),
        c.message() + m.get("policy.note.open") + m.render(why) + m.get("policy.note.close"), c.legalBasis(), c.expectedPhrase(),
        c.foundPhrase(), notes);
  }

  /** A complete 采购文件 (with contract terms), as opposed to an announcement or an excerpt. */
  private static boolean fullDocument(SegmentedText s) {
    boolean contract = s.sections().stream().anyMatch(x -> x.role() == io.fairtender.segment.SectionRole.CONTRACT);
    return contract && s.text().length() > 8000;
  }

  /** Evaluates facts supplied by a caller (a portal that already holds structured data). */
  public PolicyResult evaluatePolicy(Facts facts, LocalDate asOf, String province, boolean english) {
    String p = province != null ? province : facts.province() != null && facts.province().known() ? facts.province().value() : null;
    Report.AsOf when = asOf(asOf, facts);
    return policyEvaluator.evaluate(facts, LocalDate.parse(when.date()), when.source(),
        p != null && policyParams.provinces().contains(p) ? p : null, english);
  }

  /** The built-in profiles by id. */
  public Map<String, Profile> profiles() {
    return profiles;
  }

  /** The requested profile, or the one that fits the document's regime. */
  private Profile profileFor(RuleSelection selection, Regime regime) {
    String id = selection.profile() != null ? selection.profile() : regime == Regime.ENTERPRISE ? "enterprise" : "government";
    return profiles.get(id);
  }

  /** Unknown profile, rule or category names are a bad request (CheckException BAD_REQUEST), not a silent no-op. */
  public void validate(RuleSelection s) {
    if (s.profile() != null && !profiles.containsKey(s.profile())) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "unknown profile '" + s.profile() + "'; known: " + profiles.keySet());
    }
    for (String id : concat(s.onlyRules(), s.disableRules())) {
      if (rules().get(id).isEmpty()) {
        throw new CheckException(ErrorCode.BAD_REQUEST, "unknown rule id '" + id + "'");
      }
    }
    for (String c : concat(s.onlyCategories(), s.disableCategories())) {
      try {
        Category.fromId(c);
      } catch (IllegalArgumentException e) {
        throw new CheckException(ErrorCode.BAD_REQUEST, "unknown category '" + c + "'");
      }
    }
  }

  private static List<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String version() {
    String v = Checker.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
