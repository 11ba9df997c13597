package io.fairtender.server;

import io.fairtender.CheckException;
import io.fairtender.ErrorCode;
import io.fairtender.analyse.Rule;
import io.fairtender.analyse.RuleSet;
import io.fairtender.report.ReportJson;
import io.fairtender.report.RuleView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/rules} and {@code GET /v1/rules/{id}}: the rule catalogue. */
@Path("/v1/rules")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class RulesResource {
  private final RuleSet rules;

  public RulesResource(RuleSet rules) {
    this.rules = rules;
  }

  @GET
  public String list(@QueryParam("lang") String lang) {
    boolean en = CheckResource.english(lang);
    return ReportJson.line(rules.rules().stream().map(r -> RuleView.of(r, en)).toList());
  }

  @GET
  @Path("{id}/doc")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String doc(@PathParam("id") String id) {
    Rule rule = rules.get(id).orElseThrow(() -> new CheckException(ErrorCode.NOT_FOUND, "no rule with id " + id));
    return io.fairtender.report.RuleDoc.html(rule);
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id, @QueryParam("lang") String lang) {
    Rule rule = rules.get(id).orElseThrow(() -> new CheckException(ErrorCode.NOT_FOUND, "no rule with id " + id));
    return ReportJson.line(RuleView.of(rule, CheckResource.english(lang)));
  }
}
