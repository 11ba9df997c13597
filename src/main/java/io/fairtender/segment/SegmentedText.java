package io.fairtender.segment;

import io.fairtender.normalise.NormalisedText;
import java.util.List;

/**
 * Normalised text cut into sections and units, with the blocks (quoted standard, template, quoted law, conditional,
 * accommodation, optional) found in it, sorted by start.
 */
public record SegmentedText(NormalisedText text, List<Section> sections, List<Unit> units, List<Block> blocks) {
  public SegmentedText {
    sections = List.copyOf(sections);
    units = List.copyOf(units);
    blocks = List.copyOf(blocks);
  }

  public SegmentedText(NormalisedText text, List<Section> sections, List<Unit> units) {
    this(text, sections, units, List.of());
  }

  /** The innermost block that covers {@code [start, end)}, or {@link BlockRole#NONE}. */
  public BlockRole blockAt(int start, int end) {
    BlockRole found = BlockRole.NONE;
    int size = Integer.MAX_VALUE;
    for (Block b : blocks) {
      if (b.start() > start) {
        break;
      }
      if (b.covers(start, end) && b.end() - b.start() < size) {
        found = b.role();
        size = b.end() - b.start();
      }
    }
    return found;
  }
}
