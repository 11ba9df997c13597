package io.fairtender.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.ErrorCode;
import io.fairtender.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job records on disk ({@code <dataDir>/jobs/<id>.json}: id, tenant, state, times and a failure code; never the
 * document, its name or its text), so that after a restart a job of the earlier run answers {@code lost} instead of
 * 404. Without a data folder nothing is written.
 */
class JobJournal {
  private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  static final String RESTARTED_UNFINISHED = "the server restarted before the job finished; submit the document again";
  static final String RESTARTED_FINISHED = "the server restarted; job results are kept in memory only and are gone";
  private final Path dir;

  private JobJournal(Path dir) {
    this.dir = dir;
  }

  static JobJournal open(Path dataDir) {
    if (dataDir == null) {
      return new JobJournal(null);
    }
    Path dir = dataDir.resolve("jobs");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the job folder " + dir + ": " + e.getMessage(), e);
    }
    return new JobJournal(dir);
  }

  /** Writes the job's record (atomically replacing the last one). */
  void write(Job job) {
    if (dir == null) {
      return;
    }
    Job.Snapshot s = job.snapshot();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", job.id());
    r.put("tenant", job.tenant());
    r.put("state", s.state().id());
    r.put("created", job.created().toString());
    r.put("started", s.started() == null ? null : s.started().toString());
    r.put("finished", s.finished() == null ? null : s.finished().toString());
    if (s.failure() != null) {
      r.put("code", s.failure().code().name());
      r.put("reason", s.state() == JobState.LOST ? s.failure().detail() : null);
    }
    Path tmp = dir.resolve(job.id() + ".tmp");
    try {
      Files.writeString(tmp, ReportJson.line(r), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, dir.resolve(job.id() + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(job.id() + ".json"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("job {}: record not written: {}", job.id(), e.toString());
    }
  }

  void delete(String id) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(id + ".json"));
    } catch (IOException e) {
      LOG.warn("job {}: record not deleted: {}", id, e.toString());
    }
  }

  /**
   * The jobs of earlier runs, all lost: queued or running ones never finished, and finished ones had their results in
   * memory only. Each record is rewritten as lost, its expiry counted from {@code now}.
   */
  List<Job> recover(Instant now) {
    List<Job> out = new ArrayList<>();
    if (dir == null) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(f);
          continue;
        }
        if (!name.endsWith(".json") || !ID.matcher(name.substring(0, name.length() - 5)).matches()) {
          continue;
        }
        Job lost = read(f, now);
        if (lost != null) {
          out.add(lost);
          write(lost);
        }
      }
    } catch (IOException e) {
      LOG.warn("job records not read: {}", e.toString());
    }
    if (!out.isEmpty()) {
      LOG.info("{} jobs of an earlier run are reported as lost", out.size());
    }
    return out;
  }

  private static Job read(Path f, Instant now) {
    try {
      JsonNode r = ReportJson.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
      JobState was = JobState.fromId(r.path("state").asText());
      String reason = was == JobState.LOST ? r.path("reason").asText(RESTARTED_FINISHED)
          : was.finished() ? RESTARTED_FINISHED : RESTARTED_UNFINISHED;
      Instant finished = was == JobState.LOST && r.hasNonNull("finished") ? Instant.parse(r.get("finished").asText()) : now;
      return Job.lost(r.path("id").asText(), r.path("tenant").asText(), Instant.parse(r.path("created").asText()),
          r.hasNonNull("started") ? Instant.parse(r.get("started").asText()) : null, finished,
          new JobFailure(ErrorCode.INTERNAL, reason));
    } catch (IOException | RuntimeException e) {
      LOG.warn("job record {} unreadable: {}", f.getFileName(), e.toString());
      return null;
    }
  }
}
