package io.fairtender.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** RepeatedGlyphs gives PDFBox's answer for every glyph: the same repeats, the same exceptions. */
class RepeatedGlyphsTest {

  /** PDFBox's formulation of the test (tree maps keyed by boxed floats), written out as the oracle. */
  private static final class TreeOracle {
    private final Map<String, TreeMap<Float, TreeSet<Float>>> kept = new HashMap<>();

    boolean repeat(String text, float x, float y, float width) {
      TreeMap<Float, TreeSet<Float>> same = kept.computeIfAbsent(text, k -> new TreeMap<>());
      float t = width / text.length() / 3.0f;
      for (TreeSet<Float> column : same.subMap(x - t, x + t).values()) {
        if (!column.subSet(y - t, y + t).isEmpty()) {
          return true;
        }
      }
      same.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
      return false;
    }
  }

  private static String answer(Object impl, String text, float x, float y, float w) {
    try {
      boolean r = impl instanceof RepeatedGlyphs g ? g.repeat(text, x, y, w) : ((TreeOracle) impl).repeat(text, x, y, w);
      return Boolean.toString(r);
    } catch (IllegalArgumentException e) {
      return "IAE";
    }
  }

  @Test
  void fakeBoldIsARepeatAndTheNextCharacterIsNot() {
    RepeatedGlyphs g = new RepeatedGlyphs();
    assertEquals(false, g.repeat("招", 100f, 700f, 12f));
    assertEquals(true, g.repeat("招", 100.3f, 700.2f, 12f)); // painted again 0.3 pt to the right
    assertEquals(false, g.repeat("标", 112f, 700f, 12f));
    assertEquals(false, g.repeat("招", 112f, 700f, 12f)); // same text one glyph further on
    assertEquals(false, g.repeat("招", 100f, 712f, 12f)); // next line
    g.clear();
    assertEquals(false, g.repeat("招", 100f, 700f, 12f)); // a new page remembers nothing
  }

  @Test
  void agreesWithTheTreeFormulationOnRandomPages() {
    String[] texts = {"的", "的", "的", "a", " ", ".", "ab", "fi", ""};
    float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 3e7f, -3e7f, 9.99e6f};
    Random random = new Random(20261130L);
    int repeats = 0;
    for (int page = 0; page < 400; page++) {
      RepeatedGlyphs g = new RepeatedGlyphs();
      TreeOracle oracle = new TreeOracle();
      int glyphs = 1 + random.nextInt(page % 10 == 0 ? 3000 : 200);
      float[][] placed = new float[glyphs][];
      for (int i = 0; i < glyphs; i++) {
        String text = texts[random.nextInt(texts.length)];
        float x;
        float y;
        if (i > 0 && random.nextInt(4) == 0) { // near an earlier glyph: a repeat or a near miss
          float[] p = placed[random.nextInt(i)];
          x = p[0] + (float) random.nextGaussian() * 3f;
          y = p[1] + (float) random.nextGaussian() * 3f;
        } else if (random.nextInt(200) == 0) {
          x = odd[random.nextInt(odd.length)];
          y = random.nextBoolean() ? odd[random.nextInt(odd.length)] : random.nextFloat() * 800f;
        } else {
          x = random.nextInt(60) * 10.5f;
          y = random.nextInt(60) * 13f;
        }
        float w = switch (random.nextInt(60)) {
          case 0 -> -4f;
          case 1 -> Float.NaN;
          case 2 -> 0f;
          case 3 -> 500f;
          case 4 -> odd[random.nextInt(odd.length)];
          default -> 2f + random.nextFloat() * 12f;
        };
        placed[i] = new float[] {x, y};
        String expected = answer(oracle, text, x, y, w);
        assertEquals(expected, answer(g, text, x, y, w),
            () -> "glyph " + text + " at " + x + "," + y + " width " + w);
        if (expected.equals("true")) {
          repeats++;
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(repeats > 1000, "the random pages hold repeats: " + repeats);
  }
}
