package cn.parkflow.deadline;

import java.time.Instant;

/** The contract's warning lights for an open task. */
public enum Light {
  GREEN, YELLOW, RED;

  public String value() {
    return name().toLowerCase();
  }

  /** What staff read: 绿灯, 黄灯, 红灯. */
  public String chineseName() {
    return switch (this) {
      case GREEN -> "绿灯";
      case YELLOW -> "黄灯";
      case RED -> "红灯";
    };
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
