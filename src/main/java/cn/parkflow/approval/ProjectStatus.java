package cn.parkflow.approval;

import java.util.Arrays;

/** A case's status as the applicant reads it. */
public enum ProjectStatus {
  ACCEPTING("受理中", false),
  SUPPLEMENTING("补正中", false),
  REVIEWING("审查中", false),
  APPROVED("已批准", true),
  NOT_APPROVED("未批准", true),
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

  public static ProjectStatus ofLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown project status " + label));
  }
}
