package io.fairtender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.analyse.RuleSelection;
import io.fairtender.report.Finding;
import io.fairtender.report.Report;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The per-document limits: a hard time limit, findings, units, and requests refused before any work. */
class CheckerLimitsTest {
  private static final CheckOptions OPTS = new CheckOptions(LocalDate.of(2025, 1, 1), false, false);
  private static final Checker LIMITED = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF)
      .withLimits(CheckerConfig.Limits.defaults().withMaxFindings(300, 50).withMaxUnits(100_000)));

  /** {@code n} lines, every one a clause that breaks a rule (several rules take turns). */
  static byte[] violations(int n) {
    String[] clauses = {"投标人注册资本不低于%d万元。", "投标人成立时间不少于%d年。", "投标人从业人员不少于%d人。", "投标人近三年营业收入不低于%d万元。"};
    StringBuilder sb = new StringBuilder("二、申请人的资格要求\n");
    for (int i = 0; i < n; i++) {
      sb.append(i + 1).append(") ").append(String.format(clauses[i % clauses.length], 100 + i % 900)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findingsAreCappedPerDocumentAndPerRuleAndTheCutIsReported() {
    Report r = LIMITED.check(new DocumentInput(violations(20_000), "many.txt", null), OPTS);
    assertTrue(r.findings().size() <= 300, "findings: " + r.findings().size());
    Map<String, Long> perRule = r.findings().stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    assertTrue(perRule.values().stream().allMatch(c -> c <= 50), perRule.toString());
    assertTrue(perRule.size() >= 3, perRule.toString());
    assertTrue(r.processingErrors().stream().anyMatch(e -> e.code().equals("FINDINGS_LIMIT")), r.processingErrors().toString());
  }

  @Test
  void tooManyUnitsIsTooLargeNotOutOfMemory() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 150_000; i++) {
      sb.append("甲。\n");
    }
    CheckException e = assertThrows(CheckException.class,
        () -> LIMITED.check(new DocumentInput(sb.toString().getBytes(StandardCharsets.UTF_8), "units.txt", null), OPTS));
    assertEquals(ErrorCode.TOO_LARGE, e.code());
  }

  @Test
  void aBadSelectionIsRefusedBeforeTheDocumentIsRead() {
    CheckOptions bad = new CheckOptions(null, false, false, new RuleSelection(null, Set.of("NO-SUCH-RULE"), Set.of(), Set.of(), Set.of()));
    byte[] notADocument = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0, 1, 2, 3};
    assertEquals(ErrorCode.BAD_REQUEST,
        assertThrows(CheckException.class, () -> LIMITED.check(new DocumentInput(notADocument, "x.bin", null), bad)).code());
  }

  @Test
  void theTimeLimitIsHardTheCallerGetsTimeLimitAtTheDeadline() throws InterruptedException {
    Checker oneSecond = Checker.create(CheckerConfig.defaults().withModels(CheckerConfig.ModelMode.OFF)
        .withTimeLimit(Duration.ofSeconds(1)).withMaxChars(20_000_000).withLimits(CheckerConfig.Limits.defaults().withMaxUnits(5_000_000)));
    byte[] big = LargeTextTest.shortLines(12_000_000).getBytes(StandardCharsets.UTF_8); // several seconds of work
    long t0 = System.nanoTime();
    CheckException e = assertThrows(CheckException.class, () -> oneSecond.check(new DocumentInput(big, "big.txt", null), OPTS));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(ErrorCode.TIME_LIMIT, e.code());
    assertTrue(ms < 1500, "answered at the limit, not when the work ended: " + ms + " ms");
    // the abandoned worker stops at its next deadline check instead of finishing the document
    long until = System.nanoTime() + 5_000_000_000L;
    while (stillChecking() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertTrue(!stillChecking(), "the worker gave up");
  }

  private static boolean stillChecking() {
    return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().getName().startsWith("fairtender-check-")
        && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(Checker.class.getName())));
  }
}
