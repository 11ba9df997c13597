package io.fairtender.server.web;

import io.fairtender.server.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.slf4j.MDC;

/** The caller authentication left on a request (the same rule as the jobs API's), for finding the caller's jobs. */
final class WebCallers {
  private WebCallers() {}

  static Caller of(ContainerRequestContext request) {
    Object c = request == null ? null : request.getProperty(Caller.PROPERTY);
    // "requestId" is RequestIds.MDC_ID (package-private in the server package)
    return c instanceof Caller caller ? caller : Caller.local(MDC.get("requestId"));
  }
}
