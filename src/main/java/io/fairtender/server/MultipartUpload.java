package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.jvnet.mimepull.MIMEConfig;
import org.jvnet.mimepull.MIMEMessage;
import org.jvnet.mimepull.MIMEParsingException;
import org.jvnet.mimepull.MIMEPart;

/**
 * Reads the {@code file} part of a {@code multipart/form-data} body with mimepull in memory-only mode: unlike
 * Jersey's multipart reader (whose "memory only" setting leaves mimepull's 1 MB spool threshold in place), no part
 * is ever written to a temporary file.
 */
final class MultipartUpload {
  /** mimepull's marker for "never spool to disk". */
  private static final long MEMORY_ONLY = -1L;

  private MultipartUpload() {}

  static DocumentInput read(InputStream body, MediaType type, long maxBytes) throws IOException {
    String boundary = type == null ? null : type.getParameters().get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw bad("the multipart Content-Type has no boundary");
    }
    MIMEConfig config = new MIMEConfig();
    config.setMemoryThreshold(MEMORY_ONLY);
    try (MIMEMessage message = new MIMEMessage(body, boundary, config)) {
      for (MIMEPart part : message.getAttachments()) {
        List<String> disposition = part.getHeader("Content-Disposition");
        if (disposition == null || disposition.isEmpty()) {
          continue;
        }
        FormDataContentDisposition d = new FormDataContentDisposition(disposition.get(0));
        if ("file".equals(d.getName())) {
          List<String> partType = part.getHeader("Content-Type");
          String mediaType = partType == null || partType.isEmpty() ? null : partType.get(0).strip();
          return DocumentInput.read(part.readOnce(), fixFileName(d.getFileName()), mediaType, maxBytes);
        }
      }
    } catch (MIMEParsingException e) {
      throw bad("the multipart body is malformed");
    } catch (ParseException e) {
      throw bad("a part's Content-Disposition header is malformed (for example an unescaped quote in the file name)");
    }
    throw bad("the multipart form needs a 'file' part");
  }

  private static CheckException bad(String message) {
    return new CheckException(ErrorCode.BAD_REQUEST, message);
  }

  /** Multipart headers are decoded as ISO-8859-1, while browsers and curl send UTF-8 file names. */
  static String fixFileName(String name) {
    if (name == null) {
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0xff) {
        return name; // already decoded properly
      }
    }
    String utf8 = new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return utf8.indexOf('\ufffd') >= 0 ? name : utf8;
  }
}
