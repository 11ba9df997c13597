package io.fairtender.analyse.policy;

import io.fairtender.analyse.policy.Facts.Evidence;
import io.fairtender.analyse.policy.Facts.Fact;
import io.fairtender.analyse.policy.Facts.Range;
import io.fairtender.i18n.Messages;
import io.fairtender.i18n.Phrase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Applies the dated SME-policy parameters to a document's facts, one verdict per check. */
public final class PolicyEvaluator {
  private final PolicyParams params;

  public PolicyEvaluator(PolicyParams params) {
    this.params = params;
  }

  /** Verdicts as of {@code date}; {@code province} adds that province's rules (null: national only). */
  public PolicyResult evaluate(Facts f, LocalDate date, String dateSource, String province, boolean en) {
    Run run = new Run(f, date, province, en);
    run.all();
    return new PolicyResult(new PolicyResult.Regime(date.toString(), dateSource, province, List.copyOf(run.used.values())), run.checks);
  }

  private final class Run {
    final Facts f;
    final LocalDate date;
    final String province;
    final boolean en;
    final List<PolicyCheck> checks = new ArrayList<>();
    final Map<String, PolicyParams.Param> used = new LinkedHashMap<>();
    final String type;
    final boolean works;
    final Long budget;
    final Boolean reserved;
    final boolean reservedInferred;
    final boolean smeSupport;

    Run(Facts f, LocalDate date, String province, boolean en) {
      this.f = f;
      this.date = date;
      this.province = province;
      this.en = en;
      this.type = f.procurementType().value();
      this.works = "works".equals(type);
      this.budget = f.budgetCny().known() ? f.budgetCny().value() : f.maxPriceCny().value();
      // a price deduction only applies to non-reserved projects, so it implies "not reserved" when nothing else is said
      this.reservedInferred = !f.reserved().known() && f.smallMicroDeduction().known();
      this.reserved = reservedInferred ? Boolean.FALSE : f.reserved().value();
      this.smeSupport = Boolean.TRUE.equals(reserved) || f.smallMicroDeduction().known() || f.consortiumDeduction().known();
    }

    Double p(String key) {
      PolicyParams.Param v = params.get(key, date, province);
      if (v == null) {
        return null;
      }
      used.put(key, v);
      return v.value();
    }

    String tkey() {
      return works ? "works" : "goods_services";
    }

    void add(String id, String status, Phrase expected, Phrase found, List<Evidence> evidence, Phrase note) {
      PolicyCatalogue.Entry e = PolicyCatalogue.get(id);
      Messages m = Messages.of(en);
      String msg = (en ? e.en() : e.zh()) + (note == null ? "" : m.get("policy.note.join") + m.render(note));
      checks.add(new PolicyCheck(id, status, m.render(expected), m.render(found), evidence, msg, e.basis(), expected, found,
          note == null ? List.of() : List.of(note)));
    }

    void all() {
      reserveSmall();
      reserveLarge();
      reserveMethod();
      lessThanThree();
      budgetLevel();
      deductionRequired();
      rangeGoodsServices();
      rangeWorks();
      consortium();
      noneInReserved();
      smallMicroOnly();
      rateChoice();
      goodsAll();
      docContent();
      declTemplate();
      subcontractDown();
      prisonDisabled();
      bondBid();
      bondForm();
      bondPerf();
      bondOther();
      payTerm();
      payAudit();
      payInterest();
      payContent();
    }

    private Phrase missing(String what) {
      return Phrase.of("policy.note.missing", Phrase.term("missing." + what));
    }

    private List<Evidence> ev(Fact<?>... facts) {
      List<Evidence> out = new ArrayList<>();
      for (Fact<?> x : facts) {
        out.addAll(x.evidence());
      }
      return out;
    }

