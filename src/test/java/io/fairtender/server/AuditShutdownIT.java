package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fairtender.server.audit.AuditQuery;
import io.fairtender.server.audit.AuditRecord;
import io.fairtender.server.audit.AuditStore;
import io.fairtender.server.db.Database;
import io.fairtender.server.db.DbSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairtender serve} as a child process: 30 checks from several clients, the last 10 while the test holds the
 * database locked (so their rows wait in the audit writer's queue), then SIGTERM: the process must wait for the lock
 * to go and write them, so every check has its row after it has exited.
 */
class AuditShutdownIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir
  Path dir;

  @Test
  void aNormalShutdownLosesNoAuditRow() throws Exception {
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.fairtender.cli.Main", "serve",
        "--port", "0", "--models", "off", "--max-concurrent", "2", "--max-queue", "40", "--data-dir", dir.toString()))
        .redirectErrorStream(true).start();
    Set<String> sent = new TreeSet<>();
    try {
      int port = awaitPort(p);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<Integer>> answers = new ArrayList<>();
      java.sql.Connection lock = null;
      for (int i = 0; i < 30; i++) {
        if (i == 20) {
          for (Future<Integer> a : answers) {
            assertEquals(200, a.get());
          }
          Thread.sleep(500); // the first 20 rows are written
          lock = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fairtender.db"));
          lock.createStatement().execute("BEGIN EXCLUSIVE");
        }
        String id = "shutdown-" + i;
        sent.add(id);
        byte[] doc = ("一、资格要求\n投标人注册资本不低于" + (100 + i) + "万元。").getBytes(StandardCharsets.UTF_8);
        answers.add(clients.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/v1/check?name=t.txt")).header("Content-Type", "text/plain").header("X-Request-Id", id)
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(doc)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      for (Future<Integer> a : answers) {
        assertEquals(200, a.get());
      }
      clients.shutdown();
      p.destroy(); // SIGTERM: the shutdown hook closes the server and flushes the audit log
      assertEquals(false, p.waitFor(2, TimeUnit.SECONDS), "the server waits to write the queued rows");
      lock.createStatement().execute("ROLLBACK");
      lock.close();
      assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "the server exits");
    } finally {
      p.destroyForcibly();
    }
    List<AuditRecord> rows = new AuditStore(Database.open(DbSettings.embedded(dir))).page(new AuditQuery(0, null, null, null, 1000));
    assertEquals(sent, rows.stream().map(AuditRecord::requestId).collect(Collectors.toCollection(TreeSet::new)));
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
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    return port.get(120, TimeUnit.SECONDS);
  }
}
