package io.fairtender.server;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.slf4j.MDC;

/** The caller of a Jersey request: as authentication left it in {@link Caller#PROPERTY}, else the local tenant. */
public final class Callers {
  private Callers() {}

  public static Caller of(ContainerRequestContext request) {
    Object c = request == null ? null : request.getProperty(Caller.PROPERTY);
    return c instanceof Caller caller ? caller : Caller.local(MDC.get(RequestIds.MDC_ID));
  }
}
