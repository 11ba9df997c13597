package io.fairtender.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairtender.CheckOptions;
import io.fairtender.Checker;
import io.fairtender.CheckerConfig;
import io.fairtender.DocumentInput;
import io.fairtender.TestPaths;
import io.fairtender.analyse.Category;
import io.fairtender.analyse.policy.PolicyCatalogue;
import io.fairtender.analyse.policy.PolicyCheck;
import io.fairtender.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both bundles hold the same keys, and the SME-policy verdicts render with no word of the other language. */
class MessagesTest {
  private static final Pattern CJK = Pattern.compile("[\\p{IsHan}，。：；（）、“”]");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Checker CHECKER = Checker.create(CheckerConfig.defaults());

  @Test
  void bothBundlesHoldTheSameKeys() {
    TreeSet<String> zh = new TreeSet<>(Messages.of(false).all().keySet());
    TreeSet<String> en = new TreeSet<>(Messages.of(true).all().keySet());
    TreeSet<String> onlyZh = new TreeSet<>(zh);
    onlyZh.removeAll(en);
    TreeSet<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(zh);
    assertEquals(new TreeSet<>(), onlyZh, "keys missing in messages_en.properties");
    assertEquals(new TreeSet<>(), onlyEn, "keys missing in messages_zh.properties");
    assertTrue(zh.size() > 150, "the bundles hold the page's and the report's strings: " + zh.size());
  }

  @Test
  void everyPolicyCheckCategoryAndSeverityHasANameInBothLanguages() {
    for (boolean en : new boolean[] {false, true}) {
      Messages m = Messages.of(en);
      for (String id : PolicyCatalogue.entries().keySet()) {
        assertTrue(m.has("policy.check." + id), "policy.check." + id + " in " + m.lang());
      }
      for (Category c : Category.values()) {
        assertTrue(m.has("category." + c.id()), "category." + c.id() + " in " + m.lang());
      }
      for (String s : List.of("violation", "risk", "info")) {
        assertTrue(m.has("severity." + s));
      }
      for (String s : List.of(PolicyCheck.PASS, PolicyCheck.FAIL, PolicyCheck.REVIEW, PolicyCheck.NA)) {
        assertTrue(m.has("policy.status." + s));
      }
    }
  }

  @Test
  void policyFixesInChineseAreTheCataloguesOwn() {
    for (PolicyCatalogue.Entry e : PolicyCatalogue.entries().values()) {
      assertEquals(e.fix(), Messages.of(false).get("policy.fix." + e.id()), e.id());
      assertTrue(Messages.of(true).has("policy.fix." + e.id()), e.id());
    }
  }

  @Test
  void englishStringsHaveNoChineseAndChinesePolicyStringsNoEnglish() {
    Messages en = Messages.of(true);
    en.all().forEach((k, v) -> assertFalse(CJK.matcher(v).find(), "Chinese in messages_en " + k + "=" + v));
    Messages zh = Messages.of(false);
    zh.all().forEach((k, v) -> {
      boolean policy = k.startsWith("policy.") && !k.startsWith("policy.fix.");
      if (policy || k.startsWith("term.") || k.startsWith("verdict.") || k.startsWith("count.")) {
        assertFalse(LATIN_WORD.matcher(v).find(), "English in messages_zh " + k + "=" + v);
      }
    });
  }

  /** Every verdict of every test document, rendered in the other language from its phrases, stays in that language. */
  @Test
  void policyVerdictsRenderInEitherLanguageWithoutLeaks() throws Exception {
    List<Path> docs;
    try (Stream<Path> s = Files.list(TestPaths.project().resolve("test-docs"))) {
      docs = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertTrue(docs.size() >= 8);
    List<String> rendered = new ArrayList<>();
    for (Path doc : docs) {
      for (String date : List.of("2023-06-01", "2025-09-01")) {
        Report r = CHECKER.check(DocumentInput.of(doc), new CheckOptions(LocalDate.parse(date), false, false));
        for (PolicyCheck c : r.policy().checks()) {
          for (boolean english : new boolean[] {false, true}) {
            Messages m = Messages.of(english);
            List<String> texts = new ArrayList<>();
            texts.add(m.get("policy.check." + c.ruleId()));
            texts.add(m.get("policy.status." + c.status()));
            if (c.expectedPhrase() != null) {
              texts.add(m.render(c.expectedPhrase()));
            }
            if (c.foundPhrase() != null) {
              texts.add(m.render(c.foundPhrase()));
            }
            c.notes().forEach(n -> texts.add(m.render(n)));
            for (String t : texts) {
              rendered.add(t);
              if (english) {
                assertFalse(CJK.matcher(t).find(), doc.getFileName() + " " + c.ruleId() + ": Chinese in English: " + t);
              } else {
                assertFalse(LATIN_WORD.matcher(t).find(), doc.getFileName() + " " + c.ruleId() + ": English in Chinese: " + t);
              }
            }
          }
          // the JSON strings are the phrases rendered in the check's language (Chinese here)
          assertEquals(c.expectedPhrase() == null ? null : Messages.of(false).render(c.expectedPhrase()), c.expected());
          assertEquals(c.foundPhrase() == null ? null : Messages.of(false).render(c.foundPhrase()), c.found());
        }
      }
    }
    assertTrue(rendered.stream().anyMatch(t -> t.contains("万元") || t.contains("%")), "values with amounts were rendered");
  }

  @Test
  void amountsAndPercentagesFollowTheLanguage() {
    Phrase p = Phrase.of("policy.v.budgetAtMost", Phrase.money(2_000_000));
    assertEquals("预算不超过200万元", Messages.of(false).render(p));
    assertEquals("budget at most CNY 2,000,000", Messages.of(true).render(p));
    assertEquals("2.5%", Messages.percent(0.025));
    assertEquals("10%", Messages.percent(0.1));
    Phrase days = Phrase.of("policy.v.daysFrom", Phrase.number(30), Phrase.term("paymentFrom.acceptance"));
    assertEquals("自验收合格起30日", Messages.of(false).render(days));
    assertEquals("30 days from acceptance", Messages.of(true).render(days));
  }
}
