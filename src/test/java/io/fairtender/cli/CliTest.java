package io.fairtender.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Exit codes and output of the command line. */
class CliTest {
  private static final Path DOCS = TestPaths.project().resolve("test-docs");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void findingsExitFour() {
    Run r = run("check", "--format", "text", DOCS.resolve("03-announcement.html").toString());
    assertEquals(Main.EXIT_FINDINGS, r.code());
    assertTrue(r.out().contains("SME-OWN"), r.out());
  }

  @Test
  void aCleanDocumentExitsZero() {
    assertEquals(Main.EXIT_CLEAN, run("check", DOCS.resolve("05-clean-tender.pdf").toString()).code());
    assertEquals(Main.EXIT_CLEAN, run("check", "--ocr-workers", "1", DOCS.resolve("05-clean-tender.pdf").toString()).code());
  }

  @Test
  void anUnreadableDocumentExitsOneAndSaysWhy() {
    Run r = run("check", "--format", "jsonl", DOCS.resolve("03-announcement.txt").toString(), "no/such/file.pdf");
    assertEquals(Main.EXIT_ERROR, r.code());
    assertTrue(r.err().contains("no/such/file.pdf: BAD_REQUEST: no such file"), r.err());
    assertEquals(2, r.out().strip().split("\n").length, "one line per document, including the failed one");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(Main.EXIT_USAGE, run("check").code());
    assertEquals(Main.EXIT_USAGE, run("check", "--format", "yaml", "x.pdf").code());
    assertEquals(Main.EXIT_USAGE, run("check", "--as-of", "2024-13-45", "x.pdf").code());
    assertEquals(Main.EXIT_USAGE, run("frobnicate").code());
  }

  @Test
  void configurationErrorsExitTwoWithOneLineAndNoStackTrace() throws java.io.IOException {
    Path badYaml = java.nio.file.Files.createTempFile("policy-", ".yaml");
    try {
      java.nio.file.Files.writeString(badYaml, "national: [\n");
      String doc = DOCS.resolve("03-announcement.txt").toString();
      java.util.List<String[]> cases = java.util.List.of(
          new String[] {"check", "--rules-dir", "/no/such/rules", doc},
          new String[] {"check", "--rule-param", "NO-SUCH-RULE.minValue=3", doc},
          new String[] {"check", "--policy-params", "/no/such/policy.yaml", doc},
          new String[] {"check", "--policy-params", badYaml.toString(), doc},
          new String[] {"check", "--models", "maybe", doc},
          new String[] {"check", "--ocr-workers", "0", doc},
          new String[] {"serve", "--ocr-workers", "0"},
          new String[] {"serve", "--port", "99999"},
          new String[] {"serve", "--port", "-1"},
          new String[] {"serve", "--rules-dir", "/no/such/rules"},
          new String[] {"serve", "--rule-param", "X=1"});
      for (String[] args : cases) {
        Run r = run(args);
        String what = String.join(" ", args);
        assertEquals(Main.EXIT_USAGE, r.code(), what + "\n" + r.err());
        assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
        assertTrue(r.err().startsWith("fairtender: --"), what + ": " + r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what + ": " + r.err());
      }
    } finally {
      java.nio.file.Files.deleteIfExists(badYaml);
    }
  }

  @Test
  void severalFilesGiveAJsonArray() {
    Run r = run("check", DOCS.resolve("03-announcement.txt").toString(), DOCS.resolve("05-clean-tender.txt").toString());
    assertTrue(r.out().strip().startsWith("["), r.out());
  }

  @Test
  void rulesAreListed() {
    Run r = run("rules");
    assertEquals(Main.EXIT_CLEAN, r.code());
    assertTrue(r.out().contains("SME-SCALE-REGCAP") && r.out().contains("SME-OWN"), r.out());
  }
}
