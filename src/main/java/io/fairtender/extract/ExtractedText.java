package io.fairtender.extract;

import java.util.List;

/**
 * The text of a document as the extractor read it, with its page table.
 *
 * @param text the whole text; pages are separated by a line break
 * @param pages pages in order, covering the text; documents without pages have one page
 * @param mediaType the detected media type
 * @param layoutText true when line breaks come from page layout (PDF) rather than from paragraphs
 * @param warnings parts the extractor could not read (pages with no text layer, skipped package entries)
 */
public record ExtractedText(
    String text, List<Page> pages, String mediaType, boolean layoutText, List<ExtractionWarning> warnings) {

  public ExtractedText {
    pages = List.copyOf(pages);
    warnings = List.copyOf(warnings);
  }

  /** The page holding UTF-16 index {@code pos}; the last page for the end of the text. */
  public Page pageAt(int pos) {
    int lo = 0;
    int hi = pages.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pages.get(mid).start() <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return pages.get(lo);
  }
}
