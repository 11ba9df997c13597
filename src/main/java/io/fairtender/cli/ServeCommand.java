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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
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

  @Option(names = "--max-queue", defaultValue = "4", description = "Check requests that may wait for a free slot (their body is not read meanwhile); more get 503 at once. Default: ${DEFAULT-VALUE}.")
  int maxQueue;

  @Option(names = "--queue-wait", defaultValue = "15", description = "Seconds a queued request waits before 503. Default: ${DEFAULT-VALUE}.")
  int queueWaitSeconds;

  @Option(names = "--body-timeout", defaultValue = "60", description = "Seconds a request body may take to arrive (408 after). Default: ${DEFAULT-VALUE}.")
  int bodyTimeoutSeconds;

  @Option(names = "--idle-timeout", defaultValue = "10", description = "Seconds a request body may stall (408 after). Default: ${DEFAULT-VALUE}.")
  int idleTimeoutSeconds;

  @Option(names = "--allowed-hosts", split = ",", paramLabel = "HOST", description = "Host header names accepted besides localhost, 127.0.0.1 and [::1] (* = any).")
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--rules-dir", paramLabel = "DIR", description = "Extra folder of rule files (repeatable).")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(names = "--models", defaultValue = "required", description = "required, optional or off. Default: ${DEFAULT-VALUE}.")
  String models;

  @Option(names = "--rule-param", paramLabel = "RULE.minValue=N", description = "Rule setting (repeatable).")
  java.util.Map<String, String> ruleParams = new java.util.LinkedHashMap<>();

  @Option(names = "--ocr-workers", paramLabel = "N", description = "Pages of one document read by OCR at once, one Tesseract process each (default: the number of cores; the process never runs more Tesseracts than the cores or N).")
  Integer ocrWorkers;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder for the server's state between runs (audit database, job records). Default: $FAIRTENDER_DATA_DIR, else ~/.local/share/fairtender.")
  Path dataDir;

  @Option(names = "--job-ttl", defaultValue = "3600", paramLabel = "SECONDS", description = "Seconds a finished job (report and document) is kept. Default: ${DEFAULT-VALUE}.")
  long jobTtlSeconds;

  @Option(names = "--job-queue", defaultValue = "16", paramLabel = "N", description = "Jobs that may wait for a worker; more get 503. Default: ${DEFAULT-VALUE}.")
  int jobQueue;

  @Option(names = "--job-storage", defaultValue = "536870912", paramLabel = "BYTES", description = "Document bytes all kept jobs may hold; more get 503. Default: ${DEFAULT-VALUE}.")
  long jobStorage;

  @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "HMAC-SHA256 key for job callbacks (else env FAIRTENDER_WEBHOOK_SECRET); without one, callbacks are refused.")
  String webhookSecret;

  @Option(names = "--callback-hosts", split = ",", paramLabel = "HOST", description = "Hosts job callbacks may go to (default: any; loopback only when listed or when bound to loopback).")
  List<String> callbackHosts = new ArrayList<>();

  @picocli.CommandLine.Mixin
  DatabaseOptions db;

  @Option(names = "--require-keys", description = "Ask /v1/* requests for an API key even before one exists (keys are on anyway once 'fairtender keys create' made one).")
  boolean requireKeys;

  @Option(names = "--audit-days", defaultValue = "90", paramLabel = "DAYS", description = "Days audit rows are kept. Default: ${DEFAULT-VALUE}.")
  int auditDays;

  @Option(names = "--cors-origins", split = ",", paramLabel = "ORIGIN", description = "Browser origins allowed to call the API, e.g. https://portal.example.cn (* = any). Default: none (CORS off).")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (one JSON object per line, with requestId). Default: ${DEFAULT-VALUE}.")
  String logFormat;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ServerConfig config = config();
    io.fairtender.server.jobs.JobSettings jobs = jobSettings(config);
    io.fairtender.server.OpsConfig ops = opsConfig(config);
    FairTenderServer server;
    try {
      server = FairTenderServer.start(config, ops, jobs);
    } catch (io.fairtender.server.db.DatabaseException e) {
      throw new ConfigurationError(ops.db().postgres() ? "--db-url: " + e.getMessage() : "--data-dir: " + e.getMessage(), e);
    } catch (io.fairtender.analyse.RuleFileException e) {
      throw ConfigurationError.of("--rules-dir", e);
    } catch (IllegalArgumentException e) {
      throw ConfigurationError.of("--rule-param", e); // the only settings the engine parses at start-up
    } catch (IllegalStateException e) {
      throw ConfigurationError.of("--models", e);
    } catch (RuntimeException | java.io.IOException e) {
      throw ConfigurationError.of("--port " + port + ": cannot listen on " + bind + ":" + port, e);
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

  /** How jobs run: as many at once as checks, kept --job-ttl, callbacks signed with the webhook secret. */
  private io.fairtender.server.jobs.JobSettings jobSettings(ServerConfig config) {
    String secret = webhookSecret != null ? webhookSecret : System.getenv("FAIRTENDER_WEBHOOK_SECRET");
    try {
      return io.fairtender.server.jobs.JobSettings.defaults(config.maxConcurrent()).withQueue(jobQueue)
          .withTtl(Duration.ofSeconds(jobTtlSeconds)).withMaxStoredBytes(jobStorage).withDataDir(config.dataDir())
          .withWebhooks(secret, callbackHosts, config.loopback());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("--job-ttl, --job-queue, --job-storage: " + e.getMessage(), null);
    }
  }

  private io.fairtender.server.OpsConfig opsConfig(ServerConfig config) {
    try {
      return new io.fairtender.server.OpsConfig(db.settings(config.dataDir()), requireKeys, auditDays, corsOrigins);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), null);
    }
  }

  /** The configuration from the options; a bad value is a usage error (exit 2), not a stack trace. */
  private ServerConfig config() {
    if (!java.util.Set.of("text", "json").contains(logFormat)) {
      throw new ConfigurationError("--log-format: must be text or json, not '" + logFormat + "'", null);
    }
    if (logFormat.equals("json")) {
      Logging.json();
    }
    if (port < 0 || port > 65535) {
      throw new ConfigurationError("--port: must be between 0 and 65535, not " + port, null);
    }
    if (maxBytes <= 0 || timeLimitSeconds <= 0 || queueWaitSeconds <= 0) {
      throw new ConfigurationError("--max-bytes, --time-limit, --queue-wait: must be positive", null);
    }
    CheckerConfig.ModelMode mode;
    try {
      mode = CheckerConfig.ModelMode.valueOf(models.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("--models: must be required, optional or off, not '" + models + "'", null);
    }
    CheckerConfig cc = CheckerConfig.defaults().withMaxBytes(maxBytes)
        .withTimeLimit(Duration.ofSeconds(timeLimitSeconds)).withRuleDirs(ruleDirs).withRuleParams(ruleParams)
        .withModels(mode).withOcrWorkers(Configuration.ocrWorkers(ocrWorkers));
    try {
      return new ServerConfig(bind, port, maxConcurrent, cc).withQueue(maxQueue, Duration.ofSeconds(queueWaitSeconds))
          .withBodyTimeouts(Duration.ofSeconds(bodyTimeoutSeconds), Duration.ofSeconds(idleTimeoutSeconds))
          .withAllowedHosts(allowedHosts).withDataDir(dataDir != null ? dataDir : DatabaseOptions.defaultDataDir());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), null);
    }
  }
}
