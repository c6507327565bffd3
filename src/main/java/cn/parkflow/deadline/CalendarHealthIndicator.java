package cn.parkflow.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows as {@code calendar} in {@code /actuator/health}: UNKNOWN while a needed year, or the current year, has no
 * State Council notice loaded, because deadlines in that year fall back to Monday–Friday and may be wrong.
 */
@Component
public class CalendarHealthIndicator implements HealthIndicator {
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  @Autowired
  public CalendarHealthIndicator(WorkingDayCalendar calendar) {
    this(calendar, Clock.system(WorkingDayCalendar.ZONE));
  }

  CalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    int currentYear = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
    SortedSet<Integer> missing = new TreeSet<>(calendar.missingYears());
    if (!calendar.isOfficial(currentYear)) {
      missing.add(currentYear);
    }
    Health.Builder health = missing.isEmpty() ? Health.up() : Health.unknown().withDetail("missingYears", missing);
    return health
        .withDetail("years", calendar.loadedYears())
        .withDetail("nextYearLoaded", calendar.isOfficial(currentYear + 1))
        .build();
  }
}
