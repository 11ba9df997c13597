package io.fairtender;

import io.fairtender.analyse.Analyser;
import io.fairtender.analyse.Category;
import io.fairtender.analyse.Profile;
import io.fairtender.analyse.Regime;
import io.fairtender.analyse.RegimeDetector;
import io.fairtender.analyse.RuleSelection;
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

  private final CheckerConfig config;
  private final Extractor extractor;
  private final Normaliser normaliser = new Normaliser();
  private final Segmenter segmenter = new Segmenter();
  private final Analyser analyser;
  private final RegimeDetector regimeDetector = new RegimeDetector();
  private final Map<String, Profile> profiles = Profile.builtin();

  private Checker(CheckerConfig config, RuleSet rules) {
    this.config = config;
    this.extractor = new Extractor(config.maxPages(), config.maxChars());
    this.analyser = new Analyser(rules);
  }

  /** Loads the built-in rules and any rule folders; a broken rule file fails here, naming the file. */
  public static Checker create(CheckerConfig config) {
    List<Rule> rules = new ArrayList<>(RuleLoader.builtin());
    for (Path dir : config.ruleDirs()) {
      rules.addAll(RuleLoader.fromDirectory(dir));
    }
    return new Checker(config, new RuleSet(applyParams(rules, config.ruleParams())));
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

  /** Checks one document. Throws {@link CheckException} when the document cannot be read at all. */
  public Report check(DocumentInput input, CheckOptions options) {
    if (input.data().length > config.maxBytes()) {
      throw new CheckException(ErrorCode.TOO_LARGE,
          "the document is " + input.data().length + " bytes; the limit is " + config.maxBytes());
    }
    Deadline deadline = Deadline.after(config.timeLimit());
    ExtractedText extracted = extractor.extract(input.data(), input.name(), input.mediaType(), deadline);
    deadline.check();
    NormalisedText normalised = normaliser.normalise(extracted);
    SegmentedText segmented = segmenter.segment(normalised);
    deadline.check();
    RegimeDetector.Result regime = regimeDetector.detect(normalised.text());
    Profile profile = profileFor(options.selection(), regime.regime());
    LocalDate asOf = options.asOf();
    Report.AsOf when = asOf != null ? new Report.AsOf(asOf.toString(), "request")
        : new Report.AsOf(LocalDate.now().toString(), "today");
    LocalDate date = LocalDate.parse(when.date());
    List<Analyser.RuleError> ruleErrors = new ArrayList<>();
    List<Match> matches = analyser.analyse(segmented,
        r -> r.inForceOn(date) && profile.admits(r) && options.selection().admits(r), deadline, ruleErrors);

    ReportBuilder report = new ReportBuilder(extracted, segmented, options.english(), regime.regime(), profile);
    report.addMatches(matches);
    for (String w : extracted.warnings()) {
      int colon = w.indexOf(':');
      int page = Integer.parseInt(w.substring(0, colon));
      String kind = w.substring(colon + 1);
      boolean en = options.english();
      String message = kind.equals("no-text-layer")
          ? (en ? "page has no text layer (scanned image?); it was not checked" : "该页没有文字层（可能为扫描图像），未能检查")
          : (en ? "page text is unreadable (fonts without a text mapping); it was not checked" : "该页文字无法识别（字体缺少文字映射），未能检查");
      report.addError(new ProcessingError("NO_TEXT_LAYER", message, page, null));
    }
    for (Analyser.RuleError e : ruleErrors) {
      report.addError(new ProcessingError("RULE_ERROR", e.message(), null, e.ruleId()));
    }
    DocumentInfo doc = new DocumentInfo(input.name(), sha256(input.data()), extracted.mediaType(),
        input.data().length, extracted.pages().size(), report.codePointLength());
    Report.RegimeInfo regimeInfo = new Report.RegimeInfo(regime.regime().id(), regime.regime().label(options.english()),
        String.join("; ", regime.reasons()), profile.id());
    return report.build(new Report.CheckerInfo(NAME, VERSION, rules().rules().size()), doc, when, regimeInfo,
        options.includeText() ? extracted.text() : null);
  }

  /** The built-in profiles by id. */
  public Map<String, Profile> profiles() {
    return profiles;
  }

  /** The requested profile, or the one that fits the document's regime. */
  private Profile profileFor(RuleSelection selection, Regime regime) {
    validate(selection);
    String id = selection.profile() != null ? selection.profile() : regime == Regime.ENTERPRISE ? "enterprise" : "government";
    return profiles.get(id);
  }

  /** Unknown profile, rule or category names are a bad request, not a silent no-op. */
  private void validate(RuleSelection s) {
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
