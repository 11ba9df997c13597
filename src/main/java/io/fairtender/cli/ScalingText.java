package io.fairtender.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Chinese tender text of any length for the scaling benchmark: the lines of the team's own test documents (GB18030
 * {@code test-docs/*.txt}) after a few clause lines of our own, repeated as numbered chapters with the numbers in each
 * copy varied so that no two chapters are identical.
 */
final class ScalingText {
  /** A clause the checker flags (SME-SCALE-REGCAP); every chapter holds it. */
  static final String KNOWN_CLAUSE = "投标人注册资本不低于2000万元。";

  private static final List<String> OWN_LINES = List.of(
      "一、项目概况",
      "本项目采购办公设备一批，预算金额为人民币86万元，最高限价86万元。",
      "二、供应商资格要求",
      KNOWN_CLAUSE,
      "供应商应具有良好的商业信誉和健全的财务会计制度。",
      "三、评分办法",
      "技术方案完整、可行的得10-15分；售后服务方案详细的得5-8分。",
      "四、交货要求",
      "中标人应在合同签订后30日内交货，交货地点由采购人指定。");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+");

  private final List<String> seed;

  ScalingText(List<String> seed) {
    this.seed = List.copyOf(seed);
  }

  /** Our own clause lines, then the lines of {@code dir/*.txt} (GB18030) when that folder exists. */
  static ScalingText fromTestDocs(Path dir) throws IOException {
    List<String> lines = new ArrayList<>(OWN_LINES);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          for (String line : Files.readAllLines(p, Charset.forName("GB18030"))) {
            if (!line.isBlank()) {
              lines.add(line.strip());
            }
          }
        }
      }
    }
    return new ScalingText(lines);
  }

  /** Lines holding at least {@code chars} characters in all (each line counted with its line break). */
  List<String> lines(long chars) {
    List<String> out = new ArrayList<>();
    generate(line -> {
      out.add(line);
      return line.length() + 1;
    }, chars);
    return out;
  }

  /** Text whose UTF-8 encoding is at least {@code bytes} long. */
  String utf8Text(long bytes) {
    StringBuilder sb = new StringBuilder();
    generate(line -> {
      sb.append(line).append('\n');
      return line.getBytes(StandardCharsets.UTF_8).length + 1;
    }, bytes);
    return sb.toString();
  }

  /** Hands numbered chapters of varied seed lines to {@code sink} (which returns the size it counts) up to {@code total}. */
  private void generate(java.util.function.ToLongFunction<String> sink, long total) {
    long n = 0;
    for (int chapter = 1; n < total; chapter++) {
      n += sink.applyAsLong("第" + chapter + "章 采购需求（第" + chapter + "部分）");
      for (int i = 0; i < seed.size() && n < total; i++) {
        n += sink.applyAsLong(vary(seed.get(i), chapter));
      }
    }
  }

  /** The line with every number n replaced by n + chapter - 1 (chapter 1 keeps the original numbers). */
  static String vary(String line, int chapter) {
    if (chapter == 1) {
      return line;
    }
    Matcher m = NUMBER.matcher(line);
    StringBuilder sb = new StringBuilder(line.length() + 8);
    while (m.find()) {
      String digits = m.group();
      String replacement = digits.length() > 9 ? digits : Long.toString(Long.parseLong(digits) + chapter - 1);
      m.appendReplacement(sb, replacement);
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
