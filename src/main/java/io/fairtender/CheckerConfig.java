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
 * @param timeLimit time allowed per document (zero: none)
 * @param ruleDirs extra folders of rule files, loaded after the built-in catalogue
 * @param ruleParams per-deployment rule settings, {@code RULE-ID.minValue -> value}
 * @param policyParams a YAML file overriding SME-policy parameters (null: built-in table only)
 * @param models whether the trained models must load (REQUIRED), may be missing (OPTIONAL) or are not used (OFF)
 * @param ocr read pages without a text layer with Tesseract when it is installed
 */
public record CheckerConfig(long maxBytes, int maxPages, int maxChars, Duration timeLimit, List<Path> ruleDirs,
    java.util.Map<String, String> ruleParams, Path policyParams, ModelMode models, boolean ocr) {

  /** How the trained models are used. */
  public enum ModelMode { REQUIRED, OPTIONAL, OFF }

  public CheckerConfig(long maxBytes, int maxPages, int maxChars, Duration timeLimit, List<Path> ruleDirs) {
    this(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, java.util.Map.of(), null, ModelMode.REQUIRED, true);
  }

  public CheckerConfig {
    ruleDirs = List.copyOf(ruleDirs);
    ruleParams = java.util.Map.copyOf(ruleParams);
    if (maxBytes <= 0 || maxPages <= 0 || maxChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** 100 MB, 3000 pages, 20 million chars, 120 s per document, built-in rules only. */
  public static CheckerConfig defaults() {
    return new CheckerConfig(100L << 20, 3000, 20_000_000, Duration.ofSeconds(120), List.of());
  }

  public CheckerConfig withMaxBytes(long v) {
    return new CheckerConfig(v, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, ocr);
  }

  public CheckerConfig withTimeLimit(Duration v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, v, ruleDirs, ruleParams, policyParams, models, ocr);
  }

  public CheckerConfig withRuleDirs(List<Path> v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, v, ruleParams, policyParams, models, ocr);
  }

  public CheckerConfig withPolicyParams(Path v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, v, models, ocr);
  }

  public CheckerConfig withModels(ModelMode v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, v, ocr);
  }

  public CheckerConfig withOcr(boolean v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, ruleParams, policyParams, models, v);
  }

  public CheckerConfig withRuleParams(java.util.Map<String, String> v) {
    return new CheckerConfig(maxBytes, maxPages, maxChars, timeLimit, ruleDirs, v, policyParams, models, ocr);
  }
}
