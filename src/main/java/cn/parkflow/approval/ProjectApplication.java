package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
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
    String contactEmail,
    /** 建设规模和内容 (Order 673 Art. 13); null only on cases filed before it was collected. */
    String constructionScaleAndContent,
    /** The declaration that the project complies with industrial policy (Art. 13): always true when accepted. */
    boolean industrialPolicyDeclaration,
    /** Annual electricity use in 万千瓦时 (10,000 kWh); null only on cases filed before it was collected. */
    BigDecimal annualElectricityKwh) {

  /**
   * The facts the case keeps as process variables: the routing table's inputs and what Tasklist shows. The routing
   * inputs are {@code Double} because the table compares them with thresholds of a few digits ({@code typeRef="double"},
   * the engine has no decimal type); the exact amounts live in {@code pf_project} only.
   */
  public Map<String, Object> keptVariables() {
    Map<String, Object> kept = new LinkedHashMap<>();
    Variables.ENTERPRISE_NAME.put(kept, enterpriseName);
    Variables.INDUSTRY_CODE.put(kept, industryCode);
    Variables.TOTAL_INVESTMENT.put(kept, totalInvestment.doubleValue());
    Variables.LAND_AREA.put(kept, landArea.doubleValue());
    Variables.ANNUAL_ENERGY_TCE.put(kept, annualEnergyTce.doubleValue());
    Variables.HAZARDOUS_CHEMICALS.put(kept, hazardousChemicals);
    Variables.ANNUAL_ELECTRICITY_KWH.put(kept, annualElectricityKwh == null ? 0d : annualElectricityKwh.doubleValue());
    Variables.CASE_TITLE.put(kept, projectName);
    return kept;
  }

  /** The application's field names: its JSON fields, and the Tasklist start form's keys. */
  public static final class Fields {
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String PROJECT_NAME = "projectName";
    public static final String INDUSTRY_CODE = "industryCode";
    public static final String LOCATION = "location";
    public static final String TOTAL_INVESTMENT = "totalInvestment";
    public static final String FIXED_ASSET_INVESTMENT = "fixedAssetInvestment";
    public static final String LAND_AREA = "landArea";
    public static final String ANNUAL_ENERGY_TCE = "annualEnergyTce";
    public static final String HAZARDOUS_CHEMICALS = "hazardousChemicals";
    public static final String EXPECTED_ANNUAL_TAX = "expectedAnnualTax";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONSTRUCTION_SCALE_AND_CONTENT = "constructionScaleAndContent";
    public static final String INDUSTRIAL_POLICY_DECLARATION = "industrialPolicyDeclaration";
    public static final String ANNUAL_ELECTRICITY_KWH = "annualElectricityKwh";

    private Fields() {}
  }

  public boolean needsLand() {
    return landArea.signum() > 0;
  }
}
