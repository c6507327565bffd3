package cn.parkflow.parcel;

import java.math.BigDecimal;

/**
 * An idle-land case decided to supply the recovered parcel again (Order 53 Art. 19, reuse {@code resupply}): a new
 * {@code land-supply} case starts for the parcel, without a project (标准地). Published inside the engine transaction
 * of the reuse decision.
 *
 * @param idleCaseKey the idle-land-recovery case (its business key, the parcel code)
 */
public record ParcelResupplyRequested(String parcelCode, String idleCaseKey, BigDecimal areaMu, Integer landGrade,
    String industryCode, String location) {}
