package io.fairtender.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.TestPaths;
import io.fairtender.scan.DocumentSummary;
import io.fairtender.scan.ScanItem;
import io.fairtender.scan.ScanSource;
import io.fairtender.scan.ScanState;
import io.fairtender.scan.Scanner;
import io.fairtender.scan.SummaryWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local[2] gives the same rows as {@code scan} on the same files. */
class SparkScanTest {
  @Test
  void localJobMatchesTheScanCommand(@TempDir Path in, @TempDir Path scanOut, @TempDir Path sparkOut) throws Exception {
    Path docs = TestPaths.project().resolve("test-docs");
    for (String name : List.of("01-goods-open-tender.pdf", "02-services-consultation.docx", "05-clean-tender.html",
        "06-scoring-table.txt")) {
      Files.createDirectories(in.resolve("sub"));
      Files.copy(docs.resolve(name), in.resolve(name.startsWith("0") && name.endsWith(".txt") ? "sub/" + name : name));
    }
    Files.writeString(in.resolve("sub/broken.pdf"), "%PDF-1.4 broken", StandardCharsets.UTF_8);

    List<ScanItem> items = new ScanSource(List.of(), List.of(), null).list(List.of(in));
    Map<String, String> expected = new TreeMap<>();
    try (ScanState state = ScanState.open(scanOut)) {
      new Scanner(Checker.create(CheckerConfig.defaults().withOcr(false)), new Scanner.Options(scanOut, 1, 64L << 20, false,
          new CheckOptions(null, false, false), Set.of()), state).run(items, new Scanner.Listener() {
            @Override
            public void start(int total, int alreadyDone) {}

            @Override
            public void done(ScanItem item, int pages, String errorCode) {}
          });
      for (DocumentSummary d : SummaryWriter.write(state, scanOut, false)) {
        expected.put(d.path(), d.violations() + "/" + d.risks() + "/" + d.pages() + "/" + (d.errorCode() == null ? "" : d.errorCode()));
      }
    }

    SparkSession spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    try {
      long n = SparkScan.run(spark, new SparkScan.Job(List.of(in.toString()), sparkOut.toString(), null, false, false));
      assertEquals(5, n);
      Map<String, String> got = new TreeMap<>();
      for (Row r : spark.read().parquet(sparkOut.resolve("documents.parquet").toString()).collectAsList()) {
        got.put(r.getAs("path"), r.<Integer>getAs("violations") + "/" + r.<Integer>getAs("risks") + "/"
            + r.<Integer>getAs("pages") + "/" + (r.getAs("errorCode") == null ? "" : r.<String>getAs("errorCode")));
      }
      assertEquals(expected, got);
      long findings = spark.read().parquet(sparkOut.resolve("findings.parquet").toString()).count();
      long scanFindings = Files.readAllLines(scanOut.resolve("findings.jsonl")).size();
      assertEquals(scanFindings, findings);
      assertTrue(Files.isDirectory(sparkOut.resolve("by-category.csv")));
    } finally {
      spark.stop();
    }
  }
}
