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

  @Override
  public Integer call() throws Exception {
    CheckerConfig cc = CheckerConfig.defaults().withMaxBytes(maxBytes)
        .withTimeLimit(Duration.ofSeconds(timeLimitSeconds)).withRuleDirs(ruleDirs).withRuleParams(ruleParams)
        .withModels(io.fairtender.CheckerConfig.ModelMode.valueOf(models.toUpperCase(java.util.Locale.ROOT)));
    FairTenderServer server = FairTenderServer.start(new ServerConfig(bind, port, maxConcurrent, cc));
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
