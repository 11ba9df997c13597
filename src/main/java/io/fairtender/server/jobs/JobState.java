package io.fairtender.server.jobs;

import java.util.Locale;

/** Where a job is: waiting, being checked, finished with a report, failed with a problem, or lost in a restart. */
public enum JobState {
  QUEUED, RUNNING, DONE, FAILED, LOST;

  /** The lower-case name used in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True once the job will not change any more. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == LOST;
  }

  public static JobState fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
