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

  /** As process variables: numbers as {@code Double} (the engine has no decimal type), for the routing table. */
  public Map<String, Object> asVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ENTERPRISE_NAME, enterpriseName);
    vars.put(CREDIT_CODE, creditCode);
    vars.put(PROJECT_NAME, projectName);
    vars.put(INDUSTRY_CODE, industryCode);
    vars.put(LOCATION, location);
    vars.put(TOTAL_INVESTMENT, totalInvestment.doubleValue());
    vars.put(FIXED_ASSET_INVESTMENT, fixedAssetInvestment.doubleValue());
    vars.put(LAND_AREA, landArea.doubleValue());
    vars.put(ANNUAL_ENERGY_TCE, annualEnergyTce.doubleValue());
    vars.put(HAZARDOUS_CHEMICALS, hazardousChemicals);
    vars.put(EXPECTED_ANNUAL_TAX, expectedAnnualTax.doubleValue());
    vars.put(CONTACT_EMAIL, contactEmail);
    return vars;
  }

  /** The routing inputs and key facts that stay process variables for the whole case. */
  public Map<String, Object> keptVariables() {
    Map<String, Object> all = asVariables();
    Map<String, Object> kept = new LinkedHashMap<>();
    KEPT_APPLICATION_FIELDS.forEach(f -> kept.put(f, all.get(f)));
    kept.put(CASE_TITLE, projectName);
    return kept;
  }

  public boolean needsLand() {
    return landArea.signum() > 0;
  }
}
