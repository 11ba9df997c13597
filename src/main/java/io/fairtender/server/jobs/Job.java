package io.fairtender.server.jobs;

import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import io.fairtender.server.Caller;
import java.net.URI;
import java.time.Instant;

/**
 * One asynchronous check. Its state moves queued → running → done or failed (or lost across a restart); the report
 * and the uploaded document are kept until the job expires or is deleted. Thread-safe: the worker writes, readers see
 * a consistent snapshot through {@link #snapshot()}.
 */
public final class Job {
  private final String id;
  private final Caller caller;
  private final String name;
  private final Instant created;
  private final CheckOptions options;
  private final URI callback;
  private volatile DocumentInput input;
  private volatile JobProgress progress = JobProgress.QUEUED;
  private JobState state = JobState.QUEUED;
  private Instant started;
  private Instant finished;
  private Report report;
  private JobFailure failure;
  private volatile WebhookSender.Outcome callbackOutcome;
  private volatile int callbackTries;

  Job(String id, Caller caller, DocumentInput input, CheckOptions options, URI callback, Instant created) {
    this.id = id;
    this.caller = caller;
    this.input = input;
    this.name = input == null ? null : input.name();
    this.options = options;
    this.callback = callback;
    this.created = created;
  }

  /** A job known only from the journal of an earlier run: lost, with no document or result. */
  static Job lost(String id, String tenant, Instant created, Instant started, Instant finished, JobFailure why) {
    Job j = new Job(id, new Caller(tenant, null), null, null, null, created);
    j.state = JobState.LOST;
    j.started = started;
    j.finished = finished;
    j.failure = why;
    return j;
  }

  /** A state and the times and results that go with it, read together. */
  public record Snapshot(JobState state, Instant started, Instant finished, JobProgress progress, Report report,
      JobFailure failure) {}

  public synchronized Snapshot snapshot() {
    return new Snapshot(state, started, finished, progress, report, failure);
  }

  public String id() {
    return id;
  }

  public String tenant() {
    return caller.tenant();
  }

  public Caller caller() {
    return caller;
  }

  /** The uploaded file's name, or null. */
  public String name() {
    return name;
  }

  public Instant created() {
    return created;
  }

  public synchronized JobState state() {
    return state;
  }

  public JobProgress progress() {
    return progress;
  }

  /** The report once the job is done, else null. */
  public synchronized Report report() {
    return report;
  }

  /** Why the job failed or was lost, else null. */
  public synchronized JobFailure failure() {
    return failure;
  }

  /** The uploaded document while the job is kept; null once it expired, or for a job lost in a restart. */
  public DocumentInput input() {
    return input;
  }

  /** What was asked for; null for a job lost in a restart. */
  public CheckOptions options() {
    return options;
  }

  /** Where the result is posted when the job ends, or null. */
  public URI callback() {
    return callback;
  }

  /** How the callback's delivery stands (null without a callback or before the job ends). */
  public WebhookSender.Outcome callbackOutcome() {
    return callbackOutcome;
  }

  /** Tries made to deliver the callback so far. */
  public int callbackTries() {
    return callbackTries;
  }

  void callbackOutcome(WebhookSender.Outcome o, int tries) {
    callbackTries = tries;
    callbackOutcome = o;
  }

  void progress(JobProgress p) {
    progress = p;
  }

  synchronized boolean start(Instant now) {
    if (state != JobState.QUEUED) {
      return false;
    }
    state = JobState.RUNNING;
    started = now;
    return true;
  }

  synchronized void done(Report r, Instant now) {
    state = JobState.DONE;
    report = r;
    finished = now;
  }

  synchronized void fail(JobFailure why, Instant now) {
    state = JobState.FAILED;
    failure = why;
    finished = now;
  }

  /** Drops the document and the result (the job expired or was deleted). */
  synchronized void release() {
    input = null;
    report = null;
  }

  synchronized Instant finished() {
    return finished;
  }

  synchronized Instant started() {
    return started;
  }
}
