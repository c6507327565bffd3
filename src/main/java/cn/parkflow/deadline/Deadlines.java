package cn.parkflow.deadline;

import cn.parkflow.time.EngineClock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates for the models: {@code camunda:dueDate="${deadlines.due('project-approval', 'intake-review')}"} and timer
 * {@code timeDate} expressions use the same bean, so a task and the statutory timer behind it agree. A property change
 * applies to tasks and timers created afterwards; running ones keep the date they were given.
 */
@Component("deadlines")
@EnableConfigurationProperties(DeadlineProperties.class)
public class Deadlines {
  private final WorkingDayCalendar calendar;
  private final EngineClock clock;
  private final Map<String, DeadlineSpec> specs = new HashMap<>();
  private final DeadlineSpec beforeDue;
  private final DeadlineSpec overdueEvery;
  private static final DeadlineSpec ONE_WORKING_DAY = DeadlineSpec.ofWorkingDays(1);

  private final ProvisionalDueDates provisional;

  public Deadlines(WorkingDayCalendar calendar, EngineClock clock, DeadlineProperties props,
      ProvisionalDueDates provisional) {
    this.calendar = calendar;
    this.provisional = provisional;
    this.clock = clock;
    if (props.deadlines() != null) {
      props.deadlines().forEach((process, names) -> names.forEach((name, value) ->
          specs.put(process + "." + name, DeadlineSpec.parse(value))));
    }
    this.beforeDue = DeadlineSpec.parse(props.reminders().beforeDue());
    this.overdueEvery = DeadlineSpec.parse(props.reminders().overdueEvery());
  }

  /** The time limit configured as {@code parkflow.deadlines.<processKey>.<name>}. */
  public DeadlineSpec spec(String processKey, String name) {
    DeadlineSpec spec = specs.get(processKey + "." + name);
    if (spec == null) {
      throw new IllegalStateException("No time limit configured: parkflow.deadlines." + processKey + "." + name);
    }
    return spec;
  }

  public boolean configured(String processKey, String name) {
    return specs.containsKey(processKey + "." + name);
  }

  /**
   * Due date of a step starting now (engine clock). One counted through a year without a notice is kept as
   * provisional for the process instance being evaluated ({@link ProvisionalDueDates}).
   */
  public Date due(String processKey, String name) {
    return Date.from(computed(null, clock.now(), spec(processKey, name)));
  }

  /** Due date of a step starting at {@code from}. */
  public Date dueFrom(Date from, String processKey, String name) {
    return Date.from(computed(null, from.toInstant(), spec(processKey, name)));
  }

  private Instant computed(String processInstanceId, Instant start, DeadlineSpec spec) {
    Instant due = calendar.due(start, spec);
    provisional.noteIfProvisional(processInstanceId, start, spec, due);
    return due;
  }

  /** Working days of a limit that started at {@code from} that have run out by {@code to} (0 when none has). */
  public int workingDaysElapsed(Instant from, Instant to) {
    return Math.max(0, calendar.repeatsElapsed(from, ONE_WORKING_DAY, to));
  }

  /** When {@code workingDays} working days from {@code from} run out. */
  public Instant inWorkingDays(Instant from, int workingDays) {
    return calendar.due(from, DeadlineSpec.ofWorkingDays(workingDays));
  }

  /**
   * A due date moved later by {@code workingDays} working days (a clock pause's resumption, 行政许可法 Art. 45): the
   * office close of the n-th working day after the old due date's day; unchanged for 0.
   */
  public Instant moveBy(String processInstanceId, Instant due, int workingDays) {
    return workingDays <= 0 ? due : computed(processInstanceId, due, DeadlineSpec.ofWorkingDays(workingDays));
  }

  /**
   * When a warning that runs {@code parkflow.deadlines.<processKey>.<name>} before {@code end} falls (a timer's
   * {@code timeDate}: {@code ${deadlines.before(agreedStart, 'construction-watch', 'start-warning')}}): calendar time
   * is taken from {@code end}; {@code <n>wd} is the office close of the n-th working day before.
   */
  public Date before(Date end, String processKey, String name) {
    return Date.from(calendar.warnFrom(end.toInstant(), spec(processKey, name)));
  }

  public DeadlineSpec beforeDue() {
    return beforeDue;
  }

  public DeadlineSpec overdueEvery() {
    return overdueEvery;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
