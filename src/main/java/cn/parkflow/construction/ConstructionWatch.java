package cn.parkflow.construction;

import cn.parkflow.parcel.ParcelContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One watch of a parcel (a row of pf_construction_watch).
 *
 * @param idleResult the last result of the daily idle-land check ({@code ok}, {@code watch}, {@code idle},
 *     {@code stopped-plant}), null before the first check
 * @param verification the completion's verification as JSON (measured indicators, shortfalls), null before it
 */
public record ConstructionWatch(long id, String parcelCode, String processInstanceId, ParcelContract contract,
    ConstructionStatus status, LocalDate titleRegisteredOn, LocalDate confirmedStart, String permitNumber,
    String idleResult, String idleReason, LocalDate idleCheckedOn, Instant startWarnedAt, Instant completionWarnedAt,
    String verification, BigDecimal penalty, LocalDate verifiedOn, Instant createdAt) {

  public String holderCreditCode() {
    return contract.holderCreditCode();
  }
}
