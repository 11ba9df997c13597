package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.extract.MediaTypes;
import io.fairtender.report.DocxAnnotator;
import io.fairtender.report.PdfAnnotator;
import io.fairtender.report.Report;
import io.fairtender.report.ReportHtml;
import io.fairtender.report.ReportJson;
import io.fairtender.report.ReportSarif;
import io.fairtender.report.TextPdfRenderer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A report as an HTTP answer in one of the formats: json, sarif, html, or an annotated pdf or docx copy. */
public final class ReportResponses {
  /** The formats a report is served in. */
  public static final Set<String> FORMATS = Set.of("json", "sarif", "html", "pdf", "docx");
  private static final String DOCX = MediaTypes.DOCX;

  private ReportResponses() {}

  /** Refuses an unknown format with 400. */
  public static String checkFormat(String format) {
    if (!FORMATS.contains(format)) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "format must be json, sarif, html, pdf or docx");
    }
    return format;
  }

  /** Formats that annotate the document need the extracted text in the report. */
  public static boolean needsText(String format) {
    return format.equals("pdf") || format.equals("docx");
  }

  /**
   * The report in {@code format}; annotated copies are rendered within what is left of the time limit counted from
   * {@code startNanos}.
   */
  public static Response render(CheckService service, DocumentInput input, Report report, String format, boolean en,
      long startNanos) {
    return switch (checkFormat(format)) {
      case "sarif" -> Response.ok(ReportJson.line(ReportSarif.render(List.of(report), service.checker().rules(), en)),
          "application/sarif+json;charset=UTF-8").build();
      case "html" -> Response.ok(ReportHtml.render(report, en), "text/html;charset=UTF-8").build();
      case "pdf" -> {
        byte[] annotated = service.withinTimeLimit(startNanos, () -> "application/pdf".equals(report.document().mediaType())
            ? PdfAnnotator.annotate(input.data(), report, en)
            : TextPdfRenderer.render(report, en, new ArrayList<>()));
        yield Response.ok(annotated, "application/pdf").build();
      }
      case "docx" -> {
        byte[] annotated = service.withinTimeLimit(startNanos, () -> DOCX.equals(report.document().mediaType())
            ? DocxAnnotator.annotate(input.data(), report, en)
            : DocxAnnotator.fromText(report, en));
        yield Response.ok(annotated, DOCX).header("Content-Disposition", "attachment; filename=\"annotated.docx\"").build();
      }
      default -> Response.ok(ReportJson.line(report), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    };
  }
}
