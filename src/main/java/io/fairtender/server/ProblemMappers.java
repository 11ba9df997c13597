package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Maps every failure to {@code application/problem+json} with a code and the request id; details are cleaned of
 * paths and class names, and stack traces only go to the log.
 */
final class ProblemMappers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

  private ProblemMappers() {}

  static Response problem(ErrorCode code, String detail) {
    return response(Problem.of(code, detail, MDC.get(RequestIds.MDC_ID)));
  }

  static Response response(Problem p) {
    Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p.json());
    if (p.status() == ErrorCode.BUSY.httpStatus()) {
      b.header("Retry-After", Replies.RETRY_AFTER);
    }
    return b.build();
  }

  /** Refused documents and requests. */
  static final class CheckExceptionMapper implements ExceptionMapper<CheckException> {
    @Override
    public Response toResponse(CheckException e) {
      return problem(e.code(), e.getMessage());
    }
  }

  /** Everything else: JAX-RS errors keep their status; unexpected ones become 500. */
  static final class AnyMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof CheckException ce) {
          return problem(ce.code(), ce.getMessage());
        }
        if (t.getCause() == t) {
          break;
        }
      }
      if (e instanceof WebApplicationException wae) {
        int status = wae.getResponse().getStatus();
        ErrorCode code = switch (status) {
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 413 -> ErrorCode.TOO_LARGE;
          case 415 -> ErrorCode.UNSUPPORTED_FORMAT;
          case 503 -> ErrorCode.BUSY;
          default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
        };
        if (code == ErrorCode.INTERNAL) {
          LOG.error("request failed", e);
          return problem(code, "unexpected error; see the server log");
        }
        return problem(code, wae.getMessage());
      }
      LOG.error("request failed", e);
      return problem(ErrorCode.INTERNAL, "unexpected error; see the server log");
    }
  }
}
