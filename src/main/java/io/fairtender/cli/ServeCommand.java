package io.fairtender.cli;

import io.fairtender.CheckerConfig;
import io.fairtender.server.FairTenderServer;
import io.fairtender.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fairtender serve}: runs the HTTP API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "启动HTTP服务 / Run the HTTP API.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE} (loopback only).")
  String bind;

  @Option(names = "--max-bytes", defaultValue = "104857600", description = "Largest document accepted, in bytes. Default: ${DEFAULT-VALUE}.")
  long maxBytes;

  @Option(names = "--max-concurrent", defaultValue = "2", description = "Documents checked at once; more get 503. Default: ${DEFAULT-VALUE}.")
  int maxConcurrent;

  @Option(names = "--time-limit", defaultValue = "120", description = "Seconds allowed per document. Default: ${DEFAULT-VALUE}.")
  int timeLimitSeconds;

  @Option(names = "--rules-dir", paramLabel = "DIR", description = "Extra folder of rule files (repeatable).")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--models", defaultValue = "required", description = "required, optional or off. Default: ${DEFAULT-VALUE}.")
  String models;

  @Option(names = "--rule-param", paramLabel = "RULE.minValue=N", description = "Rule setting (repeatable).")
  java.util.Map<String, String> ruleParams = new java.util.LinkedHashMap<>();

  @Option(names = "--ocr-workers", paramLabel = "N", description = "Pages of one document read by OCR at once, one Tesseract process each (default: the number of cores; the process never runs more Tesseracts than the cores or N).")
  Integer ocrWorkers;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ConfigurationError("--port: must be between 0 and 65535, not " + port, null);
    }
    if (maxConcurrent < 1 || maxBytes < 1 || timeLimitSeconds < 0) {
      throw new ConfigurationError("--max-concurrent and --max-bytes must be positive, --time-limit zero or more", null);
    }
    CheckerConfig cc = CheckerConfig.defaults().withMaxBytes(maxBytes)
        .withTimeLimit(Duration.ofSeconds(timeLimitSeconds)).withRuleDirs(ruleDirs).withRuleParams(ruleParams)
        .withModels(Configuration.models(models)).withOcrWorkers(Configuration.ocrWorkers(ocrWorkers));
    Configuration.checker(cc); // rule folders, settings and models fail here, with one line, before anything listens
    FairTenderServer server;
    try {
      server = FairTenderServer.start(new ServerConfig(bind, port, maxConcurrent, cc));
    } catch (java.io.IOException | RuntimeException e) {
      throw ConfigurationError.of("cannot listen on " + bind + ":" + port, e);
    }
    System.err.println("FairTender listening on http://" + bind + ":" + server.port() + "/ (Ctrl-C to stop)");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return Main.EXIT_CLEAN;
  }
}
