package io.fairtender.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;

/** Gives Jersey the body {@link BodyExchange} already collected in memory instead of the connection's stream. */
@Provider
@PreMatching
final class BodyFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext ctx) {
    if (ctx.getProperty(BodyExchange.BODY) instanceof InputStream body) {
      ctx.setEntityStream(body);
    }
  }
}
