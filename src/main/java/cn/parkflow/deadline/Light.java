package cn.parkflow.deadline;

import java.time.Instant;

/** The contract's warning lights for an open task. */
public enum Light {
  GREEN, YELLOW, RED;

  public String value() {
    return name().toLowerCase();
  }

  /** Light of a task due at {@code due} (null: no time limit, always green), seen at {@code now}. */
  public static Light of(Instant due, Instant now, Deadlines deadlines) {
    if (due == null) {
      return GREEN;
    }
    if (!now.isBefore(due)) {
      return RED;
    }
    Instant warnFrom = deadlines.calendar().warnFrom(due, deadlines.beforeDue());
    return now.isBefore(warnFrom) ? GREEN : YELLOW;
  }
}
