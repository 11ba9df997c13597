package io.fairtender;

import java.util.Locale;

/**
 * Told by the engine how far a check has got: the stage, pages done of the pages that stage works through, and pages
 * read by OCR so far. Called on the checking threads (OCR pages from several at once); implementations must be quick,
 * thread-safe and must not throw.
 */
@FunctionalInterface
public interface Progress {
  /** Stages in the order a check passes them; OCR only for pages without a text layer. */
  enum Stage {
    EXTRACT, OCR, ANALYSE, REPORT;

    /** The lower-case name used in JSON. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param stage the stage now running
   * @param page pages of this stage done (0 when the stage does not work page by page)
   * @param pages pages this stage works through (0 when unknown or not paged)
   * @param ocrPages pages read by OCR so far in this document
   */
  void update(Stage stage, int page, int pages, int ocrPages);

  /** Listens to nothing. */
  Progress NONE = (stage, page, pages, ocrPages) -> { };
}
