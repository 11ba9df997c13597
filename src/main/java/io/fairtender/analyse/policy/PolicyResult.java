package io.fairtender.analyse.policy;

import java.util.List;

/**
 * The SME-policy verdicts for one document.
 *
 * @param regime the parameter set applied: its date, why that date, and the province if any
 * @param checks one verdict per check
 */
public record PolicyResult(Regime regime, List<PolicyCheck> checks) {

  /**
   * Which parameters were applied.
   *
   * @param date the date
   * @param dateSource request, document or today
   * @param province the province whose rules were added, or null
   * @param parameters the parameter values used, with their sources
   */
  public record Regime(String date, String dateSource, String province, List<PolicyParams.Param> parameters) {}
}
