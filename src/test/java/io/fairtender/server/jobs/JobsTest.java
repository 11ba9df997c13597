package io.fairtender.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.Progress;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTest {
  private static final Caller A = new Caller("tenant-a", "req-a");
  private static final Caller B = new Caller("tenant-b", "req-b");
  private static Report report;
  private static Checker checker;

  @BeforeAll
  static void realReport() {
    checker = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF));
    report = checker.check(doc(), CheckOptions.defaults());
  }

  private static DocumentInput doc() {
    return new DocumentInput("一、资格要求\n投标人注册资本不低于100万元。".getBytes(StandardCharsets.UTF_8), "招标文件.txt", "text/plain");
  }

  private static Job await(Jobs jobs, Job job) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!job.state().finished() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertTrue(job.state().finished(), "job finished: " + job.state());
    return job;
  }

  @Test
  void runsTheCheckWithProgressAndKeepsTheReportForItsTenantOnly() throws Exception {
    AtomicReference<CheckOptions> asked = new AtomicReference<>();
    Jobs.Runner runner = (in, o, c, p) -> {
      asked.set(o);
      p.update(Progress.Stage.OCR, 2, 3, 2);
      return report;
    };
    try (Jobs jobs = new Jobs(runner, JobSettings.defaults(1), Clock.systemUTC())) {
      Job job = jobs.submit(doc(), CheckOptions.defaults(), A, null);
      await(jobs, job);
      assertEquals(JobState.DONE, job.state());
      assertEquals(report, job.report());
      assertEquals(new JobProgress("ocr", 2, 3, 2), job.progress());
      assertTrue(asked.get().includeText(), "the text is kept for annotated copies");
      assertFalse(job.options().includeText(), "the options asked for are kept as asked");
      assertEquals("招标文件.txt", job.name());
      assertNotNull(job.input());
      assertTrue(jobs.get(job.id(), A).isPresent());
      assertTrue(jobs.get(job.id(), new Caller("tenant-a", "other-request")).isPresent());
      assertTrue(jobs.get(job.id(), B).isEmpty(), "another tenant does not see the job");
      assertFalse(jobs.delete(job.id(), B), "nor delete it");
      assertTrue(jobs.get("nope", A).isEmpty());
      assertTrue(job.id().matches("[0-9a-f]{32}"));
    }
  }

  @Test
  void aRefusedCheckFailsTheJobWithItsCode() throws Exception {
    Jobs.Runner runner = (in, o, c, p) -> {
      throw new CheckException(ErrorCode.CORRUPT, "the document cannot be read");
    };
    try (Jobs jobs = new Jobs(runner, JobSettings.defaults(1), Clock.systemUTC())) {
      Job job = await(jobs, jobs.submit(doc(), CheckOptions.defaults(), A, null));
      assertEquals(JobState.FAILED, job.state());
      assertEquals(ErrorCode.CORRUPT, job.failure().code());
      assertNull(job.report());
    }
  }

  @Test
  void aFullQueueOrStorageIsBusyAndADeletedQueuedJobNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    Jobs.Runner runner = (in, o, c, p) -> {
      runs.incrementAndGet();
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return report;
    };
    try (Jobs jobs = new Jobs(runner, JobSettings.defaults(1).withQueue(1), Clock.systemUTC())) {
      Job first = jobs.submit(doc(), CheckOptions.defaults(), A, null);
      assertTrue(running.await(10, TimeUnit.SECONDS));
      Job second = jobs.submit(doc(), CheckOptions.defaults(), A, null);
      assertEquals(JobState.QUEUED, second.state());
      CheckException busy = assertThrows(CheckException.class, () -> jobs.submit(doc(), CheckOptions.defaults(), A, null));
      assertEquals(ErrorCode.BUSY, busy.code());
      assertEquals(2, jobs.size(), "the refused job is not kept");
      assertTrue(jobs.delete(second.id(), A));
      release.countDown();
      await(jobs, first);
      Thread.sleep(200);
      assertEquals(1, runs.get(), "the deleted job was not run");
      assertEquals(JobState.QUEUED, second.state());
      assertEquals(doc().data().length, jobs.storedBytes());
    }
    long size = doc().data().length;
    try (Jobs jobs = new Jobs((in, o, c, p) -> report, JobSettings.defaults(1).withMaxStoredBytes(size + 1), Clock.systemUTC())) {
      jobs.submit(doc(), CheckOptions.defaults(), A, null);
      CheckException full = assertThrows(CheckException.class, () -> jobs.submit(doc(), CheckOptions.defaults(), A, null));
      assertEquals(ErrorCode.BUSY, full.code());
      assertTrue(full.getMessage().contains("storage"));
    }
  }

  @Test
  void finishedJobsExpireWithTheirDocumentsAndRecords(@TempDir Path data) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    JobSettings s = JobSettings.defaults(1).withTtl(Duration.ofMinutes(10)).withDataDir(data);
    try (Jobs jobs = new Jobs((in, o, c, p) -> report, s, clock)) {
      Job job = await(jobs, jobs.submit(doc(), CheckOptions.defaults(), A, null));
      Path record = data.resolve("jobs").resolve(job.id() + ".json");
      // the record is rewritten just after the job turns done in memory: wait for it (bounded)
      String json = "";
      for (int i = 0; i < 100 && !json.contains("\"state\":\"done\""); i++) {
        json = Files.exists(record) ? Files.readString(record) : "";
        if (!json.contains("\"state\":\"done\"")) {
          Thread.sleep(50);
        }
      }
      assertTrue(json.contains("\"state\":\"done\""), json);
      assertFalse(json.contains("招标文件") || json.contains("注册资本"), "no name or text in the record: " + json);
      clock.now = clock.now.plus(Duration.ofMinutes(9));
      jobs.expire();
      assertTrue(jobs.get(job.id(), A).isPresent());
      clock.now = clock.now.plus(Duration.ofMinutes(2));
      jobs.expire();
      assertTrue(jobs.get(job.id(), A).isEmpty());
      assertNull(job.input(), "the document is dropped");
      assertNull(job.report());
      assertEquals(0, jobs.storedBytes());
      assertFalse(Files.exists(record));
    }
  }

  @Test
  void jobsOfAnEarlierRunAreLostNotForgotten(@TempDir Path data) throws Exception {
    JobSettings s = JobSettings.defaults(1).withDataDir(data);
    CountDownLatch never = new CountDownLatch(1);
    Job done;
    Job running;
    Jobs first = new Jobs((in, o, c, p) -> {
      if (in.name().equals("slow.txt")) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return report;
    }, s, Clock.systemUTC());
    try {
      done = await(first, first.submit(doc(), CheckOptions.defaults(), A, null));
      running = first.submit(new DocumentInput("x".getBytes(StandardCharsets.UTF_8), "slow.txt", "text/plain"),
          CheckOptions.defaults(), B, null);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (running.state() != JobState.RUNNING && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(JobState.RUNNING, running.state());
      Path record = data.resolve("jobs").resolve(running.id() + ".json");
      while (!(Files.exists(record) && Files.readString(record).contains("\"running\"")) && System.nanoTime() < end) {
        Thread.sleep(10); // the record follows the state change
      }
    } finally {
      first.close(); // the process "dies" with one job done and one running
    }
    try (Jobs second = new Jobs((in, o, c, p) -> report, s, Clock.systemUTC())) {
      Job lostDone = second.get(done.id(), A).orElseThrow();
      assertEquals(JobState.LOST, lostDone.state());
      assertTrue(lostDone.failure().detail().contains("in memory only"), lostDone.failure().detail());
      assertNull(lostDone.report());
      Job lostRunning = second.get(running.id(), B).orElseThrow();
      assertEquals(JobState.LOST, lostRunning.state());
      assertTrue(lostRunning.failure().detail().contains("before the job finished"), lostRunning.failure().detail());
      assertNotNull(lostRunning.snapshot().started());
      assertTrue(second.get(running.id(), A).isEmpty(), "still only for its tenant");
    }
    try (Jobs third = new Jobs((in, o, c, p) -> report, s, Clock.systemUTC())) {
      Job again = third.get(running.id(), B).orElseThrow();
      assertTrue(again.failure().detail().contains("before the job finished"), "the first reason is kept");
      assertTrue(third.delete(running.id(), B));
    }
    try (Jobs fourth = new Jobs((in, o, c, p) -> report, s, Clock.systemUTC())) {
      assertTrue(fourth.get(running.id(), B).isEmpty(), "a deleted record stays deleted");
      assertTrue(fourth.get(done.id(), A).isPresent());
    }
  }

  @Test
  void recordsOfAnEarlierRunPastTheirTimeToLiveAreDroppedAtStart(@TempDir Path data) throws Exception {
    JobSettings s = JobSettings.defaults(1).withDataDir(data);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Job done;
    try (Jobs first = new Jobs((in, o, c, p) -> report, s, clock)) {
      done = await(first, first.submit(doc(), CheckOptions.defaults(), A, null));
    }
    Path record = data.resolve("jobs").resolve(done.id() + ".json");
    try (Jobs restarted = new Jobs((in, o, c, p) -> report, s, clock)) {
      assertEquals(JobState.LOST, restarted.get(done.id(), A).orElseThrow().state(), "lost at the restart, kept a while");
    }
    assertTrue(Files.exists(record));
    clock.now = clock.now.plus(JobSettings.DEFAULT_TTL).plus(Duration.ofMinutes(1));
    try (Jobs later = new Jobs((in, o, c, p) -> report, s, clock)) {
      assertTrue(later.get(done.id(), A).isEmpty(), "expired while no server ran");
      assertFalse(Files.exists(record), "and its record is gone, so no later start reads it again");
    }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
