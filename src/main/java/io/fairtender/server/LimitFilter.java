package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses bodies over the size limit: by Content-Length up front, and while reading for chunked bodies. */
@Provider
@PreMatching
public final class LimitFilter implements ContainerRequestFilter {
  /** Room for multipart boundaries and headers on top of the document limit. */
  private static final long ENVELOPE = 64 * 1024;
  private final long maxBytes;

  public LimitFilter(long maxBytes) {
    this.maxBytes = maxBytes + ENVELOPE;
  }

  @Override
  public void filter(ContainerRequestContext ctx) {
    int declared = ctx.getLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    ctx.setEntityStream(new Limited(ctx.getEntityStream(), maxBytes));
  }

  private CheckException tooLarge() {
    return new CheckException(ErrorCode.TOO_LARGE, "the request body is larger than the limit of " + (maxBytes - ENVELOPE) + " bytes");
  }

  /** Counts bytes and fails once past the limit. */
  private final class Limited extends FilterInputStream {
    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw tooLarge();
      }
    }
  }
}
