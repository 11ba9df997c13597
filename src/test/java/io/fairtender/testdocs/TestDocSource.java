package io.fairtender.testdocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test document written by hand in a small markup: {@code # heading}, {@code |cell|cell} table rows,
 * {@code ---page---} page breaks, plain paragraphs, and {@code ⟦RULE-ID|clause⟧} marking each finding the checker
 * must report (the rule and the exact text it must quote).
 */
public record TestDocSource(String name, List<Block> blocks, List<Expected> expected) {
  private static final Pattern MARK = Pattern.compile("⟦([A-Z0-9-]+)\\|([^⟧]+)⟧");

  /** A heading, paragraph, table row or page break. */
  public record Block(Kind kind, String text, List<String> cells) {}

  /** Kinds of block. */
  public enum Kind { HEADING, PARAGRAPH, ROW, PAGE_BREAK }

  /** A finding the document must produce. */
  public record Expected(String ruleId, String quote) {}

  public static TestDocSource read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceAll("\\.md$", "");
    List<Block> blocks = new ArrayList<>();
    List<Expected> expected = new ArrayList<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (raw.isBlank()) {
        continue;
      }
      Matcher m = MARK.matcher(raw);
      StringBuilder plain = new StringBuilder();
      while (m.find()) {
        expected.add(new Expected(m.group(1), m.group(2)));
        m.appendReplacement(plain, Matcher.quoteReplacement(m.group(2)));
      }
      m.appendTail(plain);
      String line = plain.toString();
      if (line.equals("---page---")) {
        blocks.add(new Block(Kind.PAGE_BREAK, "", List.of()));
      } else if (line.startsWith("# ")) {
        blocks.add(new Block(Kind.HEADING, line.substring(2), List.of()));
      } else if (line.startsWith("|")) {
        List<String> cells = List.of(line.substring(1).split("\\|", -1));
        blocks.add(new Block(Kind.ROW, String.join("\t", cells), cells));
      } else {
        blocks.add(new Block(Kind.PARAGRAPH, line, List.of()));
      }
    }
    return new TestDocSource(name, blocks, expected);
  }
}
