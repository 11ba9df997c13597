package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
import io.fairtender.report.ReportJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** {@code POST /v1/check}: a document as a multipart {@code file} or as the raw body. */
@Path("/v1/check")
public final class CheckResource {
  private final CheckService service;

  public CheckResource(CheckService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", MediaType.TEXT_HTML, "application/pdf"})
  public Response multipart(
      @FormDataParam("file") InputStream file,
      @FormDataParam("file") FormDataContentDisposition disposition,
      @FormDataParam("file") FormDataBodyPart part,
      @QueryParam("asOf") String asOf,
      @QueryParam("includeText") boolean includeText,
      @QueryParam("lang") String lang,
      @jakarta.ws.rs.BeanParam SelectionParams select) throws IOException {
    if (file == null || part == null) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "the multipart form needs a 'file' part");
    }
    String name = disposition == null ? null : fixFileName(disposition.getFileName());
    String type = part.getMediaType() == null ? null : part.getMediaType().toString();
    DocumentInput input = DocumentInput.read(file, name, type, service.checker().config().maxBytes());
    return respond(input, asOf, includeText, lang, select);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", MediaType.TEXT_HTML, "application/pdf"})
  public Response raw(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @QueryParam("name") String name,
      @QueryParam("asOf") String asOf,
      @QueryParam("includeText") boolean includeText,
      @QueryParam("lang") String lang,
      @jakarta.ws.rs.BeanParam SelectionParams select) throws IOException {
    DocumentInput input = DocumentInput.read(body, name, contentType, service.checker().config().maxBytes());
    return respond(input, asOf, includeText, lang, select);
  }

  private Response respond(DocumentInput input, String asOf, boolean includeText, String lang, SelectionParams select) {
    String format = select.format();
    if (!format.equals("json") && !format.equals("sarif") && !format.equals("html") && !format.equals("pdf")) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "format must be json, sarif, html or pdf");
    }
    boolean en = english(lang);
    CheckOptions options = new CheckOptions(parseDate(asOf), includeText || format.equals("pdf"), en, select.selection(), select.modelFindings());
    Report report = service.check(input, options);
    return switch (format) {
      case "sarif" -> Response.ok(ReportJson.line(io.fairtender.report.ReportSarif.render(java.util.List.of(report),
          service.checker().rules(), en)), "application/sarif+json;charset=UTF-8").build();
      case "html" -> Response.ok(io.fairtender.report.ReportHtml.render(report, en), "text/html;charset=UTF-8").build();
      case "pdf" -> {
        byte[] annotated = "application/pdf".equals(report.document().mediaType())
            ? io.fairtender.report.PdfAnnotator.annotate(input.data(), report, en)
            : io.fairtender.report.TextPdfRenderer.render(report, en, new java.util.ArrayList<>());
        yield Response.ok(annotated, "application/pdf").build();
      }
      default -> Response.ok(ReportJson.line(report), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    };
  }

  static boolean english(String lang) {
    if (lang == null || lang.isBlank() || lang.equals("zh")) {
      return false;
    }
    if (lang.equals("en")) {
      return true;
    }
    throw new CheckException(ErrorCode.BAD_REQUEST, "lang must be zh or en");
  }

  static LocalDate parseDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "asOf must be a date like 2024-07-01, not '" + s + "'");
    }
  }

  /** Multipart headers are decoded as ISO-8859-1, while browsers and curl send UTF-8 file names. */
  static String fixFileName(String name) {
    if (name == null) {
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0xff) {
        return name; // already decoded properly
      }
    }
    String utf8 = new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return utf8.indexOf('\ufffd') >= 0 ? name : utf8;
  }
}
