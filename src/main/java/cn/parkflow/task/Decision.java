package cn.parkflow.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one decision vocabulary of every process: the value a form stores in {@code decision} and its Chinese label,
 * as error messages, notices, the case view and the case record print it. A form may word an option for its step
 * (受理 / 不予受理 at intake, 批准 / 不予批准 at the joint decision); the stored value and this label stay the same.
 */
public enum Decision {
  APPROVE("approve", "同意"),
  RETURN("return", "退回补正"),
  REJECT("reject", "不予通过"),
  EXTEND("extend", "延期");

  private final String value;
  private final String label;

  Decision(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  public static Optional<Decision> of(Object value) {
    return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst();
  }
}
