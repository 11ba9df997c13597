package io.fairtender.server.jobs;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.Progress;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import io.fairtender.server.CheckService;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The job store: accepts documents for checking later, runs them on a bounded pool through
 * {@link CheckService#check(DocumentInput, CheckOptions, Caller, Progress)}, keeps each job (its
 * document and report) until it expires, and shows a job only to its own tenant.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final SecureRandom IDS = new SecureRandom();
  private final Runner runner;
  private final JobSettings settings;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;
  private final JobJournal journal;
  private final List<Consumer<Job>> onFinish = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final WebhookSender webhooks;
  private long storedBytes;
  private volatile boolean closed;

  /** Runs one job's check; the server's is {@link CheckService#check(DocumentInput, CheckOptions, Caller, Progress)}. */
  @FunctionalInterface
  interface Runner {
    Report check(DocumentInput input, CheckOptions options, Caller caller, Progress progress);
  }

  public Jobs(CheckService service, JobSettings settings) {
    this(service::check, settings, Clock.systemUTC());
  }

  Jobs(Runner runner, JobSettings settings, Clock clock) {
    this(runner, settings, clock, settings.webhookSecret() == null ? null : WebhookSender.of(settings.webhookSecret()));
  }

  Jobs(Runner runner, JobSettings settings, Clock clock, WebhookSender webhooks) {
    this.runner = runner;
    this.webhooks = webhooks;
    this.settings = settings;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, settings.queue())), r -> daemon(r, "fairtender-job-" + n.incrementAndGet()));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fairtender-job-expiry"));
    this.journal = JobJournal.open(settings.dataDir());
    for (Job lost : journal.recover(clock.instant())) {
      jobs.put(lost.id(), lost);
    }
    expire(); // records of an earlier run already past their time to live go now, not at the first timer tick
    if (webhooks != null) {
      webhooks.checkHosts(CallbackPolicy.of(settings)::allowsAddresses);
      onFinish(this::callBack);
    }
    long every = Math.max(1000, Math.min(60_000, settings.ttl().toMillis() / 10));
    timer.scheduleWithFixedDelay(this::expire, every, every, TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public JobSettings settings() {
    return settings;
  }

  /** Adds a listener told (on the job's worker) when a job has finished, done or failed. */
  public void onFinish(Consumer<Job> listener) {
    onFinish.add(listener);
  }

  /**
   * Queues a check of {@code input} for {@code caller}. Throws {@link CheckException} with {@link ErrorCode#BUSY} when
   * the queue or the job storage is full.
   */
  public Job submit(DocumentInput input, CheckOptions options, Caller caller, URI callback) {
    synchronized (this) {
      if (storedBytes + input.data().length > settings.maxStoredBytes()) {
        throw new CheckException(ErrorCode.BUSY, "the job storage is full; retry after earlier jobs expire or are deleted");
      }
      storedBytes += input.data().length;
    }
    Job job = new Job(newId(), caller, input, options, callback, clock.instant());
    jobs.put(job.id(), job);
    journal.write(job);
    try {
      pool.execute(() -> run(job));
    } catch (RejectedExecutionException e) {
      remove(job);
      throw new CheckException(ErrorCode.BUSY, "the job queue is full; retry later");
    }
    LOG.info("job {} queued bytes={}", job.id(), input.data().length);
    return job;
  }

  /** The job, when it exists and belongs to the caller's tenant. */
  public Optional<Job> get(String id, Caller caller) {
    Job j = id == null ? null : jobs.get(id);
    return j != null && j.tenant().equals(caller.tenant()) ? Optional.of(j) : Optional.empty();
  }

  /** Removes the caller's job and its data; a running check goes on but its result is dropped. False if not found. */
  public boolean delete(String id, Caller caller) {
    Optional<Job> j = get(id, caller);
    j.ifPresent(this::remove);
    return j.isPresent();
  }

  /** Jobs kept now (all tenants). */
  public int size() {
    return jobs.size();
  }

  /** Jobs waiting for a worker. */
  public int queued() {
    return pool.getQueue().size();
  }

  private void run(Job job) {
    if (!jobs.containsKey(job.id()) || !job.start(clock.instant())) {
      return; // deleted while queued
    }
    journal.write(job);
    MDC.put("requestId", job.caller().requestId() == null ? job.id() : job.caller().requestId());
    try {
      DocumentInput input = job.input();
      if (input == null) {
        return;
      }
      try {
        CheckOptions o = job.options(); // the text is kept so that annotated copies can be served later
        CheckOptions withText = new CheckOptions(o.asOf(), true, o.english(), o.selection(), o.modelFindings());
        job.done(runner.check(input, withText, job.caller(),
            (stage, page, pages, ocr) -> job.progress(JobProgress.of(stage, page, pages, ocr))), clock.instant());
      } catch (CheckException e) {
        job.fail(new JobFailure(e.code(), e.getMessage()), clock.instant());
      } catch (RuntimeException e) {
        LOG.error("job {} failed", job.id(), e);
        job.fail(new JobFailure(ErrorCode.INTERNAL, "unexpected error; see the server log"), clock.instant());
      }
      LOG.info("job {} {}", job.id(), job.state().id());
      if (jobs.containsKey(job.id()) && !closed) { // a check cut short by shutdown stays "running" on disk: lost
        journal.write(job);
        for (Consumer<Job> l : onFinish) {
          try {
            l.accept(job);
          } catch (RuntimeException e) {
            LOG.warn("job listener failed: {}", e.toString());
          }
        }
      }
    } finally {
      MDC.remove("requestId");
    }
  }

  /** Posts the job's report (done) or problem (failed) to its callback URL. */
  private void callBack(Job job) {
    if (job.callback() == null) {
      return;
    }
    Job.Snapshot s = job.snapshot();
    String event;
    String type;
    String body;
    if (s.state() == JobState.DONE) {
      event = "job.done";
      type = "application/json";
      Report r = s.report();
      body = io.fairtender.report.ReportJson.line(job.options().includeText() ? r : new Report(r.formatVersion(), r.checker(),
          r.document(), r.asOf(), r.regime(), r.facts(), r.policy(), r.findings(), r.processingErrors(), null));
    } else {
      event = "job.failed";
      type = io.fairtender.server.Problem.MEDIA_TYPE;
      body = io.fairtender.server.Problem.of(s.failure().code(), s.failure().detail(), job.id()).json();
    }
    webhooks.deliver(new WebhookSender.Delivery(job, job.callback(), event, type + ";charset=UTF-8",
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.UUID.randomUUID().toString()));
  }

  /** Drops finished jobs older than the time to live, with their documents, reports and records. */
  void expire() {
    Instant cutoff = clock.instant().minus(settings.ttl());
    for (Job j : new ArrayList<>(jobs.values())) {
      Instant f = j.finished();
      if (f != null && f.isBefore(cutoff)) {
        remove(j);
        LOG.info("job {} expired", j.id());
      }
    }
  }

  private void remove(Job job) {
    if (jobs.remove(job.id(), job)) {
      DocumentInput in = job.input();
      job.release();
      if (in != null) {
        synchronized (this) {
          storedBytes -= in.data().length;
        }
      }
      journal.delete(job.id());
    }
  }

  /** Bytes of documents kept by jobs now. */
  public synchronized long storedBytes() {
    return storedBytes;
  }

  private static String newId() {
    byte[] b = new byte[16];
    IDS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    if (webhooks != null) {
      webhooks.close();
    }
    pool.shutdownNow();
  }
}
