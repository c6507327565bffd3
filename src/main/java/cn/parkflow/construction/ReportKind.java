package cn.parkflow.construction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a construction report says, with the status it needs and the status it leads to ({@code progress} keeps the
 * status). The order rules of the reports are this table: no completion before a confirmed start, no resumption
 * unless stopped. The stored and sent value is the name in lower case ({@code started}, …).
 */
public enum ReportKind {
  STARTED("开工", ConstructionStatus.NOT_STARTED, ConstructionStatus.START_REPORTED),
  PROGRESS("进度", ConstructionStatus.BUILDING, ConstructionStatus.BUILDING),
  STOPPED("停工", ConstructionStatus.BUILDING, ConstructionStatus.STOPPED),
  RESUMED("复工", ConstructionStatus.STOPPED, ConstructionStatus.BUILDING),
  COMPLETED("竣工", ConstructionStatus.BUILDING, ConstructionStatus.COMPLETION_REPORTED);

  private final String label;
  private final ConstructionStatus requires;
  private final ConstructionStatus reaches;

  ReportKind(String label, ConstructionStatus requires, ConstructionStatus reaches) {
    this.label = label;
    this.requires = requires;
    this.reaches = reaches;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
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
    return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
  }

  /** The choices, for error messages. */
  public static String choices() {
    return String.join("、", Arrays.stream(values()).map(k -> k.value() + "（" + k.label + "）").toList());
  }
}
