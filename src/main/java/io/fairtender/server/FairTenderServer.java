package io.fairtender.server;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.DocumentInput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.media.multipart.MultiPartProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API on Grizzly: a thin client of {@link Checker}. */
public final class FairTenderServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FairTenderServer.class);
  private final HttpServer http;
  private final CheckService service;

  private FairTenderServer(HttpServer http, CheckService service) {
    this.http = http;
    this.service = service;
  }

  /** Loads the checker, starts listening, warms up, then reports ready on /health. */
  public static FairTenderServer start(ServerConfig config) throws IOException {
    Checker checker = Checker.create(config.checker());
    CheckService service = new CheckService(checker, config.maxConcurrent());
    ResourceConfig rc = resourceConfig(service, config.checker().maxBytes());
    URI uri = URI.create("http://" + config.bind() + ":" + config.port() + "/");
    HttpServer http = GrizzlyHttpServerFactory.createHttpServer(uri, rc, false);
    http.start();
    FairTenderServer server = new FairTenderServer(http, service);
    server.warmUp();
    service.markReady();
    LOG.info("FairTender {} listening on http://{}:{}/ with {} rules", Checker.VERSION, config.bind(), server.port(),
        checker.rules().rules().size());
    return server;
  }

  static ResourceConfig resourceConfig(CheckService service, long maxBytes) {
    ResourceConfig rc = new ResourceConfig();
    rc.register(new CheckResource(service));
    rc.register(new RulesResource(service.checker().rules()));
    rc.register(new HealthResource(service));
    rc.register(new OpenApiResource());
    rc.register(new PolicyResource(service.checker()));
    rc.register(new LimitFilter(maxBytes));
    rc.register(new ProblemMappers.CheckExceptionMapper());
    rc.register(new ProblemMappers.AnyMapper());
    rc.register(MultiPartFeature.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    rc.property(MultiPartProperties.BUFFER_THRESHOLD, MultiPartProperties.BUFFER_THRESHOLD_MEMORY_ONLY);
    return rc;
  }

  /** One small check so the first real request does not pay for class loading. */
  private void warmUp() {
    byte[] sample = "一、资格要求\n投标人注册资本不低于100万元。".getBytes(StandardCharsets.UTF_8);
    service.checker().check(new DocumentInput(sample, "warmup.txt", "text/plain"), CheckOptions.defaults());
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
  }
}
