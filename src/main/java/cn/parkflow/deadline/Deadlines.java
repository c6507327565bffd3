package cn.parkflow.deadline;

import cn.parkflow.time.EngineClock;
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

  public Deadlines(WorkingDayCalendar calendar, EngineClock clock, DeadlineProperties props) {
    this.calendar = calendar;
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

  /** Due date of a step starting now (engine clock). */
  public Date due(String processKey, String name) {
    return Date.from(calendar.due(clock.now(), spec(processKey, name)));
  }

  /** Due date of a step starting at {@code from}. */
  public Date dueFrom(Date from, String processKey, String name) {
    return Date.from(calendar.due(from.toInstant(), spec(processKey, name)));
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