    void reserveSmall() {
      String id = "SME-RSV-SMALL";
      if (type == null || budget == null) {
        add(id, PolicyCheck.REVIEW, v("reservedUnderCeiling"), null, ev(f.procurementType(), f.budgetCny()),
            missing(type == null ? "type" : "budget"));
        return;
      }
      Double ceiling = p("reserve.fullCeiling." + tkey());
      if (ceiling == null) {
        add(id, PolicyCheck.NA, null, null, List.of(), Phrase.of("policy.note.noReserveRule", Phrase.date(date)));
        return;
      }
      if (budget > ceiling) {
        add(id, PolicyCheck.NA, v("budgetAtMost", Phrase.money(ceiling)), v("value", Phrase.money(budget)), ev(f.budgetCny()), null);
      } else if (reserved == null) {
        add(id, PolicyCheck.REVIEW, v("reservedBudget", Phrase.money(ceiling)), v("notStated"), ev(f.budgetCny()), missing("reserved"));
      } else if (reserved) {
        add(id, PolicyCheck.PASS, v("reserved"), v("reserved"), ev(f.reserved(), f.budgetCny()), null);
      } else if (reservedInferred) {
        add(id, PolicyCheck.REVIEW, v("reservedBudget", Phrase.money(ceiling)), v("notReservedDeduction"),
            ev(f.smallMicroDeduction(), f.budgetCny()), Phrase.of("policy.note.notReservedNoReason"));
      } else if (Boolean.TRUE.equals(f.exemptionReason().value())) {
        add(id, PolicyCheck.REVIEW, v("reservedOrReason"), v("notReservedReason"), ev(f.reserved(), f.exemptionReason()),
            Phrase.of("policy.note.checkReason"));
      } else {
        add(id, PolicyCheck.FAIL, v("reservedBudget", Phrase.money(ceiling)), v("notReservedNoReason"), ev(f.reserved(), f.budgetCny()), null);
      }
    }

    void reserveLarge() {
      String id = "SME-RSV-LARGE";
      Double ceiling = type == null ? null : p("reserve.fullCeiling." + tkey());
      if (type == null || budget == null || ceiling == null || budget <= ceiling || !Boolean.TRUE.equals(reserved)) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      Double share = p("reserve.share." + tkey());
      if ("whole".equals(f.reserveMethod().value())) {
        add(id, PolicyCheck.PASS, v("atLeast", Phrase.percent(share)), v("wholeReserved"), ev(f.reserved()), null);
      } else if (!f.reserveShare().known()) {
        add(id, PolicyCheck.REVIEW, v("atLeast", Phrase.percent(share)), null, ev(f.reserved()), missing("reserveShare"));
      } else {
        boolean ok = f.reserveShare().value() + 1e-9 >= share;
        add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, v("atLeast", Phrase.percent(share)), v("value", Phrase.percent(f.reserveShare().value())), ev(f.reserveShare()), null);
      }
    }

    void reserveMethod() {
      String id = "SME-RSV-METHOD";
      String m = f.reserveMethod().value();
      if (!"consortium".equals(m) && !"subcontract".equals(m)) {
        add(id, PolicyCheck.NA, null, m == null ? null : v("value", Phrase.term("reserveMethod." + m)), ev(f.reserveMethod()), null);
        return;
      }
      boolean q = Boolean.TRUE.equals(f.reserveIsQualification().value());
      add(id, q ? PolicyCheck.PASS : PolicyCheck.FAIL, v("shareAsQualification"),
          v(q ? "statedAsQualification" : "notQualification"), ev(f.reserveShare(), f.reserveIsQualification()), null);
    }

