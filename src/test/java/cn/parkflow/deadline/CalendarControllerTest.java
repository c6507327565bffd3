package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.web.FieldError;
import cn.parkflow.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarControllerTest {
  private final WorkingDayCalendar calendar = WorkingDayCalendar.load(
      null, WorkingDayCalendar.DEFAULT_OFFICE_CLOSE);
  private final CalendarController controller = new CalendarController(
      calendar, Clock.fixed(Instant.parse("2026-09-18T01:00:00Z"), ZoneOffset.UTC));

  @Test
  void deadlineInWorkingDays() {
    var answer = controller.deadline("2026-09-18T09:00+08:00", "1wd");

    assertThat(answer.due()).isEqualTo("2026-09-20T17:30+08:00");
    assertThat(answer.workingDays()).containsExactly(LocalDate.parse("2026-09-20"));
  }

  @Test
  void deadlineFromNowInCalendarTime() {
    var answer = controller.deadline(null, "PT45S");

    assertThat(answer.due()).isEqualTo("2026-09-18T09:00:45+08:00");
    assertThat(answer.workingDays()).isEmpty();
  }

  @Test
  void acceptsAnUnencodedPlusAndOtherOffsets() {
    assertThat(controller.deadline("2026-09-30T09:00 08:00", "3wd").due()).isEqualTo("2026-10-10T17:30+08:00");
    assertThat(controller.deadline("2026-09-30T01:00:00Z", "3wd").due()).isEqualTo("2026-10-10T17:30+08:00");
    assertThat(controller.deadline("2026-09-30T09:00", "3wd").due()).isEqualTo("2026-10-10T17:30+08:00");
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    assertThatThrownBy(() -> controller.deadline("2026-09-18", "3 days"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::field).containsExactly("from", "add");
          assertThat(e.errors().get(0).message())
              .isEqualTo("from 不是有效的 ISO-8601 日期时间（例如 2026-09-18T09:00:00+08:00）");
          assertThat(e.errors().get(1).message()).contains("\"3 days\"");
        });
  }

  @Test
  void addIsRequired() {
    assertThatThrownBy(() -> controller.deadline("2026-09-18T09:00+08:00", " "))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("add"));
  }

  @Test
  void aDueDateBeyondTheCalendarIsBadInput() {
    assertThatThrownBy(() -> controller.deadline("2026-09-18T09:00+08:00", "P999999999Y"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("add"));
  }

  @Test
  void year() {
    YearInfo info = controller.year("2026");

    assertThat(info.official()).isTrue();
    assertThat(info.makeUpWorkingDays()).contains(LocalDate.parse("2026-09-20"));
  }

  @Test
  void badYear() {
    for (String year : List.of("abc", "1800", "1999", "2101", "99999", "-999999999")) {
      assertThatThrownBy(() -> controller.year(year))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("year");
            assertThat(e.errors().get(0).message()).contains(year);
          });
    }
    assertThat(calendar.missingYears()).isEmpty();
  }

  @Test
  void theCalendarServesTheYears2000To2100() {
    assertThat(controller.year("2000").year()).isEqualTo(2000);
    assertThat(controller.year("2100").year()).isEqualTo(2100);
    assertThatThrownBy(() -> controller.year("1999")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.errors().get(0).message()).contains("2000–2100"));
    assertThat(controller.deadline("2100-12-20T09:00+08:00", "2wd").due()).startsWith("2100-12-2");
    assertThat(controller.deadline("2000-01-04T09:00+08:00", "1wd").due()).startsWith("2000-01-0");
  }

  @Test
  void aStartOutsideTheCalendarNamesFromNotAdd() {
    for (String from : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T00:00:00Z", "1999-12-31T09:00+08:00",
        "2101-01-01T09:00+08:00")) {
      assertThatThrownBy(() -> controller.deadline(from, "5wd")).as(from)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("from");
            assertThat(e.errors().get(0).message()).contains("2000–2100").contains(from);
          });
    }
    assertThat(calendar.missingYears()).allMatch(y -> y >= CalendarController.MIN_YEAR
        && y <= CalendarController.MAX_YEAR);
  }

  @Test
  void aDueDateAfter2100NamesAdd() {
    assertThatThrownBy(() -> controller.deadline("2100-12-20T09:00+08:00", "30wd"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::field).containsExactly("add");
          assertThat(e.errors().get(0).message()).contains("2000–2100");
        });
  }
}
