package cn.parkflow.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the land-supply case knows about a parcel once it is sold and handed over: the facts that the construction
 * watch measures against and that an idle-land case starts with. Money in 万元, area in 亩.
 *
 * @param parcelCode the parcel code (宗地代码)
 * @param landCaseKey the business key of the land-supply case (the parcel code, or the project code while undesignated)
 * @param holderCreditCode the land user's unified social credit code
 * @param holderName the land user's name
 * @param projectCode the project that asked for the land, if any
 * @param admissionNumber the enterprise-onboarding case of the project, if any
 * @param areaMu the parcel's area
 * @param landGrade the grade of industrial land (1–15)
 * @param industryCode the planned industry (GB/T 4754 division)
 * @param contractNumber the sale contract (出让合同) number
 * @param price the sale price
 * @param agreedHandOver the hand-over date agreed in the contract
 * @param actualHandOver the day the land was handed over; later than agreed = a government delay (Order 53 Art. 8)
 * @param agreedStart the agreed start of construction (动工)
 * @param agreedCompletion the agreed completion (竣工)
 * @param committedInvestment the total investment committed in the contract (excluding the land price)
 * @param location where the parcel lies (坐落)
 * @param plotRatio the minimum plot ratio (容积率) of the planning conditions
 * @param buildingCoverage the minimum building coverage (建筑系数), a fraction (0.30 = 30 %)
 * @param officeShare the maximum share of land for offices and living (行政办公及生活服务设施用地所占比重), a fraction
 * @param greenShare the maximum green-space ratio (绿地率), a fraction
 * @param investmentIntensity the committed fixed investment per 亩 (投资强度, 万元/亩)
 * @param titleNumber the title certificate (不动产权证书号)
 */
public record ParcelContract(String parcelCode, String landCaseKey, String holderCreditCode, String holderName,
    String projectCode, String admissionNumber, BigDecimal areaMu, Integer landGrade, String industryCode,
    String contractNumber, BigDecimal price, LocalDate agreedHandOver, LocalDate actualHandOver, LocalDate agreedStart,
    LocalDate agreedCompletion, BigDecimal committedInvestment, String location, BigDecimal plotRatio, BigDecimal buildingCoverage,
    BigDecimal officeShare, BigDecimal greenShare, BigDecimal investmentIntensity, String titleNumber) {

  /** Whether the government handed the land over later than the contract said (an Order 53 Art. 8 cause). */
  public boolean handedOverLate() {
    return agreedHandOver != null && actualHandOver != null && actualHandOver.isAfter(agreedHandOver);
  }
}
