package cn.parkflow.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The construction watch verified the parcel's completion ({@code userTask_verifyCompletion}, verified): the land
 * case of the parcel becomes 已竣工核验. Published inside the engine transaction of the verifying step, like
 * {@link TitleRegistered}, so the land case and the verification commit together.
 *
 * @param parcelCode the parcel (宗地代码)
 * @param landCaseKey the land case whose contract was checked ({@link ParcelContract#landCaseKey()})
 * @param shortfall whether an indicator fell short of the contract
 * @param penalty the proportional penalty recorded for a shortfall, 万元 (zero without one)
 * @param summary the findings as the watch recorded them (Chinese)
 * @param verifiedOn the day of the verification (Beijing)
 */
public record CompletionVerified(String parcelCode, String landCaseKey, boolean shortfall, BigDecimal penalty,
    String summary, LocalDate verifiedOn) {}
