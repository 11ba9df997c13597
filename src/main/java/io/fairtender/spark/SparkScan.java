package io.fairtender.spark;

import io.fairtender.CheckOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The archive scan on a Spark cluster: reads documents from any Hadoop-compatible path (local, HDFS, S3), checks them
 * in parallel with one {@link io.fairtender.Checker} per executor, and writes per-document rows and findings as Parquet
 * plus the summary tables as CSV. A document that cannot be read is a row with its error; it never fails the job.
 *
 * <pre>
 * spark-submit --class io.fairtender.spark.SparkScan fairtender.jar --in hdfs:///archive --out hdfs:///scan-2026
 * </pre>
 */
public final class SparkScan {
  private SparkScan() {}

  /** What the job reads and writes. */
  public record Job(List<String> inputs, String out, LocalDate asOf, boolean ocr, boolean english) {}

  public static void main(String[] args) {
    Job job = parse(args);
    SparkSession spark = SparkSession.builder().appName("FairTender scan").getOrCreate();
    try {
      run(spark, job);
    } finally {
      spark.stop();
    }
  }

  static Job parse(String[] args) {
    List<String> in = new ArrayList<>();
    String out = null;
    LocalDate asOf = null;
    boolean ocr = true;
    boolean en = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--in" -> in.add(value(args, ++i));
        case "--out" -> out = value(args, ++i);
        case "--as-of" -> asOf = LocalDate.parse(value(args, ++i));
        case "--no-ocr" -> ocr = false;
        case "--lang" -> en = value(args, ++i).equals("en");
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: --in PATH [--in PATH...] --out PATH [--as-of YYYY-MM-DD] [--no-ocr] [--lang zh|en]");
      }
    }
    if (in.isEmpty() || out == null) {
      throw new IllegalArgumentException("usage: --in PATH [--in PATH...] --out PATH [--as-of YYYY-MM-DD] [--no-ocr]");
    }
    return new Job(in, out, asOf, ocr, en);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** Runs the job; returns the number of documents. */
  public static long run(SparkSession spark, Job job) {
    Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .load(job.inputs().toArray(String[]::new))
        .filter(functions.udf((String p) -> DocumentRows.isDocument(p), org.apache.spark.sql.types.DataTypes.BooleanType)
            .apply(functions.col("path")));
    List<String> roots = job.inputs();
    LocalDate asOf = job.asOf();
    boolean english = job.english();
    boolean ocr = job.ocr();
    Dataset<Row> documents = files.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      CheckOptions options = new CheckOptions(asOf, false, english);
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        out.add(DocumentRows.check(r.getString(0), r.getAs("content"), roots, ocr, options));
      }
      return out.iterator();
    }, Encoders.row(DocumentRows.DOCUMENT));
    documents.write().mode(SaveMode.Overwrite).parquet(job.out() + "/documents.parquet");
    Dataset<Row> written = spark.read().parquet(job.out() + "/documents.parquet");
    Dataset<Row> findings = written.flatMap((FlatMapFunction<Row, Row>) DocumentRows::findings,
        Encoders.row(DocumentRows.FINDING));
    findings.write().mode(SaveMode.Overwrite).parquet(job.out() + "/findings.parquet");
    Dataset<Row> found = spark.read().parquet(job.out() + "/findings.parquet");
    csv(written.drop("report"), job.out() + "/summary.csv");
    csv(found, job.out() + "/findings.csv");
    csv(found.groupBy("category").count().orderBy(functions.desc("count")), job.out() + "/by-category.csv");
    csv(found.groupBy("ruleId").count().orderBy(functions.desc("count")), job.out() + "/by-rule.csv");
    csv(written.filter("status = 'failed'").groupBy("errorCode").count(), job.out() + "/failures.csv");
    return written.count();
  }

  private static void csv(Dataset<Row> d, String path) {
    d.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
  }
}
