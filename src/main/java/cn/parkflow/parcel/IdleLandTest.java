package cn.parkflow.parcel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Order 53 Art. 2 as the deployed {@code idle-land-test} table reads it: the construction watch's daily check and
 * the yearly idle-land survey both classify a parcel here, so a park that changes a row changes both. The table's
 * inputs are derived from the contract and the state of construction on a given day.
 */
@Component
public class IdleLandTest {
  public static final String DECISION = "idle-land-test";
  /** 1 亩 = 10000/15 m². */
  public static final BigDecimal M2_PER_MU = new BigDecimal("666.6666666667");

  /** The table's answer. {@code result} is {@code ok}, {@code watch}, {@code idle} or {@code stopped-plant}. */
  public record Result(String result, String reason, Map<String, Object> inputs) {
    public boolean idle() {
      return "idle".equals(result);
    }

    public boolean stoppedPlant() {
      return "stopped-plant".equals(result);
    }
  }

  private final DecisionService decisions;

  public IdleLandTest(DecisionService decisions) {
    this.decisions = decisions;
  }

  public Result classify(ParcelContract contract, ConstructionState state, LocalDate today) {
    return classify(inputs(contract, state, today));
  }

  /** Classifies the table's inputs as given (a survey sends them directly). */
  public Result classify(Map<String, Object> inputs) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
        .getSingleResult();
    return new Result(row.getEntry("result"), row.getEntry("reason"), inputs);
  }

  /** The table's seven inputs on {@code today}. */
  public static Map<String, Object> inputs(ParcelContract contract, ConstructionState state, LocalDate today) {
    Map<String, Object> v = new HashMap<>();
    v.put("started", state.startedOn() != null);
    v.put("completed", state.completedOn() != null);
    v.put("monthsPastAgreedStart", contract.agreedStart() == null ? 0 : months(contract.agreedStart(), today));
    v.put("builtShare", share(state.builtAreaM2(), contract.areaMu() == null ? null
        : contract.areaMu().multiply(M2_PER_MU)));
    v.put("investedShare", share(state.investedAmount(), contract.committedInvestment()));
    v.put("stoppedMonths", state.stoppedOn() == null ? 0 : Math.max(0, months(state.stoppedOn(), today)));
    v.put("productionStoppedMonths", state.productionStoppedOn() == null ? 0
        : Math.max(0, months(state.productionStoppedOn(), today)));
    return v;
  }

  /**
   * Whole months from {@code from} to {@code to}, negative when {@code to} is earlier: "满一年" is 12 whole months,
   * reached on the anniversary.
   */
  public static int months(LocalDate from, LocalDate to) {
    return (int) ChronoUnit.MONTHS.between(from, to);
  }

  private static double share(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() <= 0) {
      return 0.0;
    }
    return part.divide(whole, MathContext.DECIMAL64).doubleValue();
  }
}
