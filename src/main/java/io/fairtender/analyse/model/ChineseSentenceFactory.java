package io.fairtender.analyse.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import opennlp.tools.sentdetect.DefaultSDContextGenerator;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceDetectorFactory;

/**
 * Sentence-detector factory whose features suit Chinese tender text: the characters around an end-of-sentence char,
 * whether a numbered item follows (1. / （2） / 三、), and whether the char stands inside brackets or quotes.
 * Named in the model's manifest, so it must stay on the classpath under this name.
 */
public class ChineseSentenceFactory extends SentenceDetectorFactory {
  /** For deserialisation. */
  public ChineseSentenceFactory() {
    super();
  }

  public ChineseSentenceFactory(char[] eos) {
    super("zh", true, null, eos);
  }

  @Override
  public SDContextGenerator getSDContextGenerator() {
    return new Context(getEOSCharacters());
  }

  /** Adds character-window, numbered-item and bracket-depth features to OpenNLP's defaults. */
  static final class Context extends DefaultSDContextGenerator {
    private static final String OPEN = "(（《“「【[";
    private static final String CLOSE = ")）》”」】]";

    Context(char[] eos) {
      super(Collections.emptySet(), eos);
    }

    @Override
    public String[] getContext(CharSequence sb, int position) {
      List<String> f = new ArrayList<>(List.of(super.getContext(sb, position)));
      String next = visible(sb, position + 1, 3, true);
      String prev = visible(sb, position - 1, 3, false);
      char eos = sb.charAt(position);
      f.add("eos=" + eos);
      if (!next.isEmpty()) {
        f.add("n1=" + next.charAt(0));
        f.add("n1class=" + cls(next.charAt(0)));
        f.add("eos+n1class=" + eos + cls(next.charAt(0)));
      }
      if (next.length() >= 2) {
        f.add("n12=" + next.substring(0, 2));
        f.add("n12class=" + cls(next.charAt(0)) + cls(next.charAt(1)));
        f.add("eos+n12class=" + eos + cls(next.charAt(0)) + cls(next.charAt(1)));
      }
      if (!prev.isEmpty()) {
        f.add("p1=" + prev.charAt(prev.length() - 1));
      }
      if (next.matches("^(?:\\d{1,2}[.、)）]|[(（][\\d一二三四五六七八九十]|[一二三四五六七八九十]{1,2}[、.]|[①-⑳]).*")) {
        f.add("itemFollows");
        f.add("itemFollows+" + eos);
      }
      int depth = 0;
      for (int i = 0; i < position; i++) {
        char c = sb.charAt(i);
        if (OPEN.indexOf(c) >= 0) {
          depth++;
        } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
          depth--;
        }
      }
      f.add(depth > 0 ? "inBracket" : "outside");
      f.add((depth > 0 ? "inBracket+" : "outside+") + eos);
      if (next.isEmpty()) {
        f.add("end");
      }
      return f.toArray(new String[0]);
    }

    private static String visible(CharSequence sb, int from, int n, boolean forward) {
      StringBuilder out = new StringBuilder();
      for (int i = from; i >= 0 && i < sb.length() && out.length() < n; i += forward ? 1 : -1) {
        char c = sb.charAt(i);
        if (!Character.isWhitespace(c)) {
          if (forward) {
            out.append(c);
          } else {
            out.insert(0, c);
          }
        }
      }
      return out.toString();
    }

    private static char cls(char c) {
      if (Character.isDigit(c)) {
        return 'd';
      }
      if ("一二三四五六七八九十".indexOf(c) >= 0) {
        return 'n';
      }
      if (OPEN.indexOf(c) >= 0) {
        return 'o';
      }
      if (CLOSE.indexOf(c) >= 0) {
        return 'c';
      }
      if ("、.".indexOf(c) >= 0) {
        return 'p';
      }
      return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 'h' : 'x';
    }
  }
}
