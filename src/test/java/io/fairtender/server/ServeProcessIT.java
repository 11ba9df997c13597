package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fairtender serve} as a child process whose temp folder is a private {@link TempDir}, so the assertion
 * that uploads never touch disk holds however busy the machine's /tmp is: after good and refused multipart uploads,
 * during a stalled upload, and after kill -9.
 */
class ServeProcessIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir
  Path tmp;

  @Test
  void multipartUploadsNeverTouchTheTempFolder() throws Exception {
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
        "io.fairtender.cli.Main", "serve", "--port", "0", "--max-bytes", "6000000", "--idle-timeout", "3"))
        .redirectErrorStream(true).start();
    try {
      int port = awaitPort(p);
      String text = "一、资格要求\n投标人注册资本不低于1000万元。\n".repeat(50_000); // about 2.4 MB: past mimepull's 1 MB spool threshold
      byte[] doc = text.getBytes(StandardCharsets.UTF_8);
      RawHttp.Reply ok = multipart(port, "tender.txt", doc, doc.length);
      assertEquals(200, ok.status(), ok.body().length() > 300 ? ok.body().substring(0, 300) : ok.body());
      assertEquals(List.of(), files());
      RawHttp.Reply bad = multipart(port, "a\"b.txt", doc, doc.length);
      assertEquals(400, bad.status(), bad.body());
      assertEquals(List.of(), files());
      // an upload that stops half-way: nothing on disk while it waits, nor after the process is killed
      try (RawHttp stalled = new RawHttp(port)) {
        byte[] head = multipartHead("big.txt");
        stalled.send(postHead(port, head.length + doc.length * 2L + 64), concat(head, doc));
        Thread.sleep(1000);
        assertEquals(List.of(), files());
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertEquals(List.of(), files());
    } finally {
      p.destroyForcibly();
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(f -> !f.equals(tmp)).map(f -> tmp.relativize(f).toString()).sorted().collect(Collectors.toList());
    }
  }

  private static int awaitPort(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
        port.completeExceptionally(new IllegalStateException("server exited with " + p.waitFor()));
      } catch (IOException | InterruptedException e) {
        port.completeExceptionally(e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    return port.get(120, TimeUnit.SECONDS);
  }

  private static byte[] multipartHead(String fileName) {
    return ("--B1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String postHead(int port, long length) {
    return "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: multipart/form-data; boundary=B1\r\n"
        + "Content-Length: " + length;
  }

  private static RawHttp.Reply multipart(int port, String fileName, byte[] doc, int length) throws IOException {
    byte[] body = concat(concat(multipartHead(fileName), doc), "\r\n--B1--\r\n".getBytes(StandardCharsets.UTF_8));
    try (RawHttp http = new RawHttp(port)) {
      return http.send(postHead(port, body.length), body).read();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
