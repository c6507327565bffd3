package cn.parkflow.construction;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A watch's status (供后监管), with its transitions in one table. These are the watch's own words; the parcel's view
 * shows the land slice's status (供后监管中, 已竣工核验) and this one in its {@code milestones}.
 */
public enum ConstructionStatus {
  NOT_STARTED("待开工"),
  START_REPORTED("开工待确认"),
  BUILDING("建设中"),
  STOPPED("停工中"),
  COMPLETION_REPORTED("竣工待核验"),
  VERIFIED("已竣工核验"),
  /** The parcel was supplied again (after its recovery) and a new title registered: a new watch takes over. */
  SUPERSEDED("已终止（宗地重新供应）");

  private final String label;

  ConstructionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The whole state machine: a reported start waits for natural-resources' confirmation (refused: not started
   * again); building may stop and resume; a reported completion waits for verification (refused: building again).
   * A new title for the parcel (supplied again after its recovery) ends any open watch.
   */
  private static final Map<ConstructionStatus, Set<ConstructionStatus>> NEXT = Map.of(
      NOT_STARTED, EnumSet.of(START_REPORTED, SUPERSEDED),
      START_REPORTED, EnumSet.of(BUILDING, NOT_STARTED, SUPERSEDED),
      BUILDING, EnumSet.of(STOPPED, COMPLETION_REPORTED, SUPERSEDED),
      STOPPED, EnumSet.of(BUILDING, SUPERSEDED),
      COMPLETION_REPORTED, EnumSet.of(VERIFIED, BUILDING, SUPERSEDED));

  public boolean mayMoveTo(ConstructionStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Refuses a transition not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(ConstructionStatus next) {
    if (!mayMoveTo(next)) {
      throw new IllegalStateException("construction-watch has no transition " + this + " → " + next);
    }
  }

  public boolean closed() {
    return this == VERIFIED || this == SUPERSEDED;
  }

  public static ConstructionStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown construction status " + label));
  }
}
