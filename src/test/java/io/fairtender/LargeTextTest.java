package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.analyse.Analyser;
import io.fairtender.analyse.RuleLoader;
import io.fairtender.analyse.RuleSet;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.Page;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.normalise.Normaliser;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Segmenter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stage is linear in the text: megabytes of short lines go through in seconds, not minutes. */
class LargeTextTest {
  /** About {@code chars} chars of short numbered lines, some of them clauses the rules flag. */
  static String shortLines(int chars) {
    StringBuilder sb = new StringBuilder(chars + 64);
    int i = 0;
    while (sb.length() < chars) {
      sb.append(i % 50 == 0 ? "投标人注册资本不低于" + (i % 900 + 100) + "万元;\n" : "第" + (i % 1000) + "条 投标人须具备资格。\n");
      i++;
    }
    return sb.toString();
  }

  @Test
  void stagesScaleLinearly() {
    Normaliser normaliser = new Normaliser();
    Segmenter segmenter = new Segmenter();
    Analyser analyser = new Analyser(new RuleSet(RuleLoader.builtin()));
    long[] perChar = new long[2];
    int[] sizes = {1_000_000, 4_000_000};
    for (int k = 0; k < sizes.length; k++) {
      String text = shortLines(sizes[k]);
      long t0 = System.nanoTime();
      NormalisedText n = normaliser.normalise(new ExtractedText(text, List.of(new Page(1, 0, text.length())), "text/plain", false, List.of()));
      long t1 = System.nanoTime();
      SegmentedText s = segmenter.segment(n, Deadline.none(), Integer.MAX_VALUE);
      long t2 = System.nanoTime();
      analyser.analyse(s, r -> true, Deadline.none(), new ArrayList<>());
      long t3 = System.nanoTime();
      System.out.printf("%d chars: normalise %d ms, segment %d ms, analyse %d ms%n", sizes[k], (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
      perChar[k] = (t3 - t0) / sizes[k];
    }
    assertTrue(perChar[1] < perChar[0] * 3, "time per char grows with size: " + perChar[0] + " -> " + perChar[1] + " ns");
  }
}
