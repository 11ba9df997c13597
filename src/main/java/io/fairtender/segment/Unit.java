package io.fairtender.segment;

/**
 * The unit rules look at: a sentence, a numbered item, or a whole table row.
 *
 * @param start first normalised char
 * @param end one past the last normalised char
 * @param section the section it belongs to
 * @param role the role that applies to it (the section's, or a label's such as "资格要求:")
 * @param tableRow true for a table row, whose cells are separated by tabs
 * @param block the role of the block that covers the whole unit ({@link BlockRole#NONE} when none does)
 */
public record Unit(int start, int end, Section section, SectionRole role, boolean tableRow, BlockRole block) {
  public Unit {
    block = block == null ? BlockRole.NONE : block;
  }

  /** A unit outside any block. */
  public Unit(int start, int end, Section section, SectionRole role, boolean tableRow) {
    this(start, end, section, role, tableRow, BlockRole.NONE);
  }

  /** The same unit with a block role. */
  public Unit withBlock(BlockRole b) {
    return new Unit(start, end, section, role, tableRow, b);
  }
}
