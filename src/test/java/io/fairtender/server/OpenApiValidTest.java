package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The description passes a maintained validator (swagger-parser) with no messages, and declares how to authenticate. */
class OpenApiValidTest {
  private static SwaggerParseResult parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIParser().readContents(json, null, options);
  }

  private static String description() throws IOException {
    try (InputStream in = OpenApiValidTest.class.getResourceAsStream("/openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theValidatorFindsNothingToReport() throws IOException {
    SwaggerParseResult result = parse(description());
    assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
    assertNotNull(result.getOpenAPI());
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
  }

  @Test
  void theValidatorWouldCatchABrokenDescription() throws IOException {
    // the same file with a dangling reference and an operation without responses must not pass
    String broken = description().replace("#/components/schemas/Finding\"", "#/components/schemas/Findings\"")
        .replace("\"operationId\": \"getRule\"", "\"operationId\": \"getRule\", \"responses\": 7, \"x\": {");
    SwaggerParseResult result = parse(broken);
    assertTrue(result.getMessages() != null && !result.getMessages().isEmpty(), "no messages for a broken description");
    SwaggerParseResult dangling = parse(description().replace("#/components/schemas/Finding\"", "#/components/schemas/Findings\""));
    assertTrue(dangling.getMessages().stream().anyMatch(m -> m.contains("Findings")), dangling.getMessages().toString());
  }

  @Test
  void securitySchemesAreTheApiKeyHeaders() throws IOException {
    OpenAPI api = parse(description()).getOpenAPI();
    SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearerAuth");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());
    SecurityScheme header = api.getComponents().getSecuritySchemes().get("apiKeyHeader");
    assertEquals(SecurityScheme.Type.APIKEY, header.getType());
    assertEquals(SecurityScheme.In.HEADER, header.getIn());
    assertEquals("X-Api-Key", header.getName());
    // keys are optional until configured (the empty requirement), and the service endpoints are always open
    assertTrue(api.getSecurity().stream().anyMatch(r -> r.isEmpty()));
    assertTrue(api.getSecurity().stream().anyMatch(r -> r.containsKey("bearerAuth")));
    for (String open : List.of("/health", "/openapi.json", "/docs/", "/docs/{file}")) {
      assertEquals(List.of(), api.getPaths().get(open).getGet().getSecurity(), open);
    }
  }
}
