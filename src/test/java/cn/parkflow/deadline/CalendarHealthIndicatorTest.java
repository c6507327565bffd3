package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CalendarHealthIndicatorTest {
  private final WorkingDayCalendar calendar = WorkingDayCalendar.load(
      null, WorkingDayCalendar.DEFAULT_OFFICE_CLOSE);

  private Health healthAt(String instant) {
    return new CalendarHealthIndicator(calendar, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).health();
  }

  @Test
  void upWhileTheCurrentYearIsLoadedAndNothingIsMissing() {
    Health health = healthAt("2025-06-01T00:00:00Z");

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("nextYearLoaded", true)
        .doesNotContainKey("missingYears");
    assertThat(health.getDetails().get("years")).asString().isEqualTo("[2025, 2026]");
  }

  @Test
  void unknownWhenANeededYearIsMissing() {
    calendar.isWorkingDay(LocalDate.parse("2030-03-01"));

    Health health = healthAt("2026-06-01T00:00:00Z");

    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("missingYears")).asString().isEqualTo("[2030]");
    assertThat(health.getDetails()).containsEntry("nextYearLoaded", false);
  }

  @Test
  void unknownWhenTheShanghaiYearHasNoNotice() {
    // 16:30 UTC on 31 December 2026 is already 2027 in Shanghai.
    Health health = healthAt("2026-12-31T16:30:00Z");

    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("missingYears")).asString().isEqualTo("[2027]");
  }

  @Test
  void upAgainOnceTheMissingYearIsLoaded() {
    calendar.isWorkingDay(LocalDate.parse("2027-03-01"));
    assertThat(healthAt("2026-06-01T00:00:00Z").getStatus()).isEqualTo(Status.UNKNOWN);

    java.util.List<HolidayFile> files = new java.util.ArrayList<>(WorkingDayCalendar.read(null));
    files.add(HolidayFile.read(new java.io.ByteArrayInputStream(("{\"year\": 2027, \"papers\": [], \"days\": ["
        + "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test/2027.json"));
    assertThat(calendar.replace(files)).containsExactly(2027);

    Health health = healthAt("2026-06-01T00:00:00Z");
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("nextYearLoaded", true).doesNotContainKey("missingYears");
  }
}
