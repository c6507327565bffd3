package cn.parkflow.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a department review's clock is paused: the procedures of 行政许可法 Art. 45 whose time does not count toward the
 * limit (专家评审, 检验/检测, 听证), and 现场核查 where a department's own rules make it such a procedure.
 */
public enum PauseKind {
  EXPERT_EVALUATION("专家评审"),
  TESTING("检验、检测"),
  HEARING("听证"),
  INSPECTION("现场核查");

  private final String label;

  PauseKind(String label) {
    this.label = label;
  }

  /** The value the API and the table store: {@code expert-evaluation}, {@code testing}, … */
  public String value() {
    return name().toLowerCase().replace('_', '-');
  }

  public String label() {
    return label;
  }

  public static Optional<PauseKind> of(String value) {
    return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
  }

  /** Every value, for an error message: {@code expert-evaluation（专家评审）、testing（检验、检测）…}. */
  public static String choices() {
    return String.join("、", Arrays.stream(values()).map(k -> k.value() + "（" + k.label() + "）").toList());
  }
}
