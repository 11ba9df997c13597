package io.fairtender.report;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * The officer's own Word file with a comment on each finding's exact run of text (rule, why, legal basis, suggested
 * rewrite). The report's text and the document's runs are aligned once, character by character, into an explicit
 * map; each finding's offsets go through that map to runs, which are split where a quote starts or ends inside one.
 * A DOC or WPS file is answered with a DOCX of its extracted text, annotated the same way ({@link #fromText}).
 */
public final class DocxAnnotator {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  /** A comment placed: the finding, its comment id, and the text the comment's range holds. */
  public record Placed(Finding finding, int id) {}

  private DocxAnnotator() {}

  public static byte[] annotate(byte[] docx, Report report, boolean english) {
    return annotate(docx, report, english, new ArrayList<>());
  }

  /** Annotates and records the comments placed (for tests). */
  public static byte[] annotate(byte[] docx, Report report, boolean english, List<Placed> placed) {
    if (report.text() == null) {
      throw new IllegalArgumentException("the report must carry its text");
    }
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      comment(doc, report, english, placed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new CheckException(ErrorCode.CORRUPT, "the Word file cannot be annotated", e);
    }
  }

  /** A DOCX of the extracted text (one paragraph per line) with the same comments: for DOC and WPS files. */
  public static byte[] fromText(Report report, boolean english) {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (String line : report.text().split("\n", -1)) {
        doc.createParagraph().createRun().setText(line.replace('\t', ' '));
      }
      comment(doc, report, english, new ArrayList<>());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void comment(XWPFDocument doc, Report report, boolean english, List<Placed> placed) {
    RunText runs = RunText.of(doc);
    int[] map = align(report.text(), runs.text.toString());
    XWPFComments comments = doc.getDocComments() != null ? doc.getDocComments() : doc.createComments();
    int id = comments.getComments().size() + 1000;
    Splitter splitter = new Splitter();
    String text = report.text();
    for (Finding f : report.findings()) {
      if (f.entry() != null) {
        continue;
      }
      int from = text.offsetByCodePoints(0, Math.min(f.start(), text.codePointCount(0, text.length())));
      int to = text.offsetByCodePoints(0, Math.min(f.end(), text.codePointCount(0, text.length())));
      int a = firstMapped(map, from, to);
      int b = lastMapped(map, from, to);
      if (a < 0 || b < 0) {
        continue;
      }
      RunText.Pos start = runs.pos.get(map[a]);
      RunText.Pos end = runs.pos.get(map[b]);
      XWPFRun first = splitter.startAt(start.run(), start.offset());
      XWPFRun last = splitter.endAfter(end.run(), end.offset());
      BigInteger cid = BigInteger.valueOf(id++);
      mark(first, last, cid);
      XWPFComment c = comments.createComment(cid);
      c.setAuthor("FairTender");
      c.setInitials("FT");
      c.setDate(Calendar.getInstance());
      for (String line : PdfAnnotator.note(f, english).split("\n")) {
        c.createParagraph().createRun().setText(line);
      }
      placed.add(new Placed(f, cid.intValue()));
    }
  }

  private static int firstMapped(int[] map, int from, int to) {
    for (int i = from; i < to; i++) {
      if (map[i] >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int lastMapped(int[] map, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (map[i] >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * For each char of the report's text, the index of the same char in the runs' text, or -1. Whitespace is not
   * mapped; after a mismatch (header text, a field) the walk resumes where the next eight characters agree.
   */
  static int[] align(String extracted, String runs) {
    int[] map = new int[extracted.length()];
    java.util.Arrays.fill(map, -1);
    int j = 0;
    for (int i = 0; i < extracted.length(); i++) {
      char c = extracted.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      while (j < runs.length() && Character.isWhitespace(runs.charAt(j))) {
        j++;
      }
      if (j < runs.length() && runs.charAt(j) == c) {
        map[i] = j++;
        continue;
      }
      int k = resync(extracted, i, runs, j);
      if (k >= 0) {
        map[i] = k;
        j = k + 1;
      }
    }
    return map;
  }

  private static int resync(String extracted, int i, String runs, int j) {
    String gram = extracted.substring(i, Math.min(extracted.length(), i + 8));
    if (gram.length() < 4) {
      return -1;
    }
    int k = runs.indexOf(gram, j);
    return k >= 0 && k - j <= 4000 ? k : -1;
  }

  /** Puts a comment range around the runs from {@code first} to {@code last} and a reference run after it. */
  private static void mark(XWPFRun first, XWPFRun last, BigInteger id) {
    try (XmlCursor c = first.getCTR().newCursor()) {
      c.beginElement(new QName(W, "commentRangeStart", "w"));
      c.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
    }
    try (XmlCursor c = last.getCTR().newCursor()) {
      c.toEndToken();
      c.toNextToken();
      c.beginElement(new QName(W, "commentRangeEnd", "w"));
      c.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
      c.toEndToken();
      c.toNextToken();
      c.beginElement(new QName(W, "r", "w"));
      c.beginElement(new QName(W, "commentReference", "w"));
      c.insertAttributeWithValue(new QName(W, "id", "w"), id.toString());
    }
  }

  /** The text of every run of the body in document order (tables cell by cell) and where each char stands. */
  static final class RunText {
    record Pos(XWPFRun run, int offset) {}

    final StringBuilder text = new StringBuilder();
    final List<Pos> pos = new ArrayList<>();

    static RunText of(XWPFDocument doc) {
      RunText t = new RunText();
      t.body(doc.getBodyElements());
      return t;
    }

    private void body(List<IBodyElement> elements) {
      for (IBodyElement e : elements) {
        if (e instanceof XWPFParagraph p) {
          for (XWPFRun r : p.getRuns()) {
            String s = r.text();
            for (int i = 0; i < s.length(); i++) {
              text.append(s.charAt(i));
              pos.add(new Pos(r, i));
            }
          }
          text.append('\n');
          pos.add(null);
        } else if (e instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
              body(cell.getBodyElements());
            }
          }
        }
      }
    }

    /** The runs' text holds a null position at paragraph ends; they are whitespace, so never mapped. */
    private RunText() {}
  }

  /**
   * Splits runs where a comment starts or ends inside one. A run once split is a list of pieces by the offset they
   * start at, so earlier splits never move the positions later findings refer to.
   */
  private static final class Splitter {
    private final Map<XWPFRun, TreeMap<Integer, XWPFRun>> pieces = new IdentityHashMap<>();

    /** The piece of {@code run} that starts exactly at {@code offset}. */
    XWPFRun startAt(XWPFRun run, int offset) {
      return split(run, offset);
    }

    /** The piece of {@code run} that ends exactly after {@code offset}. */
    XWPFRun endAfter(XWPFRun run, int offset) {
      split(run, offset + 1);
      return piece(run, offset);
    }

    private XWPFRun piece(XWPFRun run, int offset) {
      TreeMap<Integer, XWPFRun> p = pieces.computeIfAbsent(run, r -> new TreeMap<>(Map.of(0, r)));
      return p.floorEntry(offset).getValue();
    }

    private XWPFRun split(XWPFRun run, int offset) {
      TreeMap<Integer, XWPFRun> p = pieces.computeIfAbsent(run, r -> new TreeMap<>(Map.of(0, r)));
      Map.Entry<Integer, XWPFRun> e = p.floorEntry(offset);
      if (e.getKey() == offset) {
        return e.getValue();
      }
      XWPFRun left = e.getValue();
      String s = left.text();
      int at = offset - e.getKey();
      if (at >= s.length()) {
        return left; // past the end: nothing to split
      }
      XWPFParagraph para = (XWPFParagraph) left.getParent();
      XWPFRun right = para.insertNewRun(para.getRuns().indexOf(left) + 1);
      if (left.getCTR().getRPr() != null) {
        right.getCTR().setRPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) left.getCTR().getRPr().copy());
      }
      setText(left, s.substring(0, at));
      setText(right, s.substring(at));
      p.put(offset, right);
      return right;
    }

    private static void setText(XWPFRun run, String text) {
      while (run.getCTR().sizeOfTArray() > 0) {
        run.getCTR().removeT(0);
      }
      while (run.getCTR().sizeOfTabArray() > 0) {
        run.getCTR().removeTab(0);
      }
      String[] parts = text.split("\t", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          run.addTab();
        }
        if (!parts[i].isEmpty()) {
          run.setText(parts[i], run.getCTR().sizeOfTArray());
        }
      }
    }
  }
}
