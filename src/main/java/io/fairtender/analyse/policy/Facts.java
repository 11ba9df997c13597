package io.fairtender.analyse.policy;

import java.util.List;

/**
 * What a document states about its SME policy, each fact with the spans it came from; a fact not stated has a
 * null value. The same shape is accepted as input by {@code POST /v1/policy/evaluate}.
 */
public record Facts(
    Fact<String> procurementType,
    Fact<Long> budgetCny,
    Fact<Long> maxPriceCny,
    Fact<String> documentDate,
    Fact<String> procurementMethod,
    Fact<String> buyer,
    Fact<String> province,
    Fact<Boolean> reserved,
    Fact<String> reserveMethod,
    Fact<Double> reserveShare,
    Fact<Double> smallMicroShare,
    Fact<Range> smallMicroDeduction,
    Fact<Range> consortiumDeduction,
    Fact<Boolean> mediumDeduction,
    Fact<List<String>> industries,
    Fact<String> declarationTemplate,
    Fact<Long> bidBondCny,
    Fact<Double> bidBondShare,
    Fact<Double> performanceBondShare,
    Fact<Integer> paymentDays,
    Fact<String> paymentFrom,
    Fact<Double> advancePaymentShare,
    Fact<Boolean> paymentTermsStated,
    Fact<Boolean> reserveIsQualification,
    Fact<Boolean> exemptionReason,
    Fact<Boolean> lessThanThreeClause,
    Fact<Boolean> subcontractDownClause,
    Fact<Boolean> prisonAndDisabledClause,
    Fact<Boolean> goodsAllMadeBySmallMicro,
    Fact<Boolean> bondFormRestricted,
    Fact<Boolean> otherDeposit,
    Fact<Boolean> auditSettlement,
    Fact<Boolean> paymentConditional,
    Fact<Boolean> noLateInterest,
    List<PackageFacts> packages) {

  /** A copy where every missing fact is {@link Fact#none()} (for facts sent as JSON, where absent fields are null). */
  public Facts withDefaults() {
    try {
      java.lang.reflect.RecordComponent[] comps = Facts.class.getRecordComponents();
      Object[] args = new Object[comps.length];
      Class<?>[] types = new Class<?>[comps.length];
      for (int i = 0; i < comps.length; i++) {
        Object v = comps[i].getAccessor().invoke(this);
        types[i] = comps[i].getType();
        args[i] = v != null ? v : types[i] == List.class ? List.of() : Fact.none();
      }
      return Facts.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No facts at all. */
  public static Facts empty() {
    try {
      java.lang.reflect.RecordComponent[] comps = Facts.class.getRecordComponents();
      Class<?>[] types = new Class<?>[comps.length];
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
      }
      return Facts.class.getDeclaredConstructor(types).newInstance(new Object[comps.length]).withDefaults();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A value and where the document states it.
   *
   * @param value the value, or null when the document does not state it
   * @param evidence spans of the document it came from
   */
  public record Fact<T>(T value, List<Evidence> evidence) {
    public Fact {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static <T> Fact<T> none() {
      return new Fact<>(null, List.of());
    }

    public boolean known() {
      return value != null;
    }
  }

  /**
   * A span of the document.
   *
   * @param page 1-based page
   * @param start first code point
   * @param end one past the last code point
   * @param quote the text
   */
  public record Evidence(int page, int start, int end, String quote) {}

  /** A rate or a range of rates, as fractions; min == max when fixed. */
  public record Range(double min, double max) {
    public boolean fixed() {
      return Math.abs(max - min) < 1e-9;
    }
  }

  /**
   * One package (采购包, 标项, 标段) where the document states its own figures.
   *
   * @param id the package's label (包1, 标项一 ...)
   * @param budgetCny its budget
   * @param reserved whether it is reserved for SMEs
   */
  public record PackageFacts(String id, Fact<Long> budgetCny, Fact<Boolean> reserved) {}
}
