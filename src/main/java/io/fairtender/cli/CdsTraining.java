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

  public static void main(String[] args) throws Exception {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (String file : args) {
      for (String format : new String[] {"json", "text", "sarif"}) {
        Main.run(sink, sink, "check", "--format", format, file);
      }
    }
    if (args.length > 0) {
      Main.run(sink, sink, "check", "--format", "html", args[0]);
    }
    Main.run(sink, sink, "rules");
    FairTenderServer server = FairTenderServer.start(new ServerConfig("127.0.0.1", 0, 1, CheckerConfig.defaults()));
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding());
      for (String file : args) {
        String type = file.endsWith(".pdf") ? "application/pdf" : file.endsWith(".txt") ? "text/plain" : "application/octet-stream";
        String name = Path.of(file).getFileName().toString();
        http.send(HttpRequest.newBuilder(URI.create(base + "/v1/check?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
            .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of(file)))).build(),
            HttpResponse.BodyHandlers.discarding());
      }
      http.send(HttpRequest.newBuilder(URI.create(base + "/v1/rules")).build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      server.close();
    }
    System.exit(0);
  }
}
