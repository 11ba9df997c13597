package io.fairtender.analyse.model;

import io.fairtender.segment.Segmenter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.sentdetect.SentenceSampleStream;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.PlainTextByLineStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Rebuilds the models from {@code models/data} with fixed settings (GIS maxent is deterministic), writes them to
 * {@code models/}, and prints their evaluation on held-out data.
 */
public final class ModelTrainer {
  static {
    // the sentence model names ChineseSentenceFactory; OpenNLP only instantiates classes from allowed packages
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.fairtender.analyse.model");
  }

  private static final double TARGET_PRECISION = 0.9;
  private final Path dir;
  private final PrintWriter out;

  public ModelTrainer(Path modelsDir, PrintWriter out) {
    this.dir = modelsDir;
    this.out = out;
  }

  public void run() throws IOException {
    run(List.of());
  }

  /**
   * Trains on {@code data/} and on {@code corpusRows} ({split, label, text} of the real documents' clauses, split by
   * document), and reports the held-out figures of both.
   */
  public void run(List<String[]> corpusRows) throws IOException {
    SentenceModel sent = trainSentences(read(dir.resolve("data/sentences-train.txt")));
    try (OutputStream os = Files.newOutputStream(dir.resolve("zh-sent.bin"))) {
      sent.serialize(os);
    }
    evaluateSentences(sent, read(dir.resolve("data/sentences-test.txt")));

    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("data/clauses.tsv"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        rows.add(line.split("\t", 3));
      }
    }
    List<String[]> own = List.copyOf(rows);
    rows.addAll(corpusRows);
    DoccatModel clause = trainClauses(rows, "train");
    try (OutputStream os = Files.newOutputStream(dir.resolve("zh-clause.bin"))) {
      clause.serialize(os);
    }
    Models probe = new Models(sent, clause, 1.01);
    double threshold = chooseThreshold(probe, rows);
    Map<String, int[]> test = score(probe, rows, "test", threshold);
    Properties p = new Properties();
    p.setProperty("threshold", String.format(Locale.ROOT, "%.2f", threshold));
    p.setProperty("targetPrecision", String.valueOf(TARGET_PRECISION));
    int[] all = test.get("overall");
    p.setProperty("test.precision", String.format(Locale.ROOT, "%.3f", precision(all)));
    p.setProperty("test.recall", String.format(Locale.ROOT, "%.3f", recall(all)));
    if (!corpusRows.isEmpty()) {
      int[] ownTest = score(probe, own, "test", threshold).get("overall");
      int[] corpusTest = score(probe, corpusRows, "test", threshold).get("overall");
      p.setProperty("test.own.precision", String.format(Locale.ROOT, "%.3f", precision(ownTest)));
      p.setProperty("test.own.recall", String.format(Locale.ROOT, "%.3f", recall(ownTest)));
      p.setProperty("test.corpus.precision", String.format(Locale.ROOT, "%.3f", precision(corpusTest)));
      p.setProperty("test.corpus.recall", String.format(Locale.ROOT, "%.3f", recall(corpusTest)));
      p.setProperty("corpus.rows", String.valueOf(corpusRows.size()));
    }
    try (OutputStream os = Files.newOutputStream(dir.resolve("zh-clause.properties"))) {
      p.store(os, "chosen on the dev split by ./fairtender train; test figures on the test split");
    }
    out.printf(Locale.ROOT, "clause classifier: threshold %.2f (lowest on the dev split with precision >= %.2f)%n", threshold, TARGET_PRECISION);
    out.printf("%-14s %6s %6s %4s %4s %4s%n", "category", "prec", "recall", "tp", "fp", "fn");
    for (Map.Entry<String, int[]> e : test.entrySet()) {
      int[] c = e.getValue();
      out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %4d %4d %4d%n", e.getKey(), precision(c), recall(c), c[0], c[1], c[2]);
    }
    out.flush();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** One sentence per line, documents separated by blank lines; inner EOS chars get a space too, as at detection. */
  static SentenceModel trainSentences(String data) throws IOException {
    StringBuilder prepared = new StringBuilder();
    for (String line : data.split("\n", -1)) {
      prepared.append(line.isBlank() ? "" : ChineseText.spaced(line.strip()).text().strip()).append('\n');
    }
    byte[] bytes = prepared.toString().getBytes(StandardCharsets.UTF_8);
    try (ObjectStream<SentenceSample> samples = new SentenceSampleStream(
        new PlainTextByLineStream(() -> new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      TrainingParameters params = TrainingParameters.defaultParams();
      params.put(TrainingParameters.ITERATIONS_PARAM, 300);
      params.put(TrainingParameters.CUTOFF_PARAM, 1);
      return SentenceDetectorME.train("zh", samples, new ChineseSentenceFactory(ChineseText.EOS), params);
    }
  }

  /** Boundary precision and recall of the model and of the rule-based splitter on the same held-out documents. */
  private void evaluateSentences(SentenceModel model, String data) {
    Models m = new Models(model, null, 1.01);
    int[] ruleCounts = new int[3];
    int[] modelCounts = new int[3];
    int[] pipelineCounts = new int[3];
    int[] semiRule = new int[2];
    int[] semiModel = new int[2];
    Segmenter pipeline = new Segmenter(m);
    int sentences = 0;
    for (String doc : data.split("\n\\s*\n")) {
      List<String> gold = new ArrayList<>();
      for (String l : doc.split("\n")) {
        if (!l.isBlank()) {
          gold.add(l.strip());
        }
      }
      if (gold.isEmpty()) {
        continue;
      }
      sentences += gold.size();
      String text = String.join("", gold);
      Set<Integer> want = new HashSet<>();
      int pos = 0;
      for (String s : gold) {
        pos += s.length();
        want.add(pos);
      }
      want.remove(text.length());
      count(want, ends(Segmenter.ruleSentences(text, 0, text.length()), text.length()), ruleCounts);
      Set<Integer> modelEnds = ends(m.sentences(text, 0, text.length()), text.length());
      Set<Integer> ruleEnds = ends(Segmenter.ruleSentences(text, 0, text.length()), text.length());
      count(want, modelEnds, modelCounts);
      count(want, ends(pipeline.sentenceSpans(text, 0, text.length()), text.length()), pipelineCounts);
      // the decision the model takes over in the pipeline: is a semicolon a sentence end?
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ';' || c == '；') {
          boolean truth = want.contains(i + 1);
          semiRule[0] += ruleEnds.contains(i + 1) == truth ? 1 : 0;
          semiModel[0] += modelEnds.contains(i + 1) == truth ? 1 : 0;
          semiRule[1]++;
          semiModel[1]++;
        }
      }
    }
    out.printf(Locale.ROOT, "sentence boundaries, %d held-out sentences:%n", sentences);
    out.printf(Locale.ROOT, "  rule-based splitter: precision %.3f recall %.3f F1 %.3f%n", precision(ruleCounts), recall(ruleCounts), f1(ruleCounts));
    out.printf(Locale.ROOT, "  OpenNLP model:       precision %.3f recall %.3f F1 %.3f%n", precision(modelCounts), recall(modelCounts), f1(modelCounts));
    out.printf(Locale.ROOT, "  pipeline (rules, model on semicolons in long sentences): precision %.3f recall %.3f F1 %.3f%n",
        precision(pipelineCounts), recall(pipelineCounts), f1(pipelineCounts));
    out.printf(Locale.ROOT, "  semicolon decisions (%d): rules %.3f correct, model %.3f correct%n", semiRule[1],
        semiRule[0] / (double) Math.max(1, semiRule[1]), semiModel[0] / (double) Math.max(1, semiModel[1]));
  }