    void lessThanThree() {
      String id = "SME-RSV-LT3";
      if (!Boolean.TRUE.equals(reserved)) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.lessThanThreeClause().value())) {
        add(id, PolicyCheck.PASS, v("suspendLt3"), v("stated"), ev(f.lessThanThreeClause()), null);
      } else {
        add(id, PolicyCheck.REVIEW, v("suspendLt3"), v("notStated"), ev(f.reserved()), missing("lt3"));
      }
    }

    void budgetLevel() {
      String id = "SME-RSV-BUDGETLEVEL";
      Double ceiling = type == null ? null : p("reserve.fullCeiling." + tkey());
      if (type == null || budget == null || ceiling == null || budget <= ceiling || !Boolean.FALSE.equals(reserved)) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.REVIEW, v("deptReserve"), v("notReservedDeductionApplied"),
            ev(f.reserved(), f.smallMicroDeduction()), Phrase.of("policy.note.deptPlan"));
      } else {
        add(id, PolicyCheck.FAIL, v("reserveOrDeduction"), v("neither"), ev(f.reserved(), f.budgetCny()), null);
      }
    }

    void deductionRequired() {
      String id = "SME-PD-REQUIRED";
      if (reserved == null) {
        add(id, f.smallMicroDeduction().known() ? PolicyCheck.PASS : PolicyCheck.REVIEW, v("deductionUnlessReserved"),
            f.smallMicroDeduction().known() ? rate(f.smallMicroDeduction().value()) : v("notStated"), ev(f.smallMicroDeduction()),
            f.smallMicroDeduction().known() ? null : missing("reserveOrDeduction"));
      } else if (reserved) {
        add(id, PolicyCheck.NA, null, v("reservedBy", Phrase.term("reserveMethod." + f.reserveMethod().value())), ev(f.reserved()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.PASS, v("deductionSmallMicro"), rate(f.smallMicroDeduction().value()), ev(f.smallMicroDeduction()), null);
      } else {
        add(id, PolicyCheck.FAIL, v("deductionSmallMicro"), v("none"), ev(f.reserved()), null);
      }
    }

    void rangeGoodsServices() {
      range("SME-PD-RANGE-GS", !works && type != null, "deduction.smallMicro.goods_services", f.smallMicroDeduction());
    }

    void rangeWorks() {
      range("SME-PD-RANGE-WORKS", works, "deduction.smallMicro.works", f.smallMicroDeduction());
    }

    void range(String id, boolean applies, String key, Fact<Range> rate) {
      if (!applies || !rate.known()) {
        add(id, type == null && rate.known() ? PolicyCheck.REVIEW : PolicyCheck.NA, null, rate.known() ? rate(rate.value()) : null,
            ev(rate), type == null && rate.known() ? missing("type") : null);
        return;
      }
      Double min = p(key + ".min");
      Double max = p(key + ".max");
      if (min == null || max == null) {
        add(id, PolicyCheck.REVIEW, null, rate(rate.value()), ev(rate), Phrase.of("policy.note.noRange", Phrase.date(date)));
        return;
      }
      Range r = rate.value();
      boolean ok = r.min() + 1e-9 >= min && r.max() - 1e-9 <= max;
      add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, v("range", Phrase.percent(min), Phrase.percent(max)), rate(r), ev(rate), null);
    }

    void consortium() {
      String id = "SME-PD-JV";
      Fact<Range> c = f.consortiumDeduction();
      if (!c.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      if (type == null) {
        add(id, PolicyCheck.REVIEW, null, rate(c.value()), ev(c), missing("type"));
        return;
      }
      Double min = p("deduction.consortium." + tkey() + ".min");
      Double max = p("deduction.consortium." + tkey() + ".max");
      if (min == null || max == null) {
        add(id, PolicyCheck.REVIEW, null, rate(c.value()), ev(c), Phrase.of("policy.note.noRange", Phrase.date(date)));
        return;
      }
      boolean ok = c.value().min() + 1e-9 >= min && c.value().max() - 1e-9 <= max;
      add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, v("range", Phrase.percent(min), Phrase.percent(max)), rate(c.value()), ev(c), null);
    }

    void noneInReserved() {
      String id = "SME-PD-NONE-IN-RESERVED";
      if (!Boolean.TRUE.equals(reserved) || !"whole".equals(f.reserveMethod().value())) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (f.smallMicroDeduction().known() && f.packages().size() < 2) {
        add(id, PolicyCheck.FAIL, v("noDeductionReserved"), rate(f.smallMicroDeduction().value()),
            ev(f.reserved(), f.smallMicroDeduction()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.REVIEW, v("noDeductionReservedPackages"), rate(f.smallMicroDeduction().value()),
            ev(f.reserved(), f.smallMicroDeduction()), Phrase.of("policy.note.deductionPackages"));
      } else {
        add(id, PolicyCheck.PASS, v("noDeductionReserved"), v("none"), ev(f.reserved()), null);
      }
    }

    void smallMicroOnly() {
      String id = "SME-PD-SMALLMICRO-ONLY";
      if (Boolean.TRUE.equals(f.mediumDeduction().value())) {
        add(id, PolicyCheck.FAIL, v("smallMicroOnly"), v("mediumDeduction"), ev(f.mediumDeduction()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.PASS, v("smallMicroOnly"), v("smallMicroOnly"), ev(f.smallMicroDeduction()), null);
      } else {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      }
    }

    void rateChoice() {
      String id = "SME-PD-RATE-CHOICE";
      Fact<Range> r = f.smallMicroDeduction();
      if (!r.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (r.value().fixed()) {
        add(id, PolicyCheck.PASS, v("fixedRate"), rate(r.value()), ev(r), null);
      } else {
        add(id, PolicyCheck.REVIEW, v("fixedRate"), rate(r.value()), ev(r), Phrase.of("policy.note.rangeCopied"));
      }
    }

    void goodsAll() {
      String id = "SME-PD-GOODS-ALL";
      if (!"goods".equals(type) || !smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.goodsAllMadeBySmallMicro().value())) {
        add(id, PolicyCheck.PASS, v("goodsAllMade"), v("stated"), ev(f.goodsAllMadeBySmallMicro()), null);
      } else {
        add(id, PolicyCheck.REVIEW, v("goodsAllMade"), v("notStated"), List.of(), missing("goodsAllMade"));
      }
    }

    void docContent() {
      String id = "SME-DOC-CONTENT";
      List<Phrase> absent = new ArrayList<>();
      if (!f.reserved().known() && !f.smallMicroDeduction().known()) {
        absent.add(Phrase.of("term.missing.reserveOrDeductionRate"));
      }
      if (!f.industries().known()) {
        absent.add(Phrase.of("term.missing.industry"));
      }
      // the subcontracting clause is SME-SUBCONTRACT-DOWN's to report: one absence, one finding
      if (absent.isEmpty()) {
        add(id, PolicyCheck.PASS, v("allEssentials"), v("allStated"), ev(f.industries()), null);
      } else {
        add(id, PolicyCheck.FAIL, v("allEssentials"), v("value", Phrase.list(absent)), ev(f.industries()),
            Phrase.of("policy.note.missing", Phrase.list(absent)));
      }
    }

    void declTemplate() {
      String id = "SME-DECL-TEMPLATE";
      Fact<String> t = f.declarationTemplate();
      if (!t.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (type == null) {
        add(id, PolicyCheck.REVIEW, null, v("value", Phrase.term("template." + t.value())), ev(t), missing("type"));
      } else {
        boolean ok = "goods".equals(type) == "goods".equals(t.value());
        add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, v("value", Phrase.term("goods".equals(type) ? "template.goods" : "template.works-services")),
            v("value", Phrase.term("template." + t.value())), ev(t), null);
      }
    }

    void subcontractDown() {
      String id = "SME-SUBCONTRACT-DOWN";
      if (!smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.subcontractDownClause().value())) {
        add(id, PolicyCheck.PASS, v("clausePresent"), v("present"), ev(f.subcontractDownClause()), null);
      } else {
        add(id, PolicyCheck.FAIL, v("clausePresent"), v("absent"), ev(f.reserved(), f.smallMicroDeduction()), null);
      }
    }

    void prisonDisabled() {
      String id = "SME-PRISON-DISABLED";
      if (!smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.prisonAndDisabledClause().value())) {
        add(id, PolicyCheck.PASS, v("bothNamed"), v("bothNamed"), ev(f.prisonAndDisabledClause()), null);
      } else {
        add(id, PolicyCheck.REVIEW, v("bothNamed"), v("notBothNamed"), ev(f.prisonAndDisabledClause()), missing("prisonDisabled"));
      }
    }

    void bondBid() {
      String id = "BOND-BID";
      Double cap = p("bond.bid.maxShareOfBudget");
      if (f.bidBondCny().known()) {
        if (f.bidBondCny().value() == 0) {
          add(id, PolicyCheck.PASS, v("atMostOfBudget", Phrase.percent(cap)), v("none"), ev(f.bidBondCny()), null);
        } else if (budget == null) {
          add(id, PolicyCheck.REVIEW, v("atMostOfBudget", Phrase.percent(cap)), v("value", Phrase.money(f.bidBondCny().value())), ev(f.bidBondCny()),
              missing("budget"));
        } else {
          double share = f.bidBondCny().value() / (double) budget;
          add(id, share <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, v("atMost", Phrase.phrase(v("value", Phrase.money(cap * budget)))),
              v("amountShare", Phrase.money(f.bidBondCny().value()), Phrase.percent(share)), ev(f.bidBondCny(), f.budgetCny()), null);
        }
      } else if (f.bidBondShare().known()) {
        add(id, f.bidBondShare().value() <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, v("atMost", Phrase.phrase(v("value", Phrase.percent(cap)))),
            v("value", Phrase.percent(f.bidBondShare().value())), ev(f.bidBondShare()), null);
      } else {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      }
    }

    void bondForm() {
      flagCheck("BOND-FORM", f.bondFormRestricted(), "nonCashAccepted", "formRestricted");
    }

    void bondPerf() {
      String id = "BOND-PERF";
      Double cap = p("bond.performance.maxShareOfContract");
      Fact<Double> s = f.performanceBondShare();
      if (!s.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else {
        add(id, s.value() <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, v("atMost", Phrase.phrase(v("value", Phrase.percent(cap)))), v("value", Phrase.percent(s.value())), ev(s), null);
      }
    }

    void bondOther() {
      if (works) {
        add("BOND-OTHER", PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      flagCheck("BOND-OTHER", f.otherDeposit(), "noUnlawfulDeposit", "unlawfulDeposit");
    }

    void flagCheck(String id, Fact<Boolean> flag, String expected, String bad) {
      if (Boolean.TRUE.equals(flag.value())) {
        add(id, PolicyCheck.FAIL, v(expected), v(bad), ev(flag), null);
      } else {
        add(id, PolicyCheck.PASS, v(expected), v("noneFoundOf", Phrase.phrase(v(bad))), List.of(), null);
      }
    }

    void payTerm() {
      String id = "PAY-TERM";
      Double def = p("payment.defaultDays");
      Double max = p("payment.maxDaysByContract");
      if (def == null || max == null) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      if (Boolean.TRUE.equals(f.paymentConditional().value())) {
        add(id, PolicyCheck.FAIL, v("daysUnconditional", Phrase.number((long) (double) max)), v("paymentConditional"),
            ev(f.paymentConditional()), null);
      } else if (!f.paymentDays().known()) {
        add(id, PolicyCheck.REVIEW, v("daysDefault", Phrase.number((long) (double) def), Phrase.number((long) (double) max)), null, List.of(),
            missing("paymentDays"));
      } else {
        int d = f.paymentDays().value();
        add(id, d <= max ? PolicyCheck.PASS : PolicyCheck.FAIL, v("daysMax", Phrase.number((long) (double) max)),
            v("daysFrom", Phrase.number(d), Phrase.term("paymentFrom." + f.paymentFrom().value())),
            ev(f.paymentDays()), null);
      }
    }

    void payAudit() {
      String id = "PAY-AUDIT";
      boolean banned = p("payment.auditSettlementBanned") != null;
      if (Boolean.TRUE.equals(f.auditSettlement().value())) {
        add(id, banned ? PolicyCheck.FAIL : PolicyCheck.REVIEW, v("noAuditSettlement"), v("auditSettlement"),
            ev(f.auditSettlement()), banned ? null : Phrase.of("policy.note.auditBefore"));
      } else {
        add(id, PolicyCheck.PASS, v("noAuditSettlement"), v("noneFoundOf", Phrase.phrase(v("auditSettlement"))), List.of(), null);
      }
    }

    void payInterest() {
      flagCheck("PAY-INTEREST", f.noLateInterest(), "lateInterest", "noLateInterest");
    }

    void payContent() {
      String id = "PAY-CONTENT";
      if (f.paymentDays().known() || f.advancePaymentShare().known() || Boolean.TRUE.equals(f.paymentTermsStated().value())) {
        add(id, PolicyCheck.PASS, v("paymentTermsStated"), v("stated"), ev(f.paymentDays(), f.advancePaymentShare(), f.paymentTermsStated()), null);
      } else {
        add(id, PolicyCheck.FAIL, v("paymentTermsStated"), v("notFound"), List.of(), missing("paymentContent"));
      }
    }
  }

  static String pct(Double d) {
    if (d == null) {
      return "?";
    }
    double v = d * 100;
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + "%";
  }

  static Phrase rate(Range r) {
    return r.fixed() ? v("value", Phrase.percent(r.min())) : v("range", Phrase.percent(r.min()), Phrase.percent(r.max()));
  }

  /** A value phrase: {@code policy.v.<name>}. */
  static Phrase v(String name, Phrase.Arg... args) {
    return Phrase.of("policy.v." + name, args);
  }

  static String yuan(double v) {
    return v >= 1e4 && v % 1e4 == 0 ? String.format(Locale.ROOT, "%d万元", (long) (v / 1e4)) : String.format(Locale.ROOT, "%.0f元", v);
  }
}
