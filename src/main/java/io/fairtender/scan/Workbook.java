package io.fairtender.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The scan summary as an Excel workbook: a sheet of documents and a sheet of findings, streamed (only a window of
 * rows is held in memory). A sheet stops at Excel's row limit; the CSV files have every row.
 */
final class Workbook implements AutoCloseable {
  private static final int MAX_ROWS = 1_048_575;
  private final SXSSFWorkbook book = new SXSSFWorkbook(200);
  private final Sheet documents;
  private final Sheet findings;

  Workbook(boolean english) {
    documents = book.createSheet(english ? "documents" : "文档");
    findings = book.createSheet(english ? "findings" : "问题");
    row(documents, 0, List.copyOf(SummaryWriter.documentColumns()));
    row(findings, 0, List.copyOf(SummaryWriter.FINDING_COLUMNS));
  }

  void document(List<Object> cells) {
    append(documents, cells);
  }

  void finding(List<Object> cells) {
    append(findings, cells);
  }

  private static void append(Sheet sheet, List<Object> cells) {
    int next = sheet.getLastRowNum() + 1;
    if (next <= MAX_ROWS) {
      row(sheet, next, cells);
    }
  }

  private static void row(Sheet sheet, int index, List<?> cells) {
    Row r = sheet.createRow(index);
    for (int i = 0; i < cells.size(); i++) {
      Object v = cells.get(i);
      if (v instanceof Number n) {
        r.createCell(i).setCellValue(n.doubleValue());
      } else if (v instanceof Boolean b) {
        r.createCell(i).setCellValue(b);
      } else {
        String s = String.valueOf(v);
        r.createCell(i).setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) : s);
      }
    }
  }

  void write(OutputStream out) throws IOException {
    book.write(out);
  }

  @Override
  public void close() {
    book.dispose();
    try {
      book.close();
    } catch (IOException e) {
      // temporary sheet files are already disposed
    }
  }
}
