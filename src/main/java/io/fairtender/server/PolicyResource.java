package io.fairtender.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fairtender.CheckException;
import io.fairtender.Checker;
import io.fairtender.ErrorCode;
import io.fairtender.analyse.policy.Facts;
import io.fairtender.analyse.policy.PolicyResult;
import io.fairtender.report.ReportJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /v1/policy/evaluate}: SME-policy verdicts for facts a portal already holds. */
@Path("/v1/policy/evaluate")
public final class PolicyResource {
  private final Checker checker;

  public PolicyResource(Checker checker) {
    this.checker = checker;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public String evaluate(String body, @QueryParam("asOf") String asOf, @QueryParam("province") String province,
      @QueryParam("lang") String lang) {
    PolicyResult r = checker.evaluatePolicy(parse(body), CheckResource.parseDate(asOf), province, CheckResource.english(lang));
    return ReportJson.line(r);
  }

  /** Facts from JSON; absent facts are "not stated". */
  public static Facts parse(String json) {
    if (json == null || json.isBlank()) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "the body must be a JSON object of facts");
    }
    try {
      Facts f = ReportJson.mapper().readValue(json, Facts.class);
      if (f == null) {
        throw new CheckException(ErrorCode.BAD_REQUEST, "the body must be a JSON object of facts");
      }
      return f.withDefaults();
    } catch (JsonProcessingException e) {
      throw new CheckException(ErrorCode.BAD_REQUEST, "the facts are not valid: " + e.getOriginalMessage());
    }
  }
}
