package io.fairtender.cli;

import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.analyse.RuleFileException;
import io.fairtender.analyse.policy.PolicyParams;
import java.util.Locale;

/** Builds the engine from command-line settings; anything wrong with them becomes a {@link ConfigurationError}. */
final class Configuration {
  private Configuration() {}

  static CheckerConfig.ModelMode models(String value) {
    try {
      return CheckerConfig.ModelMode.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("--models: must be required, optional or off, not '" + value + "'", e);
    }
  }

  /** {@code --ocr-workers}: at least 1; absent, the number of cores. */
  static int ocrWorkers(Integer value) {
    if (value == null) {
      return io.fairtender.extract.Ocr.cores();
    }
    if (value < 1) {
      throw new ConfigurationError("--ocr-workers: must be at least 1, not " + value, null);
    }
    return value;
  }

  /** The checker, or a one-line error naming the setting that stops it from loading. */
  static Checker checker(CheckerConfig config) {
    if (config.policyParams() != null) {
      try {
        PolicyParams.load(config.policyParams());
      } catch (RuntimeException e) {
        throw ConfigurationError.of("--policy-params " + config.policyParams(), e);
      }
    }
    try {
      return Checker.create(config);
    } catch (RuleFileException e) {
      throw ConfigurationError.of("--rules-dir", e);
    } catch (IllegalArgumentException e) {
      throw ConfigurationError.of("--rule-param", e); // the only settings Checker.create parses
    } catch (IllegalStateException e) {
      throw ConfigurationError.of("--models", e);
    }
  }
}
