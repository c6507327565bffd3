package cn.parkflow.onboarding;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An admission case's status as the enterprise reads it (issue 11), with its transitions in one table. */
public enum AdmissionStatus {
  PRELIMINARY("预审中"),
  ASSESSING("评估中"),
  DECIDING("待决定"),
  REFUSED("不予入园"),
  AGREEMENT("协议签订中"),
  SIGNED("已签约"),
  STARTED("已开工"),
  COMPLETED("已竣工"),
  PRODUCING("已投产"),
  FULL_OUTPUT("已达产"),
  WITHDRAWN("已撤回");

  private final String label;

  AdmissionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The whole state machine. The enterprise may withdraw until the agreement is signed; from then on only the
   * milestones move the case (signed → started → completed → in production → full output).
   */
  private static final Map<AdmissionStatus, Set<AdmissionStatus>> NEXT = Map.of(
      PRELIMINARY, EnumSet.of(PRELIMINARY, ASSESSING, REFUSED, WITHDRAWN),
      ASSESSING, EnumSet.of(DECIDING, WITHDRAWN),
      DECIDING, EnumSet.of(DECIDING, AGREEMENT, REFUSED, WITHDRAWN),
      AGREEMENT, EnumSet.of(SIGNED, WITHDRAWN),
      SIGNED, EnumSet.of(STARTED),
      STARTED, EnumSet.of(COMPLETED),
      COMPLETED, EnumSet.of(PRODUCING),
      PRODUCING, EnumSet.of(FULL_OUTPUT));

  public boolean mayMoveTo(AdmissionStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Refuses a transition not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(AdmissionStatus next) {
    if (!mayMoveTo(next)) {
      throw new IllegalStateException("enterprise-onboarding has no transition " + this + " → " + next);
    }
  }

  /** Before the agreement is signed the enterprise may still withdraw. */
  public boolean withdrawable() {
    return mayMoveTo(WITHDRAWN);
  }

  /** Admitted to the park: the agreement is signed, or a later milestone reached. */
  public boolean admitted() {
    return compareTo(SIGNED) >= 0 && compareTo(FULL_OUTPUT) <= 0;
  }

  public boolean closed() {
    return this == REFUSED || this == WITHDRAWN;
  }

  public static AdmissionStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown admission status " + label));
  }
}
