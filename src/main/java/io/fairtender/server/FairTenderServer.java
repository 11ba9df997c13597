package io.fairtender.server;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Grizzly: a thin client of {@link Checker}. Grizzly's selector threads run the non-blocking
 * {@link FrontHandler}; Jersey runs on {@link Workers} once a request's body is in memory.
 */
public final class FairTenderServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FairTenderServer.class);
  /** Room for long URLs to reach {@link FrontHandler}, which refuses them with a problem body. */
  private static final int MAX_HEADER_BYTES = 128 * 1024;
  private final HttpServer http;
  private final CheckService service;
  private final Operations ops;
  private final io.fairtender.server.jobs.Jobs jobs;

  private FairTenderServer(HttpServer http, CheckService service, Operations ops, io.fairtender.server.jobs.Jobs jobs) {
    this.http = http;
    this.service = service;
    this.ops = ops;
    this.jobs = jobs;
  }

  /** The asynchronous jobs of this server (for the web page's upload progress and page images). */
  public io.fairtender.server.jobs.Jobs jobs() {
    return jobs;
  }

  /** Loads the checker, starts listening, warms up, then reports ready on /health. */
  public static FairTenderServer start(ServerConfig config) throws IOException {
    return start(config, OpsConfig.of(config), defaultJobs(config));
  }

  /** With a database (keys, audit log), key requirement, retention and CORS; jobs as by default. */
  public static FairTenderServer start(ServerConfig config, OpsConfig opsConfig) throws IOException {
    return start(config, opsConfig, defaultJobs(config));
  }

  /** With asynchronous jobs run and kept as {@code jobSettings} say; operations as by default. */
  public static FairTenderServer start(ServerConfig config, io.fairtender.server.jobs.JobSettings jobSettings)
      throws IOException {
    return start(config, OpsConfig.of(config), jobSettings);
  }

  /** Jobs as many at once as checks, kept in the data folder when there is one, callbacks refused (no secret). */
  private static io.fairtender.server.jobs.JobSettings defaultJobs(ServerConfig config) {
    return io.fairtender.server.jobs.JobSettings.defaults(config.maxConcurrent()).withDataDir(config.dataDir())
        .withWebhooks(null, java.util.List.of(), config.loopback());
  }

  /**
   * As {@link #start(ServerConfig)}, with a database (keys, audit log), key requirement, retention and CORS, and
   * asynchronous jobs run and kept as {@code jobSettings} say.
   */
  public static FairTenderServer start(ServerConfig config, OpsConfig opsConfig,
      io.fairtender.server.jobs.JobSettings jobSettings) throws IOException {
    Checker checker = Checker.create(config.checker());
    Workers workers = new Workers(config.maxConcurrent());
    Operations ops;
    try {
      ops = Operations.start(opsConfig);
    } catch (RuntimeException e) {
      workers.close();
      throw e;
    }
    CheckService service = new CheckService(checker, workers.render());
    ops.observe(service);
    io.fairtender.server.jobs.Jobs jobs = new io.fairtender.server.jobs.Jobs(service, jobSettings);
    ResourceConfig rc = resourceConfig(service, jobs, ops);
    // the officers' workbench (HTML pages and page images), not part of the API description
    rc.register(new io.fairtender.server.web.WebResource(jobs, checker.rules()));
    GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, rc);
    HttpServer http = new HttpServer();
    NetworkListener listener = new NetworkListener("fairtender", config.bind(), config.port());
    listener.setMaxHttpHeaderSize(MAX_HEADER_BYTES);
    http.addListener(listener);
    http.getServerConfiguration().addHttpHandler(new FrontHandler(jersey, service, config, workers, ops), "/");
    http.getServerConfiguration().setName("FairTender");
    try {
      http.start();
    } catch (IOException e) {
      workers.close();
      jobs.close();
      ops.close();
      throw e;
    }
    FairTenderServer server = new FairTenderServer(http, service, ops, jobs);
    if (!config.loopback() && !ops.gate().keysOn()) {
      LOG.warn("listening on {} beyond loopback without API keys: anyone who reaches the port may use it"
          + " (create a key with 'fairtender keys create', or use --require-keys)", config.bind());
    }
    server.warmUp();
    service.markReady();
    LOG.info("FairTender {} listening on http://{}:{}/ with {} rules", Checker.VERSION, config.bind(), server.port(),
        checker.rules().rules().size());
    return server;
  }

  /**
   * Every resource the running server registers: {@link #resourceConfig(CheckService, io.fairtender.server.jobs.Jobs)}
   * plus what {@code ops} adds ({@code /metrics}, and {@code /v1/audit} with a database). The OpenAPI drift test walks
   * this same configuration.
   */
  static ResourceConfig resourceConfig(CheckService service, io.fairtender.server.jobs.Jobs jobs, Operations ops) {
    ResourceConfig rc = resourceConfig(service, jobs);
    ops.register(rc);
    return rc;
  }

  static ResourceConfig resourceConfig(CheckService service, io.fairtender.server.jobs.Jobs jobs) {
    ResourceConfig rc = new ResourceConfig();
    rc.register(new CheckResource(service));
    rc.register(new JobsResource(service, jobs));
    rc.register(new RulesResource(service.checker().rules()));
    rc.register(new OpenApiResource());
    rc.register(new DocsResource());
    rc.register(new PolicyResource(service.checker()));
    rc.register(new BodyFilter());
    rc.register(new ProblemMappers.CheckExceptionMapper());
    rc.register(new ProblemMappers.AnyMapper());
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return rc;
  }

  /**
   * One small check so the first real request does not pay for class loading. Best effort: on a busy machine it may
   * exceed a short per-document time limit, which is no reason not to serve.
   */
  private void warmUp() {
    byte[] sample = "一、资格要求\n投标人注册资本不低于100万元。".getBytes(StandardCharsets.UTF_8);
    try {
      service.checker().check(new DocumentInput(sample, "warmup.txt", "text/plain"), CheckOptions.defaults());
    } catch (io.fairtender.CheckException e) {
      // a cold JVM on a busy machine can take longer than a short --time-limit; the classes are loaded all the same
      LOG.info("warm-up check did not finish: {} ({})", e.code(), e.getMessage());
    }
  }

  /** The checker this server runs. */
  public io.fairtender.Checker service() {
    return service.checker();
  }

  public int port() {
    return http.getListeners().iterator().next().getPort();
  }

  @Override
  public void close() {
    http.shutdownNow();
    jobs.close();
    ops.close(); // after the listener and the jobs: checks still finishing are audited too
  }
}
