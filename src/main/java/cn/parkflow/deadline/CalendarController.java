package cn.parkflow.deadline;

import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.InvalidInputException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerks' deadline calculator and the calendar's yearly data. Both serve the years {@value #MIN_YEAR} to
 * {@value #MAX_YEAR} only: a start, a due date or a year outside them is refused naming the parameter that caused it.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  private static final String RANGE = MIN_YEAR + "–" + MAX_YEAR + " 年";

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Autowired
  public CalendarController(WorkingDayCalendar calendar) {
    this(calendar, Clock.systemUTC());
  }

  CalendarController(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A due date and the working days counted for it. {@code due} reads like {@code 2026-09-20T17:30+08:00}. */
  public record DeadlineAnswer(String due, List<LocalDate> workingDays) {}

  /**
   * When a limit {@code add} that starts at {@code from} (default: now) runs out. {@code from} is an ISO-8601
   * date-time with offset; without an offset it is read as Beijing time.
   */
  @GetMapping("/deadline")
  public DeadlineAnswer deadline(
      @RequestParam(required = false) String from, @RequestParam(required = false) String add) {
    FieldErrors errors = new FieldErrors();
    Instant start = Instant.now(clock);
    if (from != null && !from.isBlank()) {
      start = parseInstant(from.trim());
      if (start == null) {
        errors.add("from", "from 不是有效的 ISO-8601 日期时间（例如 2026-09-18T09:00:00+08:00）");
      } else if (!served(start)) {
        errors.add("from", "from 超出日历范围：只能计算 " + RANGE + "内的期限：" + from.trim());
      }
    }
    DeadlineSpec spec = null;
    if (add == null || add.isBlank()) {
      errors.add("add", "add 不能为空，应为 <n>wd（n 个工作日，例如 5wd）或 ISO-8601 时长（例如 P30D、PT45S）");
    } else {
      try {
        spec = DeadlineSpec.parse(add);
      } catch (IllegalArgumentException e) {
        errors.add("add", "add " + e.getMessage());
      }
    }
    errors.throwIfAny();
    Instant due;
    try {
      due = calendar.due(start, spec);
    } catch (DateTimeException | ArithmeticException e) {
      due = null;
    }
    if (due == null || !served(due)) {
      throw InvalidInputException.of("add", "add 时限 \"" + spec + "\" 过长：到期日超出日历范围（" + RANGE + "）");
    }
    return new DeadlineAnswer(
        OffsetDateTime.ofInstant(due, WorkingDayCalendar.ZONE).toString(), calendar.workingDaysCounted(start, spec));
  }

  private static boolean served(Instant instant) {
    int year = instant.atZone(WorkingDayCalendar.ZONE).getYear();
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }

  /** The official days off and make-up working days of {@code year}, and where they come from. */
  @GetMapping("/{year}")
  public YearInfo year(@PathVariable String year) {
    int value;
    try {
      value = Integer.parseInt(year.trim());
    } catch (NumberFormatException e) {
      value = Integer.MIN_VALUE;
    }
    if (value < MIN_YEAR || value > MAX_YEAR) {
      throw InvalidInputException.of("year", "year 超出日历范围：必须是 " + RANGE + "之间的年份：" + year);
    }
    return calendar.year(value);
  }

  // A '+' in an unencoded query string arrives as a blank; an ISO date-time never holds one, so it is put back.
  private static Instant parseInstant(String text) {
    String iso = text.replace(' ', '+');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(iso).atZone(WorkingDayCalendar.ZONE).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
