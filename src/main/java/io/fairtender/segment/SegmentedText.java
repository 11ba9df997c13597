package io.fairtender.segment;

import io.fairtender.normalise.NormalisedText;
import java.util.List;

/** Normalised text cut into sections and units. */
public record SegmentedText(NormalisedText text, List<Section> sections, List<Unit> units) {
  public SegmentedText {
    sections = List.copyOf(sections);
    units = List.copyOf(units);
  }
}
