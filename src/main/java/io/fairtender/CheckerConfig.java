package io.fairtender;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link Checker} is set up; fixed for its lifetime.
 *
 * @param maxBytes largest document accepted
 * @param maxPages largest PDF page count accepted
 * @param maxChars largest extracted text accepted
 * @param timeLimit time allowed per document (zero: none); enforced on a worker that is abandoned at the limit
 * @param ruleDirs extra folders of rule files, loaded after the built-in catalogue
 * @param ruleParams per-deployment rule settings, {@code RULE-ID.minValue -> value}
 * @param policyParams a YAML file overriding SME-policy parameters (null: built-in table only)
 * @param models whether the trained models must load (REQUIRED), may be missing (OPTIONAL) or are not used (OFF)
 * @param ocr read pages without a text layer with Tesseract when it is installed
 * @param limits bounds on work per document that keep hostile input from exhausting memory or time
 * @param ocrWorkers pages of one document read by OCR at once (one Tesseract process each); the JVM as a whole runs
 *     at most the cores' number of Tesseract processes (or this many, if more)
 */
public record CheckerConfig(long maxBytes, int maxPages, int maxChars, Duration timeLimit, List<Path> ruleDirs,
    java.util.Map<String, String> ruleParams, Path policyParams, ModelMode models, boolean ocr, Limits limits,
    int ocrWorkers) {

  /** How the trained models are used. */
  public enum ModelMode { REQUIRED, OPTIONAL, OFF }

  /**
   * Bounds on the work done for one document.
   *
   * @param maxOcrPages pages read by OCR per document; further pages without a text layer are reported, not read
   * @param maxPagePixels pixels of one page rendered for OCR (the resolution is lowered to fit) and of one image on it
   *     (a page holding a larger image is skipped with a processing error)
   * @param maxFindings findings per document; the rest are dropped and the truncation reported
   * @param maxFindingsPerRule findings of one rule per document
   * @param maxUnits units (sentences, items, table rows) per document; more is refused as too large
   */
  public record Limits(int maxOcrPages, long maxPagePixels, int maxFindings, int maxFindingsPerRule, int maxUnits) {
    public Limits {
      if (maxOcrPages < 0 || maxPagePixels <= 0 || maxFindings <= 0 || maxFindingsPerRule <= 0 || maxUnits <= 0) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }

    /** 50 OCR pages, 40 million pixels (A3 at 300 dpi), 2,000 findings and 200 per rule, 500,000 units. */
    public static Limits defaults() {
      return new Limits(50, 40_000_000L, 2000, 200, 500_000);
    }

    public Limits withMaxOcrPages(int v) {
      return new Limits(v, maxPagePixels, maxFindings, maxFindingsPerRule, maxUnits);
    }

    public Limits withMaxPagePixels(long v) {
      return new Limits(maxOcrPages, v, maxFindings, maxFindingsPerRule, maxUnits);
    }

    public Limits withMaxFindings(int total, int perRule) {
      return new Limits(maxOcrPages, maxPagePixels, total, perRule, maxUnits);
    }

    public Limits withMaxUnits(int v) {
      return new Limits(maxOcrPages, maxPagePixels, maxFindings, maxFindingsPerRule, v);
    }
  }

  public CheckerConfig(long maxBytes, int maxPages, int maxChars, Duration timeLimit, List<Path> ruleDirs) {
    this(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, java.util.Map.of(), null, ModelMode.REQUIRED, true, Limits.defaults(),
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  public CheckerConfig {
    ruleDirs = List.copyOf(ruleDirs);
    ruleParams = java.util.Map.copyOf(ruleParams);
    if (maxBytes <= 0 || maxPages <= 0 || maxChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    java.util.Objects.requireNonNull(limits, "limits");
    if (ocrWorkers < 1) {
      throw new IllegalArgumentException("OCR workers must be at least 1");
    }
  }

  /**
   * 100 MB, 3000 pages, 5 million chars, 120 s per document, built-in rules only, {@link Limits#defaults()}, as many
   * OCR workers as cores.
   */
  public static CheckerConfig defaults() {
    return new CheckerConfig(100L << 20, 3000, 5_000_000, Duration.ofSeconds(120), List.of());
  }

  public CheckerConfig withMaxBytes(long v) {
    return new CheckerConfig(v, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withMaxChars(int v) {
    return new CheckerConfig(maxBytes, maxPages, v, timeLimit, ruleDirs, ruleParams, policyParams, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withTimeLimit(Duration v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, v, ruleDirs, ruleParams, policyParams, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withRuleDirs(List<Path> v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, v, ruleParams, policyParams, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withPolicyParams(Path v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, v, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withModels(ModelMode v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, v, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withOcr(boolean v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, v, limits, ocrWorkers);
  }

  public CheckerConfig withRuleParams(java.util.Map<String, String> v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, v, policyParams, models, ocr, limits, ocrWorkers);
  }

  public CheckerConfig withOcrWorkers(int v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, ocr, limits, v);
  }

  public CheckerConfig withLimits(Limits v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, ocr, v, ocrWorkers);
  }
}
