package io.fairtender.server;

import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;

/**
 * Told of every check the server runs (synchronous or as a job), after it ends: the audit log and metrics listen here.
 * Called on the checking thread; implementations must be quick and must not throw.
 */
public interface CheckObserver {
  /**
   * @param caller who asked
   * @param input the document (its bytes are never stored by observers)
   * @param options what was asked for
   * @param report the report, or null when the check was refused
   * @param refused the error code when refused, else null
   * @param nanos time taken
   */
  void checked(Caller caller, DocumentInput input, CheckOptions options, Report report, ErrorCode refused, long nanos);
}
