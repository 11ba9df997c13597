package io.fairtender.analyse.lexicon;

import java.util.ArrayList;
import java.util.List;

/** Reads the place names of a gazetteer TSV ({@code code, level, name, short}; see tools/gazetteer/build.sh). */
final class Gazetteer {
  private Gazetteer() {}

  /** Full names and short forms of the divisions at {@code levels} (all levels when empty). */
  static List<String> names(String resource, List<String> levels) {
    List<String> out = new ArrayList<>();
    for (String line : Lexicons.read("/lexicon/" + resource).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4 || !(levels.isEmpty() || levels.contains(f[1]))) {
        continue;
      }
      out.add(f[2].strip());
      if (!f[3].isBlank()) {
        out.add(f[3].strip());
      }
    }
    return out;
  }
}
