package cn.parkflow.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far building on a parcel has come, from the holder's reports and the clerk's confirmations: the inputs of the
 * {@code idle-land-test} table besides the contract.
 *
 * @param startedOn the confirmed start of construction (permit held and work on site), or null
 * @param stoppedOn the day construction stopped, while it is stopped; null when building or never stopped
 * @param completedOn the day completion was reported, or null
 * @param productionStoppedOn the day a completed plant stopped producing, while it is stopped, or null
 * @param builtAreaM2 the land area developed (开发建设用地面积), m²
 * @param investedAmount the amount invested so far, 万元 (without the land price)
 */
public record ConstructionState(LocalDate startedOn, LocalDate stoppedOn, LocalDate completedOn,
    LocalDate productionStoppedOn, BigDecimal builtAreaM2, BigDecimal investedAmount) {

  public static ConstructionState notStarted() {
    return new ConstructionState(null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
