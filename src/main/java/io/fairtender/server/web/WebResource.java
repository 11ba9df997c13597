package io.fairtender.server.web;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import io.fairtender.analyse.RuleSet;
import io.fairtender.i18n.Messages;
import io.fairtender.report.Report;
import io.fairtender.report.ReportHtml;
import io.fairtender.report.ReportJson;
import io.fairtender.report.view.ReportViews;
import io.fairtender.server.jobs.Job;
import io.fairtender.server.jobs.JobState;
import io.fairtender.server.jobs.Jobs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The officers' workbench: {@code GET /} (the page), {@code GET /static/*} (its own CSS and script, from the jar), and
 * what the page reads of a done job: the report body in either language, the page images with the findings'
 * highlights, and the report exported with the officer's marks.
 */
@Path("/")
public final class WebResource {
  private static final Pattern ASSET = Pattern.compile("[a-z0-9-]{1,40}\\.(css|js|svg)");
  private static final String HTML = "text/html;charset=UTF-8";
  private final Jobs jobs;
  private final RuleSet rules;
  private final PageImages images = new PageImages();

  public WebResource(Jobs jobs, RuleSet rules) {
    this.jobs = jobs;
    this.rules = rules;
  }

  @GET
  public Response page(@QueryParam("lang") String lang) {
    Messages m = Messages.of(english(lang));
    return Response.ok(WorkbenchPage.render(m), HTML).header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'")
        .build();
  }

  @GET
  @Path("static/{name}")
  public Response asset(@PathParam("name") String name) throws IOException {
    if (!ASSET.matcher(name).matches()) {
      throw new CheckException(ErrorCode.NOT_FOUND, "no asset " + name);
    }
    try (InputStream in = WebResource.class.getResourceAsStream("/web/static/" + name)) {
      if (in == null) {
        throw new CheckException(ErrorCode.NOT_FOUND, "no asset " + name);
      }
      String type = name.endsWith(".css") ? "text/css;charset=UTF-8"
          : name.endsWith(".js") ? "text/javascript;charset=UTF-8" : "image/svg+xml";
      return Response.ok(in.readAllBytes(), type).header("Cache-Control", "max-age=300").build();
    }
  }

  @GET
  @Path("web/jobs/{id}/view")
  public Response view(@PathParam("id") String id, @QueryParam("lang") String lang, @Context ContainerRequestContext ctx) {
    Job job = done(id, ctx);
    return Response.ok(ReportHtml.fragment(job.report(), rules, english(lang), Map.of()), HTML)
        .header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("web/jobs/{id}/pages")
  public Response pages(@PathParam("id") String id, @Context ContainerRequestContext ctx) {
    Job job = done(id, ctx);
    PageImages.Pages p = images.of(job, job.input(), job.report(), job.options().english());
    return Response.ok(ReportJson.line(PageImages.json(p, job.report())), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("web/jobs/{id}/pages/{n: [0-9]{1,5}}.png")
  public Response pageImage(@PathParam("id") String id, @PathParam("n") int n, @Context ContainerRequestContext ctx) {
    Job job = done(id, ctx);
    PageImages.Pages p = images.of(job, job.input(), job.report(), job.options().english());
    return Response.ok(PageImages.png(p, n), "image/png").header("Cache-Control", "private, max-age=600").build();
  }

  /** The report in {@code format} (html or json) with the marks the page posts: {@code {"findingId": {state, reason}}}. */
  @POST
  @Path("web/jobs/{id}/export")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response export(@PathParam("id") String id, @QueryParam("format") String format, @QueryParam("lang") String lang,
      String body, @Context ContainerRequestContext ctx, @Context jakarta.ws.rs.core.UriInfo uri) {
    Job job = done(id, ctx);
    Map<String, ReportViews.RawMark> marks = marks(body);
    Report r = job.report();
    String base = baseName(r.document().name());
    if ("json".equals(format)) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("report", withoutText(r));
      out.put("marks", marks);
      return Response.ok(ReportJson.line(out), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .header("Content-Disposition", "attachment; filename=\"" + base + ".fairtender.json\"").build();
    }
    if (!"html".equals(format)) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "format must be html or json");
    }
    String linkBase = uri.getBaseUri().toString().replaceAll("/+$", "");
    return Response.ok(ReportHtml.render(r, rules, english(lang), marks, linkBase), HTML)
        .header("Content-Disposition", "attachment; filename=\"" + base + ".fairtender.html\"").build();
  }

  private Job done(String id, ContainerRequestContext ctx) {
    Job job = jobs.get(id, io.fairtender.server.Callers.of(ctx)).orElseThrow(() -> new CheckException(ErrorCode.NOT_FOUND, "no job " + abbreviate(id)));
    if (job.state() != JobState.DONE || job.report() == null || job.input() == null) {
      throw new CheckException(ErrorCode.NOT_FOUND, "job " + abbreviate(id) + " has no report");
    }
    return job;
  }

  static Map<String, ReportViews.RawMark> marks(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, ReportViews.RawMark> m = ReportJson.mapper().readValue(body, new TypeReference<Map<String, ReportViews.RawMark>>() { });
      return m == null ? Map.of() : m;
    } catch (IOException e) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "the marks must be a JSON object of {state, reason} by finding id");
    }
  }

  private static Report withoutText(Report r) {
    return new Report(r.formatVersion(), r.checker(), r.document(), r.asOf(), r.regime(), r.facts(), r.policy(), r.findings(),
        r.processingErrors(), null);
  }

  static String baseName(String name) {
    String n = name == null || name.isBlank() ? "report" : name.replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
    return n.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  static boolean english(String lang) {
    return "en".equals(lang);
  }

  private static String abbreviate(String id) {
    return id.length() > 40 ? id.substring(0, 40) + "…" : id;
  }
}
