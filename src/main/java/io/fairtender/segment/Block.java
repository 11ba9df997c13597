package io.fairtender.segment;

/**
 * A stretch of normalised text with a block role.
 *
 * @param start first normalised char
 * @param end one past the last normalised char
 * @param role what the stretch is
 */
public record Block(int start, int end, BlockRole role) {
  /** True when the block covers {@code [s, e)}. */
  public boolean covers(int s, int e) {
    return start <= s && e <= end;
  }
}
