package cn.parkflow.idleland;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An idle-land case's status as the API shows it (issue 12, values exact), with its transitions in one table. */
public enum IdleLandStatus {
  INVESTIGATING("调查中"),
  AWAITING_STATEMENT("待陈述"),
  DETERMINING("认定中"),
  DETERMINED("已认定"),
  NEGOTIATING("协商处置中"),
  HEARING_NOTICE("听证告知中"),
  HEARING("听证中"),
  DECIDING("待决定"),
  PERFORMING("待履行"),
  ENFORCING("申请强制执行"),
  RECOVERED("已收回"),
  FEE_COLLECTED("已征缴"),
  REVIVED("已盘活"),
  CLOSED("已结案");

  private final String label;

  IdleLandStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The whole state machine. Branch A: investigation → statement → determination → either a negotiated plan
   * (government-caused) or a fee / recovery decision with the hearing right, compliance and court enforcement.
   * Branch B (stopped plants): assessment (调查中) → a route (协商处置中) → 已盘活.
   */
  private static final Map<IdleLandStatus, Set<IdleLandStatus>> NEXT = Map.ofEntries(
      Map.entry(INVESTIGATING, EnumSet.of(AWAITING_STATEMENT, NEGOTIATING)),
      Map.entry(AWAITING_STATEMENT, EnumSet.of(DETERMINING)),
      Map.entry(DETERMINING, EnumSet.of(DETERMINED, NEGOTIATING)),
      Map.entry(DETERMINED, EnumSet.of(HEARING_NOTICE)),
      Map.entry(NEGOTIATING, EnumSet.of(CLOSED, RECOVERED, REVIVED)),
      Map.entry(HEARING_NOTICE, EnumSet.of(HEARING, DECIDING)),
      Map.entry(HEARING, EnumSet.of(DECIDING)),
      Map.entry(DECIDING, EnumSet.of(PERFORMING, DETERMINED)),
      Map.entry(PERFORMING, EnumSet.of(FEE_COLLECTED, RECOVERED, ENFORCING)),
      Map.entry(ENFORCING, EnumSet.of(FEE_COLLECTED, RECOVERED, CLOSED)));

  public boolean mayMoveTo(IdleLandStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Refuses a transition not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(IdleLandStatus next) {
    if (!mayMoveTo(next)) {
      throw new IllegalStateException("idle-land-recovery has no transition " + this + " → " + next);
    }
  }

  public static IdleLandStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown idle-land status " + label));
  }
}
