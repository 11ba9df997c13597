package io.fairtender.report;

import io.fairtender.analyse.LegalBasis;
import io.fairtender.analyse.Regime;
import io.fairtender.analyse.Rule;
import java.util.ArrayList;
import java.util.List;

/** Chooses the provisions a finding cites for the document's regime. */
final class Bases {
  private static final List<LegalBasis> WORKS_DEFAULT = List.of(new LegalBasis("《中华人民共和国招标投标法实施条例》",
      "第三十二条第（七）项", "以其他不合理条件限制、排斥潜在投标人或者投标人"));
  private static final List<LegalBasis> ENTERPRISE_DEFAULT = List.of(
      new LegalBasis("《优化营商环境条例》", "第十三条", "招标投标和政府采购应当依法平等对待各类所有制和不同地区的市场主体，不得以不合理条件或者产品产地来源等进行限制或者排斥"),
      new LegalBasis("《中华人民共和国招标投标法》", "第十八条", "招标人不得以不合理的条件限制或者排斥潜在投标人（适用于依法进行的招标）"));

  private Bases() {}

  static List<LegalBasis> forRegime(Rule r, Regime regime) {
    switch (regime) {
      case WORKS -> {
        if (!r.worksBasis().isEmpty()) {
          return r.worksBasis();
        }
        List<LegalBasis> out = new ArrayList<>(WORKS_DEFAULT);
        // 46号 governs the SME policy of works too
        r.legalBasis().stream().filter(b -> b.document().contains("中小企业")).forEach(out::add);
        return out;
      }
      case ENTERPRISE -> {
        return r.enterpriseBasis().isEmpty() ? ENTERPRISE_DEFAULT : r.enterpriseBasis();
      }
      default -> {
        return r.legalBasis();
      }
    }
  }
}
