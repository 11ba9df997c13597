package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.ErrorCode;
import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.policy.Facts;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.analyse.policy.PolicyParams;
import io.fairtender.analyse.policy.PolicyResult;
import io.fairtender.report.DocumentInfo;
import io.fairtender.report.Finding;
import io.fairtender.report.ProcessingError;
import io.fairtender.report.Report;
import io.fairtender.report.RuleView;
import io.fairtender.server.audit.AuditResource;
import io.fairtender.server.db.DbSettings;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The description cannot drift from the server: Jersey's resource model of everything the real server registers
 * ({@link FairTenderServer#resourceConfig(CheckService, io.fairtender.server.jobs.Jobs, Operations)}, with a database
 * so that the audit resource is there too) is walked, and every resource method must be described (path, method, its query
 * and path parameters, the media types it produces) with an operationId; every described operation must exist.
 * Failures list exactly what to add to or remove from {@code src/main/resources/openapi.json}.
 */
class OpenApiDriftTest {
  /** Routes answered by {@link FrontHandler} itself, before Jersey. */
  private static final Set<String> FRONT_DOOR = Set.of("GET /health");
  private static final ApiDescription API = ApiDescription.load();
  private static ExecutorService render;
  private static io.fairtender.server.jobs.Jobs jobs;
  private static Operations ops;
  @TempDir
  static Path dataDir;
  private static Map<String, Route> routes;

  /** What the server accepts for one path and method (the union over the Java methods that serve it). */
  record Route(String method, String path, Set<String> query, Set<String> pathParams, Set<String> produces,
      Set<String> consumes, Map<String, String> defaults) {}

  @BeforeAll
  static void walkJersey() {
    render = Executors.newSingleThreadExecutor();
    CheckService service = new CheckService(Checker.create(CheckerConfig.defaults()), render);
    jobs = new io.fairtender.server.jobs.Jobs(service, io.fairtender.server.jobs.JobSettings.defaults(1));
    // with a database, as a server with keys and the audit log: Operations.register adds /metrics and /v1/audit
    ops = Operations.start(new OpsConfig(DbSettings.embedded(dataDir), false, 30, List.of()));
    ApplicationHandler app = new ApplicationHandler(FairTenderServer.resourceConfig(service, jobs, ops));
    routes = new LinkedHashMap<>();
    for (Resource r : app.getInjectionManager().getInstance(ExtendedResourceContext.class).getResourceModel().getRootResources()) {
      walk(r, "");
    }
  }

  @AfterAll
  static void stop() {
    jobs.close();
    ops.close();
    render.shutdownNow();
  }

  private static void walk(Resource r, String prefix) {
    String path = ApiDescription.normalise(prefix + "/" + r.getPath());
    for (ResourceMethod m : r.getResourceMethods()) {
      if (m.getHttpMethod().equals("OPTIONS") || m.getHttpMethod().equals("HEAD")) {
        continue; // Jersey's own
      }
      Route route = routes.computeIfAbsent(m.getHttpMethod() + " " + path,
          k -> new Route(m.getHttpMethod(), path, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
              new LinkedHashMap<>()));
      for (Parameter p : m.getInvocable().getParameters()) {
        switch (p.getSource()) {
          case QUERY -> {
            route.query().add(p.getSourceName());
            if (p.getDefaultValue() != null) {
              route.defaults().put(p.getSourceName(), p.getDefaultValue());
            }
          }
          case PATH -> route.pathParams().add(p.getSourceName());
          case BEAN_PARAM -> beanQueryParams(p.getRawType(), route);
          default -> { }
        }
      }
      for (MediaType t : m.getConsumedTypes()) {
        if (!t.isWildcardType()) {
          route.consumes().add(t.getType() + "/" + t.getSubtype());
        }
      }
      for (MediaType t : m.getProducedTypes()) {
        if (!t.isWildcardType()) {
          route.produces().add(t.getType() + "/" + t.getSubtype());
        }
      }
    }
    for (Resource child : r.getChildResources()) {
      walk(child, path);
    }
  }

  private static void beanQueryParams(Class<?> bean, Route route) {
    for (Field f : bean.getDeclaredFields()) {
      QueryParam q = f.getAnnotation(QueryParam.class);
      if (q != null) {
        route.query().add(q.value());
        DefaultValue d = f.getAnnotation(DefaultValue.class);
        if (d != null) {
          route.defaults().put(q.value(), d.value());
        }
      }
    }
  }

  private static String describedDefault(JsonNode op, String name) {
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = API.resolve(p);
      if (param.get("name").asText().equals(name) && param.get("in").asText().equals("query")) {
        JsonNode d = param.path("schema").get("default");
        return d == null ? null : d.asText();
      }
    }
    return null;
  }

  private static Set<String> described(JsonNode op, String in) {
    Set<String> out = new TreeSet<>();
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = API.resolve(p);
      if (param.get("in").asText().equals(in)) {
        out.add(param.get("name").asText());
      }
    }
    return out;
  }

  private static Set<String> successTypes(JsonNode op) {
    Set<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = op.get("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("2")) {
        API.resolve(e.getValue()).path("content").fieldNames().forEachRemaining(out::add);
      }
    }
    return out;
  }

  /** True when some error response describes problem bodies (a problem is never a success). */
  private static boolean problemTypes(JsonNode op) {
    for (Iterator<Map.Entry<String, JsonNode>> it = op.get("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().startsWith("2") && API.resolve(e.getValue()).path("content").has(Problem.MEDIA_TYPE)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void jerseyHasTheResourcesWeExpect() {
    // guards the walk itself: an empty or truncated model would make the drift checks vacuous
    assertTrue(routes.keySet().containsAll(Set.of("POST /v1/check", "GET /v1/rules", "GET /v1/rules/{id}",
        "GET /v1/rules/{id}/doc", "POST /v1/policy/evaluate", "GET /openapi.json", "GET /docs", "GET /docs/{file}",
        "POST /v1/jobs", "GET /v1/jobs/{id}", "GET /v1/jobs/{id}/report", "DELETE /v1/jobs/{id}", "GET /v1/audit",
        "GET /metrics")),
        routes.keySet().toString());
    assertTrue(routes.get("POST /v1/check").query().containsAll(Set.of("format", "modelFindings", "name", "asOf")));
  }

  @Test
  void everyResourceMethodIsDescribed() {
    List<String> missing = new ArrayList<>();
    for (Route r : routes.values()) {
      String where = r.method() + " " + r.path();
      JsonNode op = API.operation(r.path(), r.method()).orElse(null);
      if (op == null) {
        missing.add(where + ": no operation (add paths." + r.path() + "." + r.method().toLowerCase() + ")");
        continue;
      }
      if (!op.path("operationId").isTextual() || op.get("operationId").asText().isBlank()) {
        missing.add(where + ": no operationId");
      }
      for (String q : r.query()) {
        if (!described(op, "query").contains(q)) {
          missing.add(where + ": query parameter '" + q + "' not described");
        }
      }
      for (String q : described(op, "query")) {
        if (!r.query().contains(q)) {
          missing.add(where + ": described query parameter '" + q + "' is not read by the server");
        }
      }
      if (!described(op, "path").equals(r.pathParams())) {
        missing.add(where + ": path parameters are " + r.pathParams() + ", described " + described(op, "path"));
      }
      r.defaults().forEach((name, value) -> {
        if (!value.equals(describedDefault(op, name))) {
          missing.add(where + ": query parameter '" + name + "' defaults to " + value + ", described default "
              + describedDefault(op, name));
        }
      });
      for (String t : r.consumes()) {
        if (!op.path("requestBody").path("content").has(t)) {
          missing.add(where + ": consumes " + t + " but the requestBody does not describe it");
        }
      }
      Set<String> types = successTypes(op);
      for (String t : r.produces()) {
        if (t.equals(Problem.MEDIA_TYPE)) {
          if (!problemTypes(op)) {
            missing.add(where + ": produces " + t + " but no 4xx/5xx response describes that content type");
          }
        } else if (!types.contains(t)) {
          missing.add(where + ": produces " + t + " but no 2xx response describes that content type");
        }
      }
    }
    assertTrue(missing.isEmpty(), () -> "The OpenAPI description (" + ApiDescription.FILE + ") lags the server:\n  "
        + String.join("\n  ", missing) + "\n");
  }

  @Test
  void everyDescribedOperationExistsAndHasAUniqueOperationId() {
    Set<String> served = routes.keySet().stream().map(k -> k.substring(0, k.indexOf(' ') + 1)
        + ApiDescription.normalise(k.substring(k.indexOf(' ') + 1))).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = API.root().get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String key = op.getKey().toUpperCase() + " " + ApiDescription.normalise(path.getKey());
        if (!served.contains(key) && !FRONT_DOOR.contains(key)) {
          problems.add(key + " is described but the server has no such resource method");
        }
        String id = op.getValue().path("operationId").asText("");
        if (!id.matches("[a-z][A-Za-z0-9]*")) {
          problems.add(key + ": operationId '" + id + "' missing or not lowerCamelCase");
        } else if (!ids.add(id)) {
          problems.add(key + ": operationId '" + id + "' used twice");
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> ApiDescription.FILE + ":\n  " + String.join("\n  ", problems) + "\n");
  }

  @Test
  void problemCodesAreExactlyTheServersCodes() {
    Set<String> server = new TreeSet<>();
    Arrays.stream(ErrorCode.values()).map(Enum::name).forEach(server::add);
    Arrays.stream(HttpError.values()).map(Enum::name).forEach(server::add);
    server.add(JobViews.LOST);
    server.add(JobViews.NOT_DONE);
    Set<String> described = new TreeSet<>();
    API.root().at("/components/schemas/Problem/properties/code/enum").forEach(n -> described.add(n.asText()));
    assertEquals(server, described, "components.schemas.Problem.properties.code.enum in " + ApiDescription.FILE);
  }

  /** Each JSON body is a record written by Jackson; the schema must name exactly its components. */
  @Test
  void schemasNameEveryFieldOfTheRecordsServed() {
    Map<String, Class<?>> schemas = new LinkedHashMap<>();
    schemas.put("/components/schemas/Report", Report.class);
    schemas.put("/components/schemas/Report/properties/checker", Report.CheckerInfo.class);
    schemas.put("/components/schemas/Report/properties/document", DocumentInfo.class);
    schemas.put("/components/schemas/Report/properties/asOf", Report.AsOf.class);
    schemas.put("/components/schemas/Report/properties/regime", Report.RegimeInfo.class);
    schemas.put("/components/schemas/Finding", Finding.class);
    schemas.put("/components/schemas/ProcessingError", ProcessingError.class);
    schemas.put("/components/schemas/LegalBasis", LegalBasis.class);
    schemas.put("/components/schemas/Rule", RuleView.class);
    schemas.put("/components/schemas/Problem", Problem.class);
    schemas.put("/components/schemas/Evidence", Facts.Evidence.class);
    schemas.put("/components/schemas/Facts", Facts.class);
    schemas.put("/components/schemas/PolicyCheck", PolicyCheck.class);
    schemas.put("/components/schemas/Policy", PolicyResult.class);
    schemas.put("/components/schemas/Policy/properties/regime", PolicyResult.Regime.class);
    schemas.put("/components/schemas/Policy/properties/regime/properties/parameters/items", PolicyParams.Param.class);
    schemas.put("/components/schemas/AuditPage", AuditResource.Page.class);
    schemas.put("/components/schemas/AuditRow", AuditResource.Row.class);
    schemas.put("/components/schemas/AuditRow/properties/findings", AuditResource.Counts.class);
    List<String> drift = new ArrayList<>();
    schemas.forEach((pointer, type) -> {
      Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> props = new TreeSet<>();
      API.resolve(API.root().at(pointer)).path("properties").fieldNames().forEachRemaining(props::add);
      if (!fields.equals(props)) {
        Set<String> add = new TreeSet<>(fields);
        add.removeAll(props);
        Set<String> remove = new TreeSet<>(props);
        remove.removeAll(fields);
        drift.add(pointer + " (" + type.getSimpleName() + "): add " + add + ", remove " + remove);
      }
    });
    assertTrue(drift.isEmpty(), () -> "Schemas in " + ApiDescription.FILE + " differ from the records served:\n  "
        + String.join("\n  ", drift) + "\n");
  }
}
