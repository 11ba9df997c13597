package io.fairtender.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /health}: 200 once the checker is loaded and warmed up, 503 before. */
@Path("/health")
public final class HealthResource {
  private final CheckService service;

  public HealthResource(CheckService service) {
    this.service = service;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    if (!service.ready()) {
      return Response.status(503).entity("{\"status\":\"starting\"}").build();
    }
    return Response.ok("{\"status\":\"ready\",\"rules\":" + service.checker().rules().rules().size() + "}").build();
  }
}
