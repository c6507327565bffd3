package cn.parkflow.onboarding;

import cn.parkflow.onboarding.OnboardingProcess.Variables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An application for admission to the park as checked by {@link AdmissionValidator}: the JSON fields of issue 11, with
 * money in 万元 as exact decimals, land in 亩 ({@code landArea}) or a rented standard factory in m²
 * ({@code rentedFloorM2}).
 */
public record AdmissionApplication(ObjectNode fields) {

  public String creditCode() {
    return fields.path(Fields.CREDIT_CODE).asText();
  }

  public String enterpriseName() {
    return fields.path(Fields.ENTERPRISE_NAME).asText();
  }

  public String projectName() {
    return fields.path(Fields.PROJECT_NAME).asText();
  }

  public String contactEmail() {
    return fields.path(Fields.CONTACT_EMAIL).asText();
  }

  public BigDecimal fixedAssetInvestment() {
    return decimal(Fields.FIXED_ASSET_INVESTMENT);
  }

  /** New land in 亩, or {@code null} for a rented standard factory. */
  public BigDecimal landArea() {
    return decimal(Fields.LAND_AREA);
  }

  private BigDecimal decimal(String field) {
    JsonNode n = fields.get(field);
    return n == null || !n.isNumber() ? null : n.decimalValue();
  }

  /**
   * The inputs of the screening and assessment tables. Ratios per 亩 exist only for new land; ratios per output use
   * the output at full production.
   */
  public Map<String, Object> keptVariables(Set<String> leadingIndustries) {
    Map<String, Object> kept = new LinkedHashMap<>();
    Variables.ENTERPRISE_NAME.put(kept, enterpriseName());
    Variables.CASE_TITLE.put(kept, projectName());
    Variables.INDUSTRY_CODE.put(kept, fields.path(Fields.INDUSTRY_CODE).asText());
    Variables.PRODUCT_DESCRIPTION.put(kept, fields.path(Fields.PRODUCT_DESCRIPTION).asText());
    Variables.FIXED_ASSET_INVESTMENT.put(kept, fixedAssetInvestment().doubleValue());
    BigDecimal land = landArea();
    Variables.LAND_AREA.put(kept, land == null ? 0.0 : land.doubleValue());
    BigDecimal energy = decimal(Fields.ANNUAL_ENERGY_TCE);
    Variables.ANNUAL_ENERGY_TCE.put(kept, energy.doubleValue());
    Variables.INVESTMENT_INTENSITY.put(kept, land == null ? null : ratio(fixedAssetInvestment(), land));
    Variables.TAX_PER_MU.put(kept, land == null ? null : ratio(decimal(Fields.ANNUAL_TAX), land));
    BigDecimal output = decimal(Fields.ANNUAL_OUTPUT);
    Variables.ENERGY_PER_OUTPUT.put(kept, ratio(energy, output));
    Variables.WATER_PER_OUTPUT.put(kept, ratio(decimal(Fields.ANNUAL_WATER_TONNES), output));
    Variables.LEADING_INDUSTRY.put(kept, leadingIndustries.contains(fields.path(Fields.INDUSTRY_CODE).asText()));
    Variables.POLLUTES.put(kept, !fields.path(Fields.POLLUTANTS).isEmpty());
    Variables.HAZARDOUS_CHEMICALS.put(kept, fields.path(Fields.HAZARDOUS_CHEMICALS).asBoolean());
    Variables.OCCUPATIONAL_HAZARDS.put(kept, fields.path(Fields.OCCUPATIONAL_HAZARDS).asBoolean());
    return kept;
  }

  private static Double ratio(BigDecimal value, BigDecimal per) {
    return value.divide(per, 4, RoundingMode.HALF_UP).doubleValue();
  }

  /** The application's JSON field names. */
  public static final class Fields {
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String CREDIT_CODE = "creditCode";
    public static final String PROJECT_NAME = "projectName";
    public static final String INDUSTRY_CODE = "industryCode";
    public static final String PRODUCT_DESCRIPTION = "productDescription";
    public static final String TOTAL_INVESTMENT = "totalInvestment";
    public static final String FIXED_ASSET_INVESTMENT = "fixedAssetInvestment";
    public static final String LAND_AREA = "landArea";
    public static final String RENTED_FLOOR_M2 = "rentedFloorM2";
    public static final String ANNUAL_OUTPUT = "annualOutput";
    public static final String ANNUAL_TAX = "annualTax";
    public static final String ANNUAL_ENERGY_TCE = "annualEnergyTce";
    public static final String ANNUAL_WATER_TONNES = "annualWaterTonnes";
    public static final String POLLUTANTS = "pollutants";
    public static final String HAZARDOUS_CHEMICALS = "hazardousChemicals";
    public static final String OCCUPATIONAL_HAZARDS = "occupationalHazards";
    public static final String JOBS = "jobs";
    public static final String RD_INTENSITY = "rdIntensity";
    public static final String PLANNED_START = "plannedStart";
    public static final String PLANNED_PRODUCTION = "plannedProduction";
    public static final String CONTACT_EMAIL = "contactEmail";

    private Fields() {}
  }
}
