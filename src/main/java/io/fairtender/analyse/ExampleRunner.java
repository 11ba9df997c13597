package io.fairtender.analyse;

import io.fairtender.Deadline;
import io.fairtender.extract.ExtractedText;
import io.fairtender.extract.MediaTypes;
import io.fairtender.extract.Page;
import io.fairtender.normalise.NormalisedText;
import io.fairtender.normalise.Normaliser;
import io.fairtender.segment.SegmentedText;
import io.fairtender.segment.Segmenter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a rule's embedded examples through the real normalise → segment → analyse path: a positive example must
 * give exactly its marked spans, a negative one nothing. Used by the test suite and to verify rule packs.
 */
public final class ExampleRunner {
  private final Normaliser normaliser = new Normaliser();
  private final Segmenter segmenter = new Segmenter();

  /** Problems with one example; empty when it behaves as written. */
  public List<String> verify(Rule rule, Example example) {
    List<int[]> got = spans(rule, example);
    List<String> problems = new ArrayList<>();
    String plain = example.plain();
    if (example.positive()) {
      List<int[]> want = example.marked();
      if (!sameSpans(want, got)) {
        problems.add(rule.id() + ": positive example " + example.text() + " expected " + show(plain, want)
            + " but found " + show(plain, got));
      }
    } else if (!got.isEmpty()) {
      problems.add(rule.id() + ": negative example " + plain + " was flagged at " + show(plain, got));
    }
    return problems;
  }

  /** Problems with all of a rule's examples. */
  public List<String> verify(Rule rule) {
    List<String> problems = new ArrayList<>();
    for (Example e : rule.examples()) {
      problems.addAll(verify(rule, e));
    }
    return problems;
  }

  /** The source spans (UTF-16, in the plain example text) the rule flags in an example. */
  public List<int[]> spans(Rule rule, Example example) {
    String plain = example.plain();
    ExtractedText ex = new ExtractedText(plain, List.of(new Page(1, 0, plain.length())), MediaTypes.TEXT, false, List.of());
    NormalisedText nt = normaliser.normalise(ex);
    SegmentedText seg = segmenter.segmentAs(nt, example.role());
    Analyser analyser = new Analyser(new RuleSet(List.of(rule)));
    List<Analyser.RuleError> errors = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    for (Match m : analyser.analyse(seg, r -> true, Deadline.none(), errors)) {
      out.add(new int[] {nt.sourceStart(m.start()), nt.sourceEnd(m.end())});
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(rule.id() + " threw: " + errors.get(0).message());
    }
    return out;
  }

  private static boolean sameSpans(List<int[]> a, List<int[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
        return false;
      }
    }
    return true;
  }

  private static String show(String text, List<int[]> spans) {
    List<String> parts = new ArrayList<>();
    for (int[] s : spans) {
      parts.add("⟦" + text.substring(s[0], s[1]) + "⟧@" + s[0]);
    }
    return parts.isEmpty() ? "nothing" : String.join(" ", parts);
  }
}
