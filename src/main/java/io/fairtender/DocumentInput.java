package io.fairtender;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document to check: its bytes, its file name and, optionally, the media type it was sent with.
 *
 * @param data the bytes
 * @param name the file name (used in the report and as a format hint); may be null
 * @param mediaType the declared media type; may be null
 */
public record DocumentInput(byte[] data, String name, String mediaType) {

  public static DocumentInput of(Path file) throws IOException {
    return new DocumentInput(Files.readAllBytes(file), file.getFileName().toString(), null);
  }

  /**
   * Reads a stream up to {@code maxBytes}; a longer stream fails with {@link ErrorCode#TOO_LARGE}
   * without reading further.
   */
  public static DocumentInput read(InputStream in, String name, String mediaType, long maxBytes) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw new CheckException(ErrorCode.TOO_LARGE, "the document is larger than the limit of " + maxBytes + " bytes");
      }
      buf.write(chunk, 0, n);
    }
    return new DocumentInput(buf.toByteArray(), name, mediaType);
  }
}
