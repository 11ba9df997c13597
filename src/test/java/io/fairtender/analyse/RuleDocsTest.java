package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import io.fairtender.report.RuleDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed rule pages in docs/rules are what the rule files generate. */
class RuleDocsTest {
  private static final Path DOCS = TestPaths.project().resolve("docs/rules");

  @Test
  void committedPagesAreUpToDate() throws IOException {
    List<Rule> rules = RuleSet.builtin().rules();
    for (Rule r : rules) {
      Path page = DOCS.resolve(r.id() + ".md");
      assertTrue(Files.exists(page), "missing " + page + "; run ./fairtender rules --docs docs/rules");
      assertEquals(RuleDoc.markdown(r), Files.readString(page, StandardCharsets.UTF_8),
          page + " is stale; run ./fairtender rules --docs docs/rules");
    }
    assertEquals(RuleDoc.index(rules), Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8));
  }

  @Test
  void htmlPagesShowBasisExamplesAndLookAlikes() {
    Rule r = RuleSet.builtin().get("SME-OWN").orElseThrow();
    String html = RuleDoc.html(r);
    assertTrue(html.contains("第二十条第（七）项") && html.contains("<mark>") && html.contains("不接受联合体投标"), html);
  }
}
