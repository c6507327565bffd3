package cn.parkflow.parcel;

import java.time.LocalDate;

/**
 * The construction watch found a parcel idle under Order 53 Art. 2 ({@code idle-land-test} said {@code idle}): an
 * {@code idle-land-recovery} case (branch A) starts with the parcel's facts. Published inside the engine transaction
 * of the check, like {@link TitleRegistered}.
 *
 * @param reason the table row's reason, naming the article
 * @param discoveredOn the day the check found it (the investigation must start within 30 days, Order 53 Art. 5)
 */
public record ParcelFoundIdle(ParcelContract contract, ConstructionState state, String reason,
    LocalDate discoveredOn) {}
