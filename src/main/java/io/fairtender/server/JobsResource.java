package io.fairtender.server;

import io.fairtender.CheckOptions;
import io.fairtender.DocumentInput;
import io.fairtender.report.Report;
import io.fairtender.report.ReportJson;
import io.fairtender.server.jobs.CallbackPolicy;
import io.fairtender.server.jobs.Job;
import io.fairtender.server.jobs.JobState;
import io.fairtender.server.jobs.Jobs;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Asynchronous checks: {@code POST /v1/jobs} (the inputs of {@code POST /v1/check}, plus an optional {@code callback})
 * answers 202 at once; {@code GET /v1/jobs/{id}} gives state and progress, {@code GET /v1/jobs/{id}/report} the report
 * in any format, {@code DELETE /v1/jobs/{id}} removes the job and its document. A job is visible to its tenant only.
 */
@Path("/v1/jobs")
public final class JobsResource {
  private static final String JSON = "application/json;charset=UTF-8";
  private final CheckService service;
  private final Jobs jobs;
  private final CallbackPolicy callbacks;

  public JobsResource(CheckService service, Jobs jobs) {
    this.service = service;
    this.jobs = jobs;
    this.callbacks = CallbackPolicy.of(jobs.settings());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response multipart(InputStream body, @HeaderParam("Content-Type") MediaType contentType,
      @QueryParam("asOf") String asOf, @QueryParam("includeText") boolean includeText, @QueryParam("lang") String lang,
      @QueryParam("callback") String callback, @BeanParam SelectionParams select, @Context ContainerRequestContext ctx)
      throws IOException {
    CheckOptions options = options(asOf, includeText, lang, select);
    URI target = callbacks.check(callback);
    DocumentInput input = MultipartUpload.read(body, contentType, service.checker().config().maxBytes());
    return accepted(jobs.submit(input, options, Callers.of(ctx), target));
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response raw(InputStream body, @HeaderParam("Content-Type") String contentType, @QueryParam("name") String name,
      @QueryParam("asOf") String asOf, @QueryParam("includeText") boolean includeText, @QueryParam("lang") String lang,
      @QueryParam("callback") String callback, @BeanParam SelectionParams select, @Context ContainerRequestContext ctx)
      throws IOException {
    CheckOptions options = options(asOf, includeText, lang, select);
    URI target = callbacks.check(callback);
    DocumentInput input = DocumentInput.read(body, name, contentType, service.checker().config().maxBytes());
    return accepted(jobs.submit(input, options, Callers.of(ctx), target));
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("id") String id, @Context ContainerRequestContext ctx) {
    Job job = find(id, ctx);
    if (job == null) {
      return ProblemMappers.response(JobViews.notFound(id, MDC.get(RequestIds.MDC_ID)));
    }
    return Response.ok(ReportJson.line(JobViews.view(job)), JSON).header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("{id}/report")
  @Produces({MediaType.APPLICATION_JSON, "application/sarif+json", MediaType.TEXT_HTML, "application/pdf",
      io.fairtender.extract.MediaTypes.DOCX, Problem.MEDIA_TYPE})
  public Response report(@PathParam("id") String id, @QueryParam("lang") String lang, @BeanParam SelectionParams select,
      @Context ContainerRequestContext ctx) {
    String format = ReportResponses.checkFormat(select.format());
    Job job = find(id, ctx);
    if (job == null) {
      return ProblemMappers.response(JobViews.notFound(id, MDC.get(RequestIds.MDC_ID)));
    }
    Job.Snapshot s = job.snapshot();
    if (s.state() == JobState.FAILED || s.state() == JobState.LOST) {
      return ProblemMappers.response(JobViews.problem(job.id(), s.state(), s.failure()));
    }
    DocumentInput input = job.input();
    if (s.state() != JobState.DONE || s.report() == null || input == null) {
      return ProblemMappers.response(JobViews.notDone(job, MDC.get(RequestIds.MDC_ID)));
    }
    boolean en = lang == null || lang.isBlank() ? job.options().english() : CheckResource.english(lang);
    Report report = job.options().includeText() || ReportResponses.needsText(format) ? s.report() : withoutText(s.report());
    return ReportResponses.render(service, input, report, format, en, System.nanoTime());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @Context ContainerRequestContext ctx) {
    if (!jobs.delete(id, Callers.of(ctx))) {
      return ProblemMappers.response(JobViews.notFound(id, MDC.get(RequestIds.MDC_ID)));
    }
    return Response.noContent().build();
  }

  private Job find(String id, ContainerRequestContext ctx) {
    return jobs.get(id, Callers.of(ctx)).orElse(null);
  }

  /** The check options of a job; the text is always kept so that every format can be served later. */
  private CheckOptions options(String asOf, boolean includeText, String lang, SelectionParams select) {
    CheckOptions options = new CheckOptions(CheckResource.parseDate(asOf), includeText, CheckResource.english(lang),
        select.selection(), select.modelFindings());
    service.checker().validate(options.selection()); // a bad selection is refused now, not when the job runs
    return options;
  }

  private static Response accepted(Job job) {
    String location = JobViews.location(job.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", job.id());
    body.put("state", job.state().id());
    body.put("location", location);
    return Response.status(202).location(URI.create(location)).type(JSON).entity(ReportJson.line(body)).build();
  }

  private static Report withoutText(Report r) {
    return new Report(r.formatVersion(), r.checker(), r.document(), r.asOf(), r.regime(), r.facts(), r.policy(),
        r.findings(), r.processingErrors(), null);
  }
}
