package io.fairtender.extract;

/**
 * One page of extracted text: {@code [start, end)} in UTF-16 indices of {@link ExtractedText#text()}.
 *
 * @param number 1-based page number in the whole document (or package)
 * @param start first char of the page
 * @param end one past the last char of the page
 * @param entry the package entry the page belongs to (a path inside a ZIP), or null
 * @param layout true when the page's line breaks come from layout (PDF) rather than from paragraphs
 * @param ocr true when the page's text was read by OCR
 */
public record Page(int number, int start, int end, String entry, boolean layout, boolean ocr) {
  public Page {
    if (number < 1 || start < 0 || end < start) {
      throw new IllegalArgumentException("bad page " + number + " [" + start + "," + end + ")");
    }
  }

  public Page(int number, int start, int end) {
    this(number, start, end, null, false, false);
  }

  public Page(int number, int start, int end, String entry, boolean layout) {
    this(number, start, end, entry, layout, false);
  }
}
