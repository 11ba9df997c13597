package io.fairtender.server;

import io.fairtender.ErrorCode;
import io.fairtender.server.jobs.Job;
import io.fairtender.server.jobs.JobFailure;
import io.fairtender.server.jobs.JobProgress;
import io.fairtender.server.jobs.JobState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a job for {@code GET /v1/jobs/{id}}, and the problem a failed or lost job answers with. */
final class JobViews {
  /** A job lost in a restart answers 410 Gone with this code. */
  static final String LOST = "JOB_LOST";
  /** A job's report asked for before it is done. */
  static final String NOT_DONE = "JOB_NOT_DONE";

  private JobViews() {}

  static String location(String id) {
    return "/v1/jobs/" + id;
  }

  static Map<String, Object> view(Job job) {
    Job.Snapshot s = job.snapshot();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", job.id());
    m.put("state", s.state().id());
    put(m, "name", job.name());
    m.put("created", job.created().toString());
    put(m, "started", s.started() == null ? null : s.started().toString());
    put(m, "finished", s.finished() == null ? null : s.finished().toString());
    JobProgress p = s.progress();
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("stage", s.state() == JobState.DONE ? "done" : p.stage());
    progress.put("page", p.page());
    progress.put("pages", p.pages());
    progress.put("ocrPages", p.ocrPages());
    m.put("progress", progress);
    if (s.failure() != null) {
      m.put("error", problem(job.id(), s.state(), s.failure()));
    }
    if (job.callback() != null) {
      Map<String, Object> callback = new LinkedHashMap<>();
      callback.put("state", job.callbackOutcome() == null ? "waiting" : job.callbackOutcome().name().toLowerCase(java.util.Locale.ROOT));
      callback.put("tries", job.callbackTries());
      m.put("callback", callback);
    }
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", location(job.id()));
    links.put("report", location(job.id()) + "/report");
    m.put("links", links);
    return m;
  }

  /** The problem for a failed job (its engine code) or a lost one (410 JOB_LOST). */
  static Problem problem(String jobId, JobState state, JobFailure f) {
    if (state == JobState.LOST) {
      return Problem.of(410, LOST, "任务已丢失（服务重启）", f.detail(), jobId);
    }
    return Problem.of(f.code(), f.detail(), jobId);
  }

  static Problem notFound(String id, String requestId) {
    return Problem.of(ErrorCode.NOT_FOUND, "no job with id '" + abbreviate(id) + "'", requestId);
  }

  static Problem notDone(Job job, String requestId) {
    return Problem.of(409, NOT_DONE, "任务尚未完成", "job " + job.id() + " is " + job.state().id()
        + "; the report is available once it is done", requestId);
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String abbreviate(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "…" : id;
  }
}
