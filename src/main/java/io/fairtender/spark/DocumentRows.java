package io.fairtender.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.report.ReportJson;
import io.fairtender.scan.DocumentSummary;
import io.fairtender.scan.ScanItem;
import io.fairtender.scan.ScanSource;
import io.fairtender.scan.ScanState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark job's rows: one per document (the columns of {@code scan}'s summary plus the report as JSON) and one per
 * finding. One {@link Checker} per executor JVM, created on first use.
 */
final class DocumentRows {
  static final StructType DOCUMENT = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("sha256", DataTypes.StringType, true)
      .add("bytes", DataTypes.LongType, false)
      .add("status", DataTypes.StringType, false)
      .add("errorCode", DataTypes.StringType, true)
      .add("errorMessage", DataTypes.StringType, true)
      .add("buyer", DataTypes.StringType, true)
      .add("date", DataTypes.StringType, true)
      .add("regime", DataTypes.StringType, true)
      .add("type", DataTypes.StringType, true)
      .add("budgetCny", DataTypes.DoubleType, true)
      .add("reserved", DataTypes.BooleanType, true)
      .add("pages", DataTypes.IntegerType, false)
      .add("violations", DataTypes.IntegerType, false)
      .add("risks", DataTypes.IntegerType, false)
      .add("info", DataTypes.IntegerType, false)
      .add("failedPolicyChecks", DataTypes.StringType, true)
      .add("report", DataTypes.StringType, true);
  static final StructType FINDING = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("ruleId", DataTypes.StringType, false)
      .add("category", DataTypes.StringType, false)
      .add("severity", DataTypes.StringType, false)
      .add("page", DataTypes.IntegerType, false)
      .add("line", DataTypes.IntegerType, false)
      .add("quote", DataTypes.StringType, true)
      .add("section", DataTypes.StringType, true)
      .add("message", DataTypes.StringType, true);

  private static volatile Checker checker;

  private DocumentRows() {}

  static Checker checker(boolean ocr) {
    Checker c = checker;
    if (c == null) {
      synchronized (DocumentRows.class) {
        if (checker == null) {
          checker = Checker.create(CheckerConfig.defaults().withOcr(ocr));
        }
        c = checker;
      }
    }
    return c;
  }

  static boolean isDocument(String uri) {
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    return !name.startsWith(".") && !uri.contains("/.") && ScanSource.isDocument(name);
  }

  /** The path relative to the input it was found under, as {@code scan} names it. */
  static String relative(String uri, List<String> roots) {
    String path = new org.apache.hadoop.fs.Path(uri).toUri().getPath();
    for (String root : roots) {
      String r = root.contains(":") ? new org.apache.hadoop.fs.Path(root).toUri().getPath()
          : java.nio.file.Path.of(root).toAbsolutePath().normalize().toString();
      r = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
      if (path.startsWith(r + "/")) {
        String rel = path.substring(r.length() + 1);
        return roots.size() > 1 ? r.substring(r.lastIndexOf('/') + 1) + "/" + rel : rel;
      }
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static Row check(String uri, byte[] content, List<String> roots, boolean ocr, CheckOptions options) {
    String path = relative(uri, roots);
    String name = path.substring(path.lastIndexOf('/') + 1);
    String sha = Checker.sha256(content);
    ScanItem item = new ScanItem(java.nio.file.Path.of(name), path, content.length, 0);
    try {
      String json = ReportJson.line(checker(ocr).check(new DocumentInput(content, name, null), options));
      JsonNode report = ReportJson.mapper().readTree(json);
      DocumentSummary d = DocumentSummary.of(new ScanState.Row(path, sha, content.length, 0, "done", null, null), report);
      return RowFactory.create(path, sha, (long) content.length, "done", null, null, d.buyer(), d.date(), d.regime(),
          d.type(), d.budget(), d.reserved(), d.pages(), d.violations(), d.risks(), d.infos(),
          String.join(" ", d.failedChecks()), json);
    } catch (CheckException e) {
      return failed(item, sha, e.code().name(), e.getMessage());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return failed(item, sha, "INTERNAL", e.toString());
    }
  }

  private static Row failed(ScanItem item, String sha, String code, String message) {
    return RowFactory.create(item.path(), sha, item.bytes(), "failed", code, message, null, null, null, null, null, null,
        0, 0, 0, 0, null, null);
  }

  static Iterator<Row> findings(Row doc) throws IOException {
    List<Row> out = new ArrayList<>();
    String json = doc.getAs("report");
    if (json != null) {
      for (JsonNode f : ReportJson.mapper().readTree(json).path("findings")) {
        out.add(RowFactory.create(doc.getAs("path"), f.path("ruleId").asText(), f.path("category").asText(),
            f.path("severity").asText(), f.path("page").asInt(), f.path("line").asInt(), f.path("quote").asText(),
            f.path("section").asText(), f.path("message").asText()));
      }
    }
    return out.iterator();
  }
}
