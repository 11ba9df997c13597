package io.fairtender.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a real response against the description: the status is described for the operation, the Content-Type is one
 * the response describes, and a JSON body validates against the described schema (OpenAPI 3.0 dialect, networknt).
 */
final class ResponseContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private final ApiDescription api;

  ResponseContract(ApiDescription api) {
    this.api = api;
  }

  /** Everything wrong with this response for {@code method pathTemplate}; empty when it conforms. */
  List<String> violations(String method, String pathTemplate, HttpResponse<byte[]> r) {
    List<String> out = new ArrayList<>();
    String where = method + " " + pathTemplate + " → " + r.statusCode();
    JsonNode op = api.operation(pathTemplate, method).orElse(null);
    if (op == null) {
      out.add(where + ": operation not described");
      return out;
    }
    JsonNode response = api.resolve(op.path("responses").get(String.valueOf(r.statusCode())));
    if (response == null) {
      response = api.resolve(op.path("responses").get("default"));
    }
    if (response == null) {
      out.add(where + ": status not described (described: " + names(op.path("responses")) + ")");
      return out;
    }
    String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      return out; // a response described without a body
    }
    if (!content.has(type)) {
      out.add(where + ": Content-Type " + type + " not described (described: " + names(content) + ")");
      return out;
    }
    JsonNode schema = content.get(type).get("schema");
    if (schema == null) {
      return out;
    }
    if (type.equals("application/json") || type.endsWith("+json")) {
      out.addAll(validate(where, schema, r.body()));
    } else if ("binary".equals(api.resolve(schema).path("format").asText()) && r.body().length == 0) {
      out.add(where + ": empty " + type + " body");
    }
    return out;
  }

  private List<String> validate(String where, JsonNode schema, byte[] body) {
    JsonNode value;
    try {
      value = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return List.of(where + ": body is not JSON: " + e.getMessage());
    }
    // the schema, with the description's components beside it so that #/components/... references resolve
    ObjectNode doc = schema.deepCopy();
    doc.set("components", api.root().get("components"));
    JsonSchema compiled = FACTORY.getSchema(doc);
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : compiled.validate(value)) {
      out.add(where + ": " + m.getMessage());
    }
    return out;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> out = new TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<byte[]> r) {
    try {
      return JSON.readTree(body(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
