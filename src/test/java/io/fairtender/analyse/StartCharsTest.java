package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import io.fairtender.segment.SectionRole;
import io.fairtender.segment.Unit;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StartCharsTest {
  @Test
  void aCharacterNoMatchCanStartWithIsRefused() {
    StartChars s = StartChars.of(Pattern.compile("(?<!项目)(?:注册资本|注册资金)(?:不低于|不少于)"));
    assertTrue(s.canStart('注'));
    assertFalse(s.canStart('在'));
    assertFalse(s.canStart('a'));
    assertFalse(s.unrestricted());
  }

  @Test
  void aLookAheadOrAnOptionalOpeningLetsItsCharactersThrough() {
    StartChars s = StartChars.of(Pattern.compile("(?=[^。]{0,4}业绩)(?:近三年)?(?:类似)?项目业绩"));
    assertTrue(s.canStart('近'));
    assertTrue(s.canStart('类'));
    assertTrue(s.canStart('的'), "the look-ahead reads on past a single character: not refused");
  }

  @Test
  void patternsThatDependOnWhatComesBeforeOrOnTheEndAreNotRestricted() {
    assertTrue(StartChars.of(Pattern.compile("(?<=须)具有")).unrestricted());
    assertTrue(StartChars.of(Pattern.compile("\\b[A-Z]+")).unrestricted());
    assertTrue(StartChars.of(Pattern.compile("分$")).unrestricted());
    assertTrue(StartChars.of(Pattern.compile("(?:业绩)?")).unrestricted(), "can match the empty string");
    assertTrue(StartChars.ANY.canStart('x'));
  }

  /** Every built-in rule pattern gives, through the start-character filter, exactly the matches find() gives. */
  @Test
  void filteredSpansEqualFindOverTheUnitForEveryRulePatternOnTheWrittenDocuments() throws IOException {
    List<String> lines = new ArrayList<>();
    Path docs = TestPaths.project().resolve("test-docs");
    try (Stream<Path> files = Files.list(docs)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        lines.addAll(Files.readAllLines(f, Charset.forName("GB18030")));
      }
    }
    try (Stream<Path> files = Files.list(docs.resolve("eval"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.add("前文。" + "本项目要求投标人注册资本不低于500万元，在杭州市设有分公司，近3年在本省完成的同类项目业绩。");
    // patterns anchored on the gazetteer (LexiconAnchor): names at several places, one inside another match's span
    lines.add("具有绍兴地区完成的同类业绩，每个得1分；新疆、新余市内类似项目业绩；在宁波市、杭州设有办事处、分公司的得2分。");
    lines.add("杭州市内业绩宁波市内业绩"); // a match at the unit's first char, the next where the first ends
    int compared = 0;
    int found = 0;
    List<Rule> rules = new ArrayList<>(RuleSet.builtin().rules());
    rules.add(null); // the unit features, tried the same way (UnitContext.has)
    for (Rule r : rules) {
      List<Pattern> all = new ArrayList<>();
      if (r == null) {
        java.util.Arrays.stream(UnitFeature.values()).forEach(f -> all.add(f.pattern()));
      } else {
        all.addAll(r.patterns());
        all.addAll(r.requireAny());
        all.addAll(r.exclude());
      }
      String id = r == null ? "feature" : r.id();
      for (Pattern p : all) {
        PatternScan scan = PatternScan.of(p);
        for (String line : lines) {
          String text = "。" + line + "。";
          Unit unit = new Unit(1, text.length() - 1, null, SectionRole.OTHER, false);
          List<int[]> expected = find(p, text, unit);
          List<int[]> actual = new UnitContext(text, unit, x -> scan).spans(p);
          assertEquals(expected.size(), actual.size(), id + " " + p + " on " + line);
          assertEquals(!expected.isEmpty(), new UnitContext(text, unit, x -> scan).finds(p), id + " finds, on " + line);
          for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), id + " on " + line);
          }
          compared++;
          found += expected.size();
        }
      }
    }
    assertTrue(compared > 10_000, "compared " + compared);
    assertTrue(found > 100, "matches compared " + found);
  }

  /** The spans as RuleKind found them before the filter: find() over the unit's region of the whole text. */
  private static List<int[]> find(Pattern p, String text, Unit u) {
    Matcher m = p.matcher(text);
    m.region(u.start(), u.end());
    List<int[]> out = new ArrayList<>();
    while (m.find()) {
      int s;
      int e;
      try {
        s = m.start("m") >= 0 ? m.start("m") : m.start();
        e = m.end("m") >= 0 ? m.end("m") : m.end();
      } catch (IllegalArgumentException noGroup) {
        s = m.start();
        e = m.end();
      }
      out.add(new int[] {s, e});
    }
    return out;
  }
}
