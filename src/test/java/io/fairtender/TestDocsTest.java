package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import io.fairtender.testdocs.TestDocSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every test document, in every format it is rendered to, gives exactly the findings marked in its source:
 * the same rules on the same clauses, nothing on the look-alikes.
 */
class TestDocsTest {
  static final Path DIR = TestPaths.project().resolve("test-docs");
  static final Checker CHECKER = Checker.create(CheckerConfig.defaults());

  @TestFactory
  Stream<DynamicTest> everyDocumentInEveryFormat() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR.resolve("src"))) {
      for (Path src : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        TestDocSource doc = TestDocSource.read(src);
        List<String> expected = doc.expected().stream().map(e -> e.ruleId() + " " + squash(e.quote())).sorted().toList();
        for (String ext : List.of("pdf", "docx", "html", "txt", "ofd")) {
          Path file = DIR.resolve(doc.name() + "." + ext);
          if (ext.equals("ofd") && !Files.exists(file)) {
            continue; // OFD is rendered for one document
          }
          tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Report r = CHECKER.check(DocumentInput.of(file), new CheckOptions(LocalDate.of(2026, 1, 1), false, false));
            // SME-policy verdicts on these documents are tested by PolicyDocsTest
            List<String> got = r.findings().stream().filter(f -> f.source().equals("rule"))
                .map(f -> f.ruleId() + " " + squash(f.quote())).sorted().toList();
            assertEquals(expected, got, "findings of " + file.getFileName());
            for (Finding f : r.findings()) {
              assertTrue(f.page() >= 1 && f.page() <= r.document().pages());
              assertTrue(f.legalBasis().size() >= 1 && !f.message().isBlank() && !f.suggestion().isBlank());
            }
          }));
        }
      }
    }
    assertTrue(tests.size() >= 24, "expected at least six documents in four formats");
    return tests.stream();
  }

  /** The quote without layout whitespace (PDF lines may break inside a clause). */
  static String squash(String s) {
    return s.replaceAll("\\s", "");
  }
}
