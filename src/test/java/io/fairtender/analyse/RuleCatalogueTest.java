package io.fairtender.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meta-tests over the rule catalogue: ids, files, required fields, triggers, and loader errors. */
class RuleCatalogueTest {
  private static final Path RULES = TestPaths.project().resolve("src/main/resources/rules");

  @Test
  void idsAreUniqueAndEqualTheFileName() {
    Set<String> ids = new HashSet<>();
    for (Rule r : RuleLoader.builtin()) {
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertEquals(r.id() + ".yaml", r.source(), "rule id must equal its file name");
    }
  }

  @Test
  void theIndexListsEveryRuleFile() throws IOException {
    try (Stream<Path> files = Files.list(RULES)) {
      List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
      assertEquals(onDisk, RuleLoader.builtinNames().stream().sorted().toList());
    }
  }

  @Test
  void everyRuleHasBasisMessagesAndBothKindsOfExample() {
    for (Rule r : RuleLoader.builtin()) {
      assertFalse(r.legalBasis().isEmpty(), r.id());
      assertFalse(r.message().zh().isBlank() || r.message().en().isBlank(), r.id());
      assertFalse(r.suggestion().zh().isBlank() || r.suggestion().en().isBlank(), r.id());
      assertTrue(r.examples().stream().anyMatch(Example::positive), r.id());
      assertTrue(r.examples().stream().anyMatch(e -> !e.positive()), r.id());
    }
  }

  /** The trigger prefilter must not hide a rule from its own positive examples. */
  @Test
  void everyPositiveExampleContainsATrigger() {
    for (Rule r : RuleLoader.builtin()) {
      for (Example e : r.examples()) {
        if (e.positive()) {
          String norm = io.fairtender.normalise.NormaliserTest.norm(e.plain(), false).text();
          assertTrue(r.triggers().stream().anyMatch(norm::contains), r.id() + " has no trigger in " + e.plain());
        }
      }
    }
  }

  @Test
  void aBrokenRuleFileNamesTheFileLineAndReason(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("X-BROKEN.yaml"), "id: X-BROKEN\nkind: phrase\ncategory: scale\nseverity: violation\npatterns: ['(unclosed']\n");
    RuleFileException e = assertThrows(RuleFileException.class, () -> RuleLoader.fromDirectory(dir));
    assertTrue(e.getMessage().contains("X-BROKEN.yaml"), e.getMessage());

    Files.writeString(dir.resolve("X-BROKEN.yaml"), "id: X-BROKEN\nkind: phrase\n  bad: indentation: here\n");
    e = assertThrows(RuleFileException.class, () -> RuleLoader.fromDirectory(dir));
    assertTrue(java.util.regex.Pattern.compile("X-BROKEN.yaml:3: not valid YAML").matcher(e.getMessage()).find(), e.getMessage());
  }

  @Test
  void aBadRegexIsReportedWithItsField() {
    String yaml = "id: X-RE\nkind: phrase\ncategory: scale\nseverity: violation\ntitle: {zh: a, en: a}\n"
        + "message: {zh: a, en: a}\nsuggestion: {zh: a, en: a}\nlegalBasis: [{document: d, article: a}]\n"
        + "triggers: [a]\npatterns: ['(unclosed']\nexamples: {positive: ['⟦a⟧'], negative: ['b']}\n";
    RuleFileException e = assertThrows(RuleFileException.class, () -> RuleLoader.parse("X-RE.yaml", yaml));
    assertTrue(e.getMessage().startsWith("X-RE.yaml:10: bad regular expression in 'patterns'"), e.getMessage());
  }

  @Test
  void duplicateIdsAcrossPacksFailStartUp() {
    Rule r = RuleLoader.builtin().get(0);
    assertThrows(RuleFileException.class, () -> new RuleSet(List.of(r, r)));
  }
}
