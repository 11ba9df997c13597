package io.fairtender.analyse.model;

import io.fairtender.analyse.Category;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * The trained Chinese models: a sentence detector and a clause classifier, loaded from {@code /models/} on the
 * classpath (built by {@code ./fairtender train}). Thread-safe: the OpenNLP ME objects, which are not, live per thread.
 */
public final class Models {
  static {
    // the sentence model names ChineseSentenceFactory; OpenNLP only instantiates classes from allowed packages
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.fairtender.analyse.model");
  }

  public static final String SENTENCE_MODEL = "/models/zh-sent.bin";
  public static final String CLAUSE_MODEL = "/models/zh-clause.bin";
  public static final String CLAUSE_SETTINGS = "/models/zh-clause.properties";

  private final SentenceModel sentences;
  private final DoccatModel clauses;
  private final double threshold;
  private final ThreadLocal<SentenceDetectorME> sentenceMe;
  private final ThreadLocal<DocumentCategorizerME> clauseMe;

  public Models(SentenceModel sentences, DoccatModel clauses, double threshold) {
    this.sentences = sentences;
    this.clauses = clauses;
    this.threshold = threshold;
    this.sentenceMe = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentences));
    this.clauseMe = ThreadLocal.withInitial(() -> new DocumentCategorizerME(clauses));
  }

  /** Loads the models from the classpath; a missing or unreadable model fails with the file named. */
  public static Models load() {
    return load(Models::open);
  }

  /** Loads the models from a folder (e.g. {@code models/} right after {@code ./fairtender train}). */
  public static Models load(java.nio.file.Path dir) {
    return load(resource -> java.nio.file.Files.newInputStream(dir.resolve(resource.substring(resource.lastIndexOf('/') + 1))));
  }

  /** Opens a model resource by its classpath name. */
  interface Opener {
    InputStream open(String resource) throws IOException;
  }

  private static Models load(Opener opener) {
    SentenceModel s;
    DoccatModel c;
    Properties p = new Properties();
    try (InputStream in = opener.open(SENTENCE_MODEL)) {
      s = new SentenceModel(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load the sentence model " + SENTENCE_MODEL + ": " + e.getMessage()
          + " (rebuild it with ./fairtender train)", e);
    }
    try (InputStream in = opener.open(CLAUSE_MODEL)) {
      c = new DoccatModel(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load the clause model " + CLAUSE_MODEL + ": " + e.getMessage()
          + " (rebuild it with ./fairtender train)", e);
    }
    try (InputStream in = opener.open(CLAUSE_SETTINGS)) {
      p.load(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load " + CLAUSE_SETTINGS + ": " + e.getMessage(), e);
    }
    return new Models(s, c, Double.parseDouble(p.getProperty("threshold", "1.01")));
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = Models.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("not on the classpath");
    }
    return in;
  }

  public double threshold() {
    return threshold;
  }

  /** Sentence spans [start, end) of {@code text[from, to)}, in input indices. */
  public List<int[]> sentences(String text, int from, int to) {
    ChineseText.Spaced sp = ChineseText.spaced(text.subSequence(from, to));
    List<int[]> out = new ArrayList<>();
    for (Span span : sentenceMe.get().sentPosDetect(sp.text())) {
      int s = sp.origin()[span.getStart()];
      int e = sp.toInputEnd(span.getEnd());
      if (s >= 0 && e > s) {
        out.add(new int[] {from + s, from + e});
      }
    }
    return out;
  }

  /**
   * The most likely discrimination category for a clause, with its probability ("none" only when the model knows no
   * other category). Ranking by the best category other than "none" lets a threshold trade precision for recall even
   * where "none" outweighs every single category, as it does on real documents.
   */
  public Rating rate(CharSequence clause) {
    double[] probs = clauseMe.get().categorize(ChineseText.tokens(clause));
    String best = "none";
    double score = 0;
    for (int i = 0; i < probs.length; i++) {
      String c = clauseMe.get().getCategory(i);
      if (!c.equals("none") && (best.equals("none") || probs[i] > score)) {
        best = c;
        score = probs[i];
      }
    }
    return new Rating(best, score);
  }

  /** A category and its probability. */
  public record Rating(String category, double score) {
    public boolean flags(double threshold) {
      return !category.equals("none") && score >= threshold && isCategory(category);
    }

    private static boolean isCategory(String c) {
      try {
        Category.fromId(c);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
