package io.fairtender.extract;

/**
 * One page of extracted text: {@code [start, end)} in UTF-16 indices of {@link ExtractedText#text()}.
 *
 * @param number 1-based page number
 * @param start first char of the page
 * @param end one past the last char of the page
 */
public record Page(int number, int start, int end) {
  public Page {
    if (number < 1 || start < 0 || end < start) {
      throw new IllegalArgumentException("bad page " + number + " [" + start + "," + end + ")");
    }
  }
}
