package io.fairtender.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Requests to a running server, every response checked against the OpenAPI description; one per test. */
final class ContractCalls {
  /** HTTP/1.1 only: the JDK client's HTTP/2 upgrade can hang against Grizzly. */
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ResponseContract contract;
  private final List<String> violations = new ArrayList<>();
  private int checked;

  ContractCalls(ResponseContract contract) {
    this.contract = contract;
  }

  /** Sends, checks the response against the description, and returns it. */
  HttpResponse<byte[]> call(String method, String template, HttpRequest.Builder b, Duration timeout) throws Exception {
    HttpResponse<byte[]> r = HTTP.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    violations.addAll(contract.violations(method, template, r));
    checked++;
    return r;
  }

  /** At least one response was checked, and none broke the description. */
  void assertAllConformed() {
    assertTrue(checked > 0, "no response was checked");
    assertTrue(violations.isEmpty(), () -> "responses that break " + ApiDescription.FILE + ":\n  " + String.join("\n  ", violations));
  }
}
