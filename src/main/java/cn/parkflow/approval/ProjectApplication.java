package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An investment project application as the enterprise submits it (money in 万元, land in 亩). */
public record ProjectApplication(
    String enterpriseName,
    String creditCode,
    String projectName,
    String industryCode,
    String location,
    BigDecimal totalInvestment,
    BigDecimal fixedAssetInvestment,
    BigDecimal landArea,
    BigDecimal annualEnergyTce,
    boolean hazardousChemicals,
    BigDecimal expectedAnnualTax,
    String contactEmail) {

  /**
   * The facts the case keeps as process variables: the routing table's inputs and what Tasklist shows. The routing
   * inputs are {@code Double} because the table compares them with thresholds of a few digits ({@code typeRef="double"},
   * the engine has no decimal type); the exact amounts live in {@code pf_project} only.
   */
  public Map<String, Object> keptVariables() {
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put(ENTERPRISE_NAME, enterpriseName);
    kept.put(INDUSTRY_CODE, industryCode);
    kept.put(TOTAL_INVESTMENT, totalInvestment.doubleValue());
    kept.put(LAND_AREA, landArea.doubleValue());
    kept.put(ANNUAL_ENERGY_TCE, annualEnergyTce.doubleValue());
    kept.put(HAZARDOUS_CHEMICALS, hazardousChemicals);
    kept.put(CASE_TITLE, projectName);
    return kept;
  }

  public boolean needsLand() {
    return landArea.signum() > 0;
  }
}
