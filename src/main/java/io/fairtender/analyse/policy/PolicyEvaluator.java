package io.fairtender.analyse.policy;

import io.fairtender.analyse.policy.Facts.Evidence;
import io.fairtender.analyse.policy.Facts.Fact;
import io.fairtender.analyse.policy.Facts.Range;
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

    void add(String id, String status, String expected, String found, List<Evidence> evidence, String detail) {
      PolicyCatalogue.Entry e = PolicyCatalogue.get(id);
      String msg = (en ? e.en() : e.zh()) + (detail == null || detail.isEmpty() ? "" : (en ? ". " : "。") + detail);
      checks.add(new PolicyCheck(id, status, expected, found, evidence, msg, e.basis()));
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

    private String missing(String what) {
      return en ? "not stated in the document: " + what : "文件未载明：" + what;
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
        add(id, PolicyCheck.REVIEW, "≤ceiling → reserved", null, ev(f.procurementType(), f.budgetCny()),
            missing(type == null ? "项目属性（货物/服务/工程）" : "预算金额"));
        return;
      }
      Double ceiling = p("reserve.fullCeiling." + tkey());
      if (ceiling == null) {
        add(id, PolicyCheck.NA, null, null, List.of(), en ? "no SME reserve rule in force on " + date : date + "时尚无该规定");
        return;
      }
      if (budget > ceiling) {
        add(id, PolicyCheck.NA, "budget ≤ " + yuan(ceiling), yuan(budget), ev(f.budgetCny()), null);
      } else if (reserved == null) {
        add(id, PolicyCheck.REVIEW, "reserved (budget ≤ " + yuan(ceiling) + ")", "not stated", ev(f.budgetCny()), missing("是否专门面向中小企业采购"));
      } else if (reserved) {
        add(id, PolicyCheck.PASS, "reserved", "reserved", ev(f.reserved(), f.budgetCny()), null);
      } else if (reservedInferred) {
        add(id, PolicyCheck.REVIEW, "reserved (budget ≤ " + yuan(ceiling) + ")", "not reserved (price deduction applied)",
            ev(f.smallMicroDeduction(), f.budgetCny()), en
                ? "the project is not reserved and gives no reason; it must be reserved if it is above the procurement threshold (采购限额标准) and suitable for SMEs"
                : "项目未预留且未说明理由；如项目在采购限额标准以上且适宜由中小企业提供，应当专门面向中小企业采购");
      } else if (Boolean.TRUE.equals(f.exemptionReason().value())) {
        add(id, PolicyCheck.REVIEW, "reserved, or a 第六条 reason", "not reserved, reason given", ev(f.reserved(), f.exemptionReason()),
            en ? "check the stated reason against 46号 Art. 6" : "请核实文件所述理由是否属于46号文第六条情形");
      } else {
        add(id, PolicyCheck.FAIL, "reserved (budget ≤ " + yuan(ceiling) + ")", "not reserved, no reason", ev(f.reserved(), f.budgetCny()), null);
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
        add(id, PolicyCheck.PASS, "≥" + pct(share), "whole project reserved", ev(f.reserved()), null);
      } else if (!f.reserveShare().known()) {
        add(id, PolicyCheck.REVIEW, "≥" + pct(share), null, ev(f.reserved()), missing("预留份额比例"));
      } else {
        boolean ok = f.reserveShare().value() + 1e-9 >= share;
        add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, "≥" + pct(share), pct(f.reserveShare().value()), ev(f.reserveShare()), null);
      }
    }

    void reserveMethod() {
      String id = "SME-RSV-METHOD";
      String m = f.reserveMethod().value();
      if (!"consortium".equals(m) && !"subcontract".equals(m)) {
        add(id, PolicyCheck.NA, null, m, ev(f.reserveMethod()), null);
        return;
      }
      boolean q = Boolean.TRUE.equals(f.reserveIsQualification().value());
      add(id, q ? PolicyCheck.PASS : PolicyCheck.FAIL, "SME share stated as a qualification condition",
          q ? "stated as a qualification" : "not a qualification condition", ev(f.reserveShare(), f.reserveIsQualification()), null);
    }

    void lessThanThree() {
      String id = "SME-RSV-LT3";
      if (!Boolean.TRUE.equals(reserved)) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.lessThanThreeClause().value())) {
        add(id, PolicyCheck.PASS, "suspend when fewer than 3 SMEs qualify", "stated", ev(f.lessThanThreeClause()), null);
      } else {
        add(id, PolicyCheck.REVIEW, "suspend when fewer than 3 SMEs qualify", "not stated", ev(f.reserved()), missing("不足3家时中止的规定"));
      }
    }

    void budgetLevel() {
      String id = "SME-RSV-BUDGETLEVEL";
      Double ceiling = type == null ? null : p("reserve.fullCeiling." + tkey());
      if (type == null || budget == null || ceiling == null || budget <= ceiling || !Boolean.FALSE.equals(reserved)) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.REVIEW, "department-level reserve, price deduction applied", "not reserved; deduction applied",
            ev(f.reserved(), f.smallMicroDeduction()), en ? "confirm the department's overall reserve plan" : "请核实主管预算单位的整体预留安排");
      } else {
        add(id, PolicyCheck.FAIL, "reserve or price deduction", "neither", ev(f.reserved(), f.budgetCny()), null);
      }
    }

    void deductionRequired() {
      String id = "SME-PD-REQUIRED";
      if (reserved == null) {
        add(id, f.smallMicroDeduction().known() ? PolicyCheck.PASS : PolicyCheck.REVIEW, "deduction unless reserved",
            f.smallMicroDeduction().known() ? rate(f.smallMicroDeduction().value()) : "not stated", ev(f.smallMicroDeduction()),
            f.smallMicroDeduction().known() ? null : missing("是否预留份额、小微企业价格扣除比例"));
      } else if (reserved) {
        add(id, PolicyCheck.NA, null, "reserved (" + f.reserveMethod().value() + ")", ev(f.reserved()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.PASS, "deduction for small/micro firms", rate(f.smallMicroDeduction().value()), ev(f.smallMicroDeduction()), null);
      } else {
        add(id, PolicyCheck.FAIL, "deduction for small/micro firms", "none", ev(f.reserved()), null);
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
            ev(rate), type == null && rate.known() ? missing("项目属性（货物/服务/工程）") : null);
        return;
      }
      Double min = p(key + ".min");
      Double max = p(key + ".max");
      if (min == null || max == null) {
        add(id, PolicyCheck.REVIEW, null, rate(rate.value()), ev(rate), en ? "no range known for " + date : date + "适用的区间未知");
        return;
      }
      Range r = rate.value();
      boolean ok = r.min() + 1e-9 >= min && r.max() - 1e-9 <= max;
      add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, pct(min) + "–" + pct(max), rate(r), ev(rate), null);
    }

    void consortium() {
      String id = "SME-PD-JV";
      Fact<Range> c = f.consortiumDeduction();
      if (!c.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      if (type == null) {
        add(id, PolicyCheck.REVIEW, null, rate(c.value()), ev(c), missing("项目属性（货物/服务/工程）"));
        return;
      }
      Double min = p("deduction.consortium." + tkey() + ".min");
      Double max = p("deduction.consortium." + tkey() + ".max");
      if (min == null || max == null) {
        add(id, PolicyCheck.REVIEW, null, rate(c.value()), ev(c), en ? "no range known for " + date : date + "适用的区间未知");
        return;
      }
      boolean ok = c.value().min() + 1e-9 >= min && c.value().max() - 1e-9 <= max;
      add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, pct(min) + "–" + pct(max), rate(c.value()), ev(c), null);
    }

    void noneInReserved() {
      String id = "SME-PD-NONE-IN-RESERVED";
      if (!Boolean.TRUE.equals(reserved) || !"whole".equals(f.reserveMethod().value())) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (f.smallMicroDeduction().known() && f.packages().size() < 2) {
        add(id, PolicyCheck.FAIL, "no deduction in a reserved project", rate(f.smallMicroDeduction().value()),
            ev(f.reserved(), f.smallMicroDeduction()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.REVIEW, "no deduction in reserved packages", rate(f.smallMicroDeduction().value()),
            ev(f.reserved(), f.smallMicroDeduction()), en ? "check the deduction applies only to non-reserved packages" : "请核实价格扣除仅适用于非预留采购包");
      } else {
        add(id, PolicyCheck.PASS, "no deduction in a reserved project", "none", ev(f.reserved()), null);
      }
    }

    void smallMicroOnly() {
      String id = "SME-PD-SMALLMICRO-ONLY";
      if (Boolean.TRUE.equals(f.mediumDeduction().value())) {
        add(id, PolicyCheck.FAIL, "small and micro firms only", "medium firms get a deduction", ev(f.mediumDeduction()), null);
      } else if (f.smallMicroDeduction().known()) {
        add(id, PolicyCheck.PASS, "small and micro firms only", "small/micro only", ev(f.smallMicroDeduction()), null);
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
        add(id, PolicyCheck.PASS, "one fixed rate", rate(r.value()), ev(r), null);
      } else {
        add(id, PolicyCheck.REVIEW, "one fixed rate", rate(r.value()), ev(r), en ? "the range was copied without fixing a rate" : "照抄了区间，未确定具体比例");
      }
    }

    void goodsAll() {
      String id = "SME-PD-GOODS-ALL";
      if (!"goods".equals(type) || !smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.goodsAllMadeBySmallMicro().value())) {
        add(id, PolicyCheck.PASS, "all goods made by small/micro (or SME) firms", "stated", ev(f.goodsAllMadeBySmallMicro()), null);
      } else {
        add(id, PolicyCheck.REVIEW, "all goods made by small/micro (or SME) firms", "not stated", List.of(), missing("货物全部由小微企业制造的条件"));
      }
    }

    void docContent() {
      String id = "SME-DOC-CONTENT";
      List<String> absent = new ArrayList<>();
      if (!f.reserved().known() && !f.smallMicroDeduction().known()) {
        absent.add(en ? "reserve or price deduction" : "预留份额或价格扣除比例");
      }
      if (!f.industries().known()) {
        absent.add(en ? "划型 industry of each item" : "采购标的对应的中小企业划分标准所属行业");
      }
      // the subcontracting clause is SME-SUBCONTRACT-DOWN's to report: one absence, one finding
      if (absent.isEmpty()) {
        add(id, PolicyCheck.PASS, "all essentials", "all stated", ev(f.industries()), null);
      } else {
        add(id, PolicyCheck.FAIL, "all essentials", String.join("; ", absent), ev(f.industries()), missing(String.join("、", absent)));
      }
    }

    void declTemplate() {
      String id = "SME-DECL-TEMPLATE";
      Fact<String> t = f.declarationTemplate();
      if (!t.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (type == null) {
        add(id, PolicyCheck.REVIEW, null, t.value(), ev(t), missing("项目属性（货物/服务/工程）"));
      } else {
        boolean ok = "goods".equals(type) == "goods".equals(t.value());
        add(id, ok ? PolicyCheck.PASS : PolicyCheck.FAIL, "goods".equals(type) ? "goods template" : "works-services template", t.value(), ev(t), null);
      }
    }

    void subcontractDown() {
      String id = "SME-SUBCONTRACT-DOWN";
      if (!smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.subcontractDownClause().value())) {
        add(id, PolicyCheck.PASS, "clause present", "present", ev(f.subcontractDownClause()), null);
      } else {
        add(id, PolicyCheck.FAIL, "clause present", "absent", ev(f.reserved(), f.smallMicroDeduction()), null);
      }
    }

    void prisonDisabled() {
      String id = "SME-PRISON-DISABLED";
      if (!smeSupport) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else if (Boolean.TRUE.equals(f.prisonAndDisabledClause().value())) {
        add(id, PolicyCheck.PASS, "both named", "both named", ev(f.prisonAndDisabledClause()), null);
      } else {
        add(id, PolicyCheck.REVIEW, "both named", "not both named", ev(f.prisonAndDisabledClause()), missing("监狱企业、残疾人福利性单位视同小微企业"));
      }
    }

    void bondBid() {
      String id = "BOND-BID";
      Double cap = p("bond.bid.maxShareOfBudget");
      if (f.bidBondCny().known()) {
        if (f.bidBondCny().value() == 0) {
          add(id, PolicyCheck.PASS, "≤" + pct(cap) + " of budget", "none", ev(f.bidBondCny()), null);
        } else if (budget == null) {
          add(id, PolicyCheck.REVIEW, "≤" + pct(cap) + " of budget", yuan(f.bidBondCny().value()), ev(f.bidBondCny()), missing("预算金额"));
        } else {
          double share = f.bidBondCny().value() / (double) budget;
          add(id, share <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, "≤" + yuan(cap * budget),
              yuan(f.bidBondCny().value()) + " (" + pct(share) + ")", ev(f.bidBondCny(), f.budgetCny()), null);
        }
      } else if (f.bidBondShare().known()) {
        add(id, f.bidBondShare().value() <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, "≤" + pct(cap),
            pct(f.bidBondShare().value()), ev(f.bidBondShare()), null);
      } else {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      }
    }

    void bondForm() {
      flagCheck("BOND-FORM", f.bondFormRestricted(), "non-cash forms accepted", "form restricted");
    }

    void bondPerf() {
      String id = "BOND-PERF";
      Double cap = p("bond.performance.maxShareOfContract");
      Fact<Double> s = f.performanceBondShare();
      if (!s.known()) {
        add(id, PolicyCheck.NA, null, null, List.of(), null);
      } else {
        add(id, s.value() <= cap + 1e-9 ? PolicyCheck.PASS : PolicyCheck.FAIL, "≤" + pct(cap), pct(s.value()), ev(s), null);
      }
    }

    void bondOther() {
      if (works) {
        add("BOND-OTHER", PolicyCheck.NA, null, null, List.of(), null);
        return;
      }
      flagCheck("BOND-OTHER", f.otherDeposit(), "no deposits without a legal basis", "deposit without legal basis");
    }

    void flagCheck(String id, Fact<Boolean> flag, String expected, String bad) {
      if (Boolean.TRUE.equals(flag.value())) {
        add(id, PolicyCheck.FAIL, expected, bad, ev(flag), null);
      } else {
        add(id, PolicyCheck.PASS, expected, "none found", List.of(), null);
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
        add(id, PolicyCheck.FAIL, "≤" + (int) (double) max + " days, unconditional", "payment waits for funds or a third party",
            ev(f.paymentConditional()), null);
      } else if (!f.paymentDays().known()) {
        add(id, PolicyCheck.REVIEW, "≤" + (int) (double) def + " days (≤" + (int) (double) max + " by contract)", null, List.of(), missing("付款期限"));
      } else {
        int d = f.paymentDays().value();
        add(id, d <= max ? PolicyCheck.PASS : PolicyCheck.FAIL, "≤" + (int) (double) max + " days", d + " days from " + f.paymentFrom().value(),
            ev(f.paymentDays()), null);
      }
    }

    void payAudit() {
      String id = "PAY-AUDIT";
      boolean banned = p("payment.auditSettlementBanned") != null;
      if (Boolean.TRUE.equals(f.auditSettlement().value())) {
        add(id, banned ? PolicyCheck.FAIL : PolicyCheck.REVIEW, "no audit-result settlement", "audit result as settlement basis",
            ev(f.auditSettlement()), banned ? null : (en ? "allowed by contract before 2025-06-01" : "2025年6月1日前合同另有约定的除外"));
      } else {
        add(id, PolicyCheck.PASS, "no audit-result settlement", "none found", List.of(), null);
      }
    }

    void payInterest() {
      flagCheck("PAY-INTEREST", f.noLateInterest(), "late-payment interest", "no interest on late payment");
    }

    void payContent() {
      String id = "PAY-CONTENT";
      if (f.paymentDays().known() || f.advancePaymentShare().known() || Boolean.TRUE.equals(f.paymentTermsStated().value())) {
        add(id, PolicyCheck.PASS, "payment terms stated", "stated", ev(f.paymentDays(), f.advancePaymentShare(), f.paymentTermsStated()), null);
      } else {
        add(id, PolicyCheck.FAIL, "payment terms stated", "not found", List.of(), missing("采购资金的支付方式、时间和条件"));
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

  static String rate(Range r) {
    return r.fixed() ? pct(r.min()) : pct(r.min()) + "–" + pct(r.max());
  }

  static String yuan(double v) {
    return v >= 1e4 && v % 1e4 == 0 ? String.format(Locale.ROOT, "%d万元", (long) (v / 1e4)) : String.format(Locale.ROOT, "%.0f元", v);
  }
}
