package io.fairtender.server.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics}: Prometheus text format. The front door asks for an admin key when keys are on. */
@Path("/metrics")
public final class MetricsResource {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final ServerMetrics metrics;

  public MetricsResource(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response scrape() {
    return Response.ok(metrics.scrape(), CONTENT_TYPE).header("Cache-Control", "no-store").build();
  }
}
