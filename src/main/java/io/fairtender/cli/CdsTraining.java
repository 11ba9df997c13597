package io.fairtender.cli;

import io.fairtender.CheckerConfig;
import io.fairtender.server.FairTenderServer;
import io.fairtender.server.ServerConfig;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run for the class-data archive ({@code ./fairtender} runs it once per build under
 * {@code -XX:ArchiveClassesAtExit}): checks the given documents in each output format, lists the rules, and starts the
 * server on a free loopback port, asks {@code /health} and checks one document over HTTP, so that the classes of
 * {@code check}, {@code rules} and {@code serve} are all in the archive. Output is discarded.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    // every step on its own: a failure (a slow machine timing out a request) only leaves some classes out
    for (String file : args) {
      step(() -> Main.run(sink, sink, "check", file));
    }
    if (args.length > 0) {
      for (String format : new String[] {"text", "sarif", "html"}) {
        step(() -> Main.run(sink, sink, "check", "--format", format, args[0]));
      }
    }
    step(() -> Main.run(sink, sink, "rules"));
    step(() -> serve(args));
    System.exit(0);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void step(Step s) {
    try {
      s.run();
    } catch (Exception | LinkageError e) {
      System.err.println("class-data training step failed: " + e);
    }
  }

  private static void serve(String[] args) throws Exception {
    FairTenderServer server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 1, CheckerConfig.defaults()));
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding());
      for (String file : args) {
        String type = file.endsWith(".pdf") ? "application/pdf" : file.endsWith(".txt") ? "text/plain" : "application/octet-stream";
        String name = Path.of(file).getFileName().toString();
        step(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/v1/check?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
            .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of(file)))).build(),
            HttpResponse.BodyHandlers.discarding()));
      }
      http.send(HttpRequest.newBuilder(URI.create(base + "/v1/rules")).build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      server.close();
    }
  }
}
