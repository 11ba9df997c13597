package io.fairtender.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A hand-written HTTP/1.1 exchange over a socket, for requests no well-behaved client sends. */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
  }

  /**
   * Sends the head (request line and headers, CRLF-separated, without the blank line; {@code Connection: close} is
   * added so that chunked answers end with the connection) and the first body bytes.
   */
  RawHttp send(String head, byte[] body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
    return this;
  }

  /** Reads the response up to the end of its body (Content-Length) or of the connection. */
  Reply read() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int headEnd = -1;
    long contentLength = -1;
    byte[] chunk = new byte[8192];
    while (true) {
      if (headEnd < 0) {
        String sofar = buf.toString(StandardCharsets.ISO_8859_1);
        headEnd = sofar.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
          for (String line : sofar.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
              contentLength = Long.parseLong(line.substring(15).strip());
            }
          }
        }
      }
      if (headEnd >= 0 && contentLength >= 0 && buf.size() >= headEnd + 4 + contentLength) {
        break;
      }
      int n;
      try {
        n = in.read(chunk);
      } catch (java.net.SocketException e) {
        break; // reset after the answer: the server closed a connection whose body it did not read
      }
      if (n < 0) {
        break;
      }
      buf.write(chunk, 0, n);
    }
    String all = buf.toString(StandardCharsets.UTF_8);
    int split = all.indexOf("\r\n\r\n");
    String head = split < 0 ? all : all.substring(0, split);
    String body = split < 0 ? "" : all.substring(split + 4);
    int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
    return new Reply(status, head, body);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A response: status, raw head and body. */
  record Reply(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }
}