  private static Set<Integer> ends(List<int[]> spans, int length) {
    Set<Integer> out = new HashSet<>();
    for (int[] s : spans) {
      if (s[1] < length) {
        out.add(s[1]);
      }
    }
    return out;
  }

  private static void count(Set<Integer> want, Set<Integer> got, int[] c) {
    for (int g : got) {
      if (want.contains(g)) {
        c[0]++;
      } else {
        c[1]++;
      }
    }
    for (int w : want) {
      if (!got.contains(w)) {
        c[2]++;
      }
    }
  }

  static DoccatModel trainClauses(List<String[]> rows, String split) throws IOException {
    List<DocumentSample> samples = new ArrayList<>();
    for (String[] r : rows) {
      if (r[0].equals(split)) {
        samples.add(new DocumentSample(r[1], ChineseText.tokens(r[2])));
      }
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, 300);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 3)});
    try (ObjectStream<DocumentSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
      return DocumentCategorizerME.train("zh", stream, params, factory);
    }
  }

  /** The lowest threshold whose flags are at least 90% right on the dev split (1.01 = never flag). */
  private static double chooseThreshold(Models m, List<String[]> rows) {
    for (int t = 5; t <= 99; t++) {
      int[] c = score(m, rows, "dev", t / 100.0).get("overall");
      if (c[0] + c[1] >= 3 && precision(c) >= TARGET_PRECISION) {
        return t / 100.0;
      }
    }
    return 1.01;
  }

  /** tp/fp/fn per category (and overall) of the model's flags on one split. */
  private static Map<String, int[]> score(Models m, List<String[]> rows, String split, double threshold) {
    Map<String, int[]> by = new TreeMap<>();
    int[] all = new int[3];
    for (String[] r : rows) {
      if (!r[0].equals(split)) {
        continue;
      }
      Models.Rating rating = m.rate(r[2]);
      String got = rating.flags(threshold) ? rating.category() : "none";
      String want = r[1];
      if (!got.equals("none") && got.equals(want)) {
        by.computeIfAbsent(want, k -> new int[3])[0]++;
        all[0]++;
      } else {
        if (!got.equals("none")) {
          by.computeIfAbsent(got, k -> new int[3])[1]++;
          all[1]++;
        }
        if (!want.equals("none")) {
          by.computeIfAbsent(want, k -> new int[3])[2]++;
          all[2]++;
        }
      }
    }
    by.put("overall", all);
    return by;
  }

  static double precision(int[] c) {
    return c[0] + c[1] == 0 ? 1.0 : c[0] / (double) (c[0] + c[1]);
  }

  static double recall(int[] c) {
    return c[0] + c[2] == 0 ? 1.0 : c[0] / (double) (c[0] + c[2]);
  }

  static double f1(int[] c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
