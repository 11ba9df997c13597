package io.fairtender.server.jobs;

import io.fairtender.Progress;

/**
 * How far a job's check has got.
 *
 * @param stage extract, ocr, analyse or report; "queued" before it starts
 * @param page pages of this stage done
 * @param pages pages this stage works through (0 when not paged)
 * @param ocrPages pages read by OCR so far
 */
public record JobProgress(String stage, int page, int pages, int ocrPages) {
  static final JobProgress QUEUED = new JobProgress("queued", 0, 0, 0);

  static JobProgress of(Progress.Stage stage, int page, int pages, int ocrPages) {
    return new JobProgress(stage.id(), page, pages, ocrPages);
  }
}
