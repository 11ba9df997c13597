package io.fairtender.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The served OpenAPI description (src/main/resources/openapi.json), read the way the tests need it. */
final class ApiDescription {
  static final String FILE = "src/main/resources/openapi.json";
  private final JsonNode root;

  private ApiDescription(JsonNode root) {
    this.root = root;
  }

  static ApiDescription load() {
    try (InputStream in = ApiDescription.class.getResourceAsStream("/openapi.json")) {
      return new ApiDescription(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** Paths compare without a trailing slash and with template variables named only ({x: regex} is {x}). */
  static String normalise(String path) {
    String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** The operation for a path (as Jersey or a client writes it) and method, if described. */
  Optional<JsonNode> operation(String path, String method) {
    String want = normalise(path);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (normalise(e.getKey()).equals(want)) {
        return Optional.ofNullable(e.getValue().get(method.toLowerCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }

  /** Follows a local {@code $ref} (to components). */
  JsonNode resolve(JsonNode node) {
    while (node != null && node.has("$ref")) {
      node = root.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
