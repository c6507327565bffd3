package cn.parkflow.land;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code pf_land_case}: a land-supply case and the parcel it supplies. Prices in 元/m², money in 万元,
 * area in 亩.
 *
 * @param caseKey the business key: the parcel code, or the project code until the parcel is designated
 * @param creditCode the enterprise the case belongs to: the project's until the sale, the winner's after it
 */
public record LandCase(long id, String caseKey, String parcelCode, String projectCode, String admissionNumber,
    String processInstanceId, LandStatus status, String stage, String creditCode, String enterpriseName,
    String location, BigDecimal areaMu, Integer landGrade, String industryCode, String plannedUse, String quota,
    JsonNode requisition, JsonNode planning, BigDecimal reservePrice, BigDecimal minimumPrice, int listings,
    String winnerCreditCode, String winnerName, Boolean winnerIsApplicant, BigDecimal salePrice, LocalDate soldOn,
    LocalDate resultsPublishBy, JsonNode contract, LocalDate actualHandOver, String titleNumber, String createdBy,
    Instant createdAt, Instant endedAt) {

  /** The parcel's area in m² (1 亩 = 10000/15 m²), two decimals. */
  public BigDecimal areaM2() {
    return areaMu == null ? null : areaMu.multiply(new BigDecimal(10000))
        .divide(new BigDecimal(15), 2, java.math.RoundingMode.HALF_UP);
  }

  public boolean ended() {
    return endedAt != null;
  }
}
