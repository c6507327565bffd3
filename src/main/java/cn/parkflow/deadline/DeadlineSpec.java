package cn.parkflow.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A time limit as written in configuration: {@code <n>wd} (n working days under the Chinese working-day calendar) or
 * an ISO-8601 duration in calendar time ({@code P30D}, {@code PT45S}, {@code P1DT2H}, {@code P1M}, {@code P1Y2M3DT4H}).
 *
 * <p>Immutable. Two specs are equal when they mean the same amount ({@code P1D} and {@code PT24H} are equal: both
 * are 24 hours; {@code P1D} is read by {@link Duration#parse}, as the contract's examples are exact durations).
 */
public final class DeadlineSpec {
  /** Upper bound for {@code <n>wd}, about 40 years: beyond it a limit is a typing error, not a deadline. */
  public static final int MAX_WORKING_DAYS = 10_000;

  private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,9})wd", Pattern.CASE_INSENSITIVE);
  private static final String EXPECTED = "应为 <n>wd（n 个工作日，例如 5wd）或 ISO-8601 时长（例如 P30D、PT45S）";

  private final String text;
  private final int workingDays;
  private final Period period;
  private final Duration duration;

  private DeadlineSpec(String text, int workingDays, Period period, Duration duration) {
    this.text = text;
    this.workingDays = workingDays;
    this.period = period;
    this.duration = duration;
  }

  /**
   * Parses a limit; surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException with a Chinese message naming the value when it is not a valid, non-negative
   *     limit
   */
  public static DeadlineSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("时限不能为空，" + EXPECTED);
    }
    String trimmed = text.trim();
    var wd = WORKING_DAYS.matcher(trimmed);
    if (wd.matches()) {
      int n = Integer.parseInt(wd.group(1));
      if (n > MAX_WORKING_DAYS) {
        throw new IllegalArgumentException(
            "时限 \"" + trimmed + "\" 超出范围：工作日数最多为 " + MAX_WORKING_DAYS);
      }
      return new DeadlineSpec(trimmed, n, null, null);
    }
    DeadlineSpec iso = parseIso(trimmed);
    if (iso == null) {
      throw new IllegalArgumentException("时限 \"" + trimmed + "\" 无效，" + EXPECTED);
    }
    if (iso.period.isNegative() || iso.duration.isNegative()) {
      throw new IllegalArgumentException("时限 \"" + trimmed + "\" 不能为负数");
    }
    return iso;
  }

  /** A limit of {@code n} working days. */
  public static DeadlineSpec ofWorkingDays(int n) {
    if (n < 0 || n > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("工作日数必须在 0 到 " + MAX_WORKING_DAYS + " 之间：" + n);
    }
    return new DeadlineSpec(n + "wd", n, null, null);
  }

  // Duration first, as the brief's examples are exact; Period for P1M/P1Y/P1W; both for mixed forms like P1MT2H.
  private static DeadlineSpec parseIso(String text) {
    try {
      return new DeadlineSpec(text, -1, Period.ZERO, Duration.parse(text));
    } catch (DateTimeParseException notDuration) {
      // fall through
    }
    try {
      return new DeadlineSpec(text, -1, Period.parse(text), Duration.ZERO);
    } catch (DateTimeParseException notPeriod) {
      // fall through
    }
    int t = text.toUpperCase().indexOf('T');
    if (t <= 0 || text.startsWith("-")) {
      return null;
    }
    try {
      return new DeadlineSpec(
          text, -1, Period.parse(text.substring(0, t)), Duration.parse("PT" + text.substring(t + 1)));
    } catch (DateTimeParseException notMixed) {
      return null;
    }
  }

  /** Whether this limit counts working days ({@code <n>wd}) rather than calendar time. */
  public boolean isWorkingDays() {
    return workingDays >= 0;
  }

  /** The number of working days; only for {@code <n>wd} limits. */
  public int workingDays() {
    if (!isWorkingDays()) {
      throw new IllegalStateException("Not a working-day limit: " + text);
    }
    return workingDays;
  }

  /** Whether the limit is zero long ({@code 0wd}, {@code PT0S}). */
  public boolean isZero() {
    return isWorkingDays() ? workingDays == 0 : period.isZero() && duration.isZero();
  }

  /** {@code times} copies of this calendar-time limit added to {@code start} in {@code zone}. */
  Instant addCalendarTime(Instant start, ZoneId zone, long times) {
    requireCalendarTime();
    if (period.isZero()) {
      return start.plus(duration.multipliedBy(times));
    }
    return start.atZone(zone).plus(period.multipliedBy(Math.toIntExact(times)))
        .plus(duration.multipliedBy(times)).toInstant();
  }

  /** This calendar-time limit taken from {@code end} in {@code zone}. */
  Instant subtractCalendarTime(Instant end, ZoneId zone) {
    requireCalendarTime();
    return end.atZone(zone).minus(period).minus(duration).toInstant();
  }

  /** The fixed length of a calendar-time limit without a date-based part ({@code P1M}, {@code P1W}), else null. */
  Duration exactDuration() {
    return !isWorkingDays() && period.isZero() ? duration : null;
  }

  private void requireCalendarTime() {
    if (isWorkingDays()) {
      throw new IllegalStateException("Not a calendar-time limit: " + text);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadlineSpec other
        && workingDays == other.workingDays
        && Objects.equals(period, other.period)
        && Objects.equals(duration, other.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workingDays, period, duration);
  }

  /** The text the limit was parsed from. */
  @Override
  public String toString() {
    return text;
  }
}
