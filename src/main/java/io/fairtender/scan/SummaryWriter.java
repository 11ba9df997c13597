package io.fairtender.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairtender.report.ReportJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a scan's summaries from its state: {@code findings.jsonl} (every finding with its document's path),
 * {@code summary.csv} and {@code findings.csv} (UTF-8 with a byte-order mark, so Excel reads the Chinese),
 * {@code summary.xlsx} (a sheet of documents and a sheet of findings) and {@code summary.html} (the dashboard).
 * Rebuilt whole after every run, so a resumed scan's summaries cover every document.
 */
public final class SummaryWriter {
  static final List<String> FINDING_COLUMNS = List.of("path", "ruleId", "category", "severity", "page", "line", "quote",
      "section", "message");

  private SummaryWriter() {}

  /** Writes every summary and returns the document rows. */
  public static List<DocumentSummary> write(ScanState state, Path out, boolean english) throws IOException {
    List<DocumentSummary> docs = new ArrayList<>();
    try (Workbook book = new Workbook(english);
        BufferedWriter jsonl = writer(out.resolve("findings.jsonl.part"), false);
        CSVPrinter docCsv = csv(out.resolve("summary.csv.part"), documentColumns());
        CSVPrinter findCsv = csv(out.resolve("findings.csv.part"), FINDING_COLUMNS)) {
      for (ScanState.Row row : state.documents()) {
        JsonNode report = row.failed() ? null : state.report(row.sha256()).map(SummaryWriter::parse).orElse(null);
        DocumentSummary d = DocumentSummary.of(row, report);
        docs.add(d);
        List<Object> cells = documentCells(d);
        docCsv.printRecord(cells);
        book.document(cells);
        if (report == null) {
          continue;
        }
        for (JsonNode f : report.path("findings")) {
          ObjectNode line = ReportJson.mapper().createObjectNode().put("path", row.path());
          line.setAll((ObjectNode) f);
          jsonl.write(ReportJson.line(line));
          jsonl.newLine();
          List<Object> fc = List.of(row.path(), f.path("ruleId").asText(), f.path("category").asText(),
              f.path("severity").asText(), f.path("page").asInt(), f.path("line").asInt(), f.path("quote").asText(),
              f.path("section").asText(), f.path("message").asText());
          findCsv.printRecord(fc);
          book.finding(fc);
        }
      }
      try (OutputStream o = Files.newOutputStream(out.resolve("summary.xlsx.part"))) {
        book.write(o);
      }
    }
    for (String name : List.of("findings.jsonl", "summary.csv", "findings.csv", "summary.xlsx")) {
      Files.move(out.resolve(name + ".part"), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(out.resolve("summary.html"), Dashboard.render(docs, english), StandardCharsets.UTF_8);
    return docs;
  }

  static List<String> documentColumns() {
    List<String> c = new ArrayList<>(List.of("path", "buyer", "date", "regime", "type", "budgetCny", "reserved", "pages",
        "findings", "violations", "risks", "info"));
    c.addAll(DocumentSummary.categories());
    c.addAll(List.of("failedPolicyChecks", "errorCode", "errorMessage", "sha256"));
    return c;
  }

  static List<Object> documentCells(DocumentSummary d) {
    List<Object> c = new ArrayList<>(List.of(d.path(), nz(d.buyer()), nz(d.date()), nz(d.regime()), nz(d.type()),
        d.budget() == null ? "" : d.budget(), d.reserved() == null ? "" : d.reserved(), d.pages(), d.findings(),
        d.violations(), d.risks(), d.infos()));
    for (String cat : DocumentSummary.categories()) {
      c.add(d.byCategory().getOrDefault(cat, 0));
    }
    c.addAll(List.of(String.join(" ", d.failedChecks()), nz(d.errorCode()), nz(d.errorMessage()), nz(d.sha256())));
    return c;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static JsonNode parse(String json) {
    try {
      return ReportJson.mapper().readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static BufferedWriter writer(Path p, boolean bom) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    if (bom) {
      w.write('\ufeff');
    }
    return w;
  }

  private static CSVPrinter csv(Path p, List<String> header) throws IOException {
    return new CSVPrinter(writer(p, true), CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
  }
}
