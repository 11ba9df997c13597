package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.ErrorCode;
import io.fairtender.report.Report;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code POST /v1/check}: a document as a multipart {@code file} or as the raw body. */
@Path("/v1/check")
public final class CheckResource {
  private static final String DOCX = io.fairtender.extract.MediaTypes.DOCX;
  private final CheckService service;

  public CheckResource(CheckService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", MediaType.TEXT_HTML, "application/pdf", DOCX})
  public Response multipart(
      InputStream body,
      @HeaderParam("Content-Type") MediaType contentType,
      @QueryParam("asOf") String asOf,
      @QueryParam("includeText") boolean includeText,
      @QueryParam("lang") String lang,
      @jakarta.ws.rs.BeanParam SelectionParams select) throws IOException {
    DocumentInput input = MultipartUpload.read(body, contentType, service.checker().config().maxBytes());
    return respond(input, asOf, includeText, lang, select);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", MediaType.TEXT_HTML, "application/pdf", DOCX})
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
    String format = ReportResponses.checkFormat(select.format());
    boolean en = english(lang);
    CheckOptions options = new CheckOptions(parseDate(asOf), includeText || ReportResponses.needsText(format), en,
        select.selection(), select.modelFindings());
    long start = System.nanoTime();
    Report report = service.check(input, options);
    return ReportResponses.render(service, input, report, format, en, start);
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
}
