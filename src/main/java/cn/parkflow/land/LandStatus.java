package cn.parkflow.land;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A land case's status as the API shows it (issue 10, the exact values), with its transitions in one table. */
public enum LandStatus {
  DESIGNATING("待落实用地"),
  REQUISITION("征收报批中"),
  PLANNING("规划条件拟定中"),
  PRICING("底价确定中"),
  PLAN_APPROVAL("供地方案审批中"),
  ANNOUNCED("公告中"),
  LISTED("挂牌中"),
  SOLD("已成交"),
  UNSOLD("流拍"),
  CONTRACT("合同签订中"),
  PAYING("价款缴纳中"),
  HAND_OVER("待交地"),
  REGISTRATION("待登记"),
  WATCHED("供后监管中"),
  RESCINDED("已解除合同"),
  VERIFIED("已竣工核验");

  private final String label;

  LandStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The whole state machine: a requisition refused or no quota leaves the case 待落实用地 (ended); an unsold listing is
   * announced again until {@code parkflow.land-supply.max-listings}, then 流拍; a late payment may end in rescission.
   */
  private static final Map<LandStatus, Set<LandStatus>> NEXT = Map.ofEntries(
      Map.entry(DESIGNATING, EnumSet.of(REQUISITION, PLANNING)),
      Map.entry(REQUISITION, EnumSet.of(PLANNING, DESIGNATING)),
      Map.entry(PLANNING, EnumSet.of(PRICING)),
      Map.entry(PRICING, EnumSet.of(PLAN_APPROVAL)),
      Map.entry(PLAN_APPROVAL, EnumSet.of(ANNOUNCED, PRICING)),
      Map.entry(ANNOUNCED, EnumSet.of(LISTED)),
      Map.entry(LISTED, EnumSet.of(SOLD, ANNOUNCED, UNSOLD)),
      Map.entry(SOLD, EnumSet.of(CONTRACT)),
      Map.entry(CONTRACT, EnumSet.of(PAYING)),
      Map.entry(PAYING, EnumSet.of(HAND_OVER, RESCINDED)),
      Map.entry(HAND_OVER, EnumSet.of(REGISTRATION)),
      Map.entry(REGISTRATION, EnumSet.of(WATCHED)),
      Map.entry(WATCHED, EnumSet.of(VERIFIED)));

  public boolean mayMoveTo(LandStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Refuses a transition not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(LandStatus next) {
    if (!mayMoveTo(next)) {
      throw new IllegalStateException("land-supply has no transition " + this + " → " + next);
    }
  }

  public static LandStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown land status " + label));
  }
}
