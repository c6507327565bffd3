package cn.parkflow.approval;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A case's status as the applicant reads it. */
public enum ProjectStatus {
  ACCEPTING("受理中", false),
  SUPPLEMENTING("补正中", false),
  REVIEWING("审查中", false),
  APPROVED("已批准", true),
  NOT_APPROVED("未批准", true),
  /** Refused at intake on a ground of 行政许可法 Art. 32 ({@link IntakeRefusal.Ground}). */
  NOT_ACCEPTED("不予受理", true),
  /** Only filings: complete at acceptance (Order 673 Art. 13), no joint decision, nobody can refuse it. */
  FILED("已备案", true),
  WITHDRAWN("已撤回", true),
  SUPPLEMENT_OVERDUE("逾期未补正", true);

  private final String label;
  private final boolean closed;

  ProjectStatus(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  /** The case is decided or closed: nothing more can be supplied or withdrawn. */
  public boolean closed() {
    return closed;
  }

  /**
   * The transitions of a project-approval case, the whole state machine in one table. A status may stay as it is (the
   * stage moves on, or a second department returns the case); a closed case moves no more.
   */
  private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT = Map.of(
      ACCEPTING, EnumSet.of(ACCEPTING, SUPPLEMENTING, REVIEWING, NOT_ACCEPTED, WITHDRAWN),
      SUPPLEMENTING, EnumSet.of(SUPPLEMENTING, ACCEPTING, REVIEWING, SUPPLEMENT_OVERDUE, WITHDRAWN),
      REVIEWING, EnumSet.of(REVIEWING, SUPPLEMENTING, APPROVED, NOT_APPROVED, FILED, WITHDRAWN));

  public boolean mayMoveTo(ProjectStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Refuses a transition that is not in the table ({@link IllegalStateException}: a fault of the code, not input). */
  public void checkMoveTo(ProjectStatus next) {
    if (!mayMoveTo(next)) {
      throw new IllegalStateException("project-approval has no transition " + this + " → " + next);
    }
  }

  public static ProjectStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown project status " + label));
  }
}
