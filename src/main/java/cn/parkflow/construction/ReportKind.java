package cn.parkflow.construction;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a construction report says, with the status it needs and the status it leads to ({@code progress} keeps the
 * status). The order rules of the reports are this table: no completion before a confirmed start, no resumption
 * unless stopped.
 */
public enum ReportKind {
  STARTED("started", "开工", ConstructionStatus.NOT_STARTED, ConstructionStatus.START_REPORTED),
  PROGRESS("progress", "进度", ConstructionStatus.BUILDING, ConstructionStatus.BUILDING),
  STOPPED("stopped", "停工", ConstructionStatus.BUILDING, ConstructionStatus.STOPPED),
  RESUMED("resumed", "复工", ConstructionStatus.STOPPED, ConstructionStatus.BUILDING),
  COMPLETED("completed", "竣工", ConstructionStatus.BUILDING, ConstructionStatus.COMPLETION_REPORTED);

  private final String value;
  private final String label;
  private final ConstructionStatus requires;
  private final ConstructionStatus reaches;

  ReportKind(String value, String label, ConstructionStatus requires, ConstructionStatus reaches) {
    this.value = value;
    this.label = label;
    this.requires = requires;
    this.reaches = reaches;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  public ConstructionStatus requires() {
    return requires;
  }

  public ConstructionStatus reaches() {
    return reaches;
  }

  public static Optional<ReportKind> of(String value) {
    return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
  }

  /** The choices, for error messages. */
  public static String choices() {
    return String.join("、", Arrays.stream(values()).map(k -> k.value + "（" + k.label + "）").toList());
  }
}
