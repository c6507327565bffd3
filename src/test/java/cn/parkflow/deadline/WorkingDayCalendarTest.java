package cn.parkflow.deadline;

import static cn.parkflow.deadline.WorkingDayCalendar.DEFAULT_OFFICE_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class WorkingDayCalendarTest {
  private final WorkingDayCalendar calendar = bundled();

  private static WorkingDayCalendar bundled() {
    return WorkingDayCalendar.load(null, DEFAULT_OFFICE_CLOSE);
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static DeadlineSpec spec(String text) {
    return DeadlineSpec.parse(text);
  }

  private static List<LocalDate> dates(String... isoDates) {
    return Arrays.stream(isoDates).map(LocalDate::parse).toList();
  }

  private static List<LocalDate> range(String first, String last) {
    return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
  }

  @Nested
  class BundledNotices {

    @Test
    void year2025HasEveryDayOffAndMakeUpDay() {
      YearInfo info = calendar.year(2025);

      assertThat(info.official()).isTrue();
      assertThat(info.daysOff()).containsExactlyElementsOf(concat(
          range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"), range("2025-04-04", "2025-04-06"),
          range("2025-05-01", "2025-05-05"), range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08")));
      assertThat(info.makeUpWorkingDays())
          .isEqualTo(dates("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"));
      assertThat(info.source())
          .containsExactly("calendar/2025.json", "https://www.gov.cn/zhengce/content/202411/content_6986383.htm");
    }

    @Test
    void year2026HasEveryDayOffAndMakeUpDay() {
      YearInfo info = calendar.year(2026);

      assertThat(info.official()).isTrue();
      assertThat(info.daysOff()).containsExactlyElementsOf(concat(
          range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"), range("2026-04-04", "2026-04-06"),
          range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
          range("2026-10-01", "2026-10-07")));
      assertThat(info.makeUpWorkingDays()).isEqualTo(
          dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));
      assertThat(info.source())
          .containsExactly("calendar/2026.json", "https://www.gov.cn/zhengce/content/202511/content_7047091.htm");
      assertThat(calendar.missingYears()).isEmpty();
    }

    @SafeVarargs
    private static List<LocalDate> concat(List<LocalDate>... parts) {
      return Arrays.stream(parts).flatMap(List::stream).toList();
    }
  }

  @Nested
  class WorkingDays {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"})
    void makeUpWeekendsAreWorkingDays(String date) {
      LocalDate day = LocalDate.parse(date);

      assertThat(day.getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6);
      assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06", "2026-05-05", "2026-06-19",
        "2026-09-25", "2026-10-01", "2026-10-07", "2025-01-01", "2025-02-04", "2025-06-02", "2025-10-08"})
    void weekdaysOffAreNotWorkingDays(String date) {
      LocalDate day = LocalDate.parse(date);

      assertThat(day.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
      assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @Test
    void ordinaryWeekdaysAndWeekends() {
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-18"))).isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-19"))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-08"))).isFalse();
    }
  }

  @Nested
  class WorkingDayDeadlines {

    @Test
    void fridayPlusOneIsTheMakeUpSunday() {
      Instant from = at("2026-09-18T09:00+08:00");

      assertThat(calendar.due(from, spec("1wd"))).isEqualTo(at("2026-09-20T17:30+08:00"));
      assertThat(calendar.workingDaysCounted(from, spec("1wd"))).isEqualTo(dates("2026-09-20"));
    }

    @Test
    void acrossNationalDay2026() {
      Instant from = at("2026-09-30T09:00+08:00");

      assertThat(calendar.due(from, spec("3wd"))).isEqualTo(at("2026-10-10T17:30+08:00"));
      assertThat(calendar.workingDaysCounted(from, spec("3wd")))
          .isEqualTo(dates("2026-10-08", "2026-10-09", "2026-10-10"));
    }

    @Test
    void acrossSpringFestival2026() {
      Instant from = at("2026-02-13T10:00+08:00");

      assertThat(calendar.workingDaysCounted(from, spec("3wd")))
          .isEqualTo(dates("2026-02-14", "2026-02-24", "2026-02-25"));
      assertThat(calendar.due(from, spec("3wd"))).isEqualTo(at("2026-02-25T17:30+08:00"));
    }

    @Test
    void startOnAHolidayCountsFromTheNextWorkingDay() {
      assertThat(calendar.due(at("2026-02-16T10:00+08:00"), spec("1wd"))).isEqualTo(at("2026-02-25T17:30+08:00"));
      assertThat(calendar.due(at("2026-10-01T10:00+08:00"), spec("0wd"))).isEqualTo(at("2026-10-08T17:30+08:00"));
    }

    @Test
    void yearBoundary2025To2026() {
      Instant from = at("2025-12-31T09:00+08:00");

      assertThat(calendar.workingDaysCounted(from, spec("2wd"))).isEqualTo(dates("2026-01-04", "2026-01-05"));
      assertThat(calendar.due(from, spec("2wd"))).isEqualTo(at("2026-01-05T17:30+08:00"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "2026-09-15T17:30+08:00, 1wd, 2026-09-16T17:30+08:00",
        "2026-09-15T17:31+08:00, 1wd, 2026-09-17T17:30+08:00",
        "2026-09-15T08:00+08:00, 1wd, 2026-09-16T17:30+08:00",
        "2026-09-15T17:30+08:00, 0wd, 2026-09-15T17:30+08:00",
        "2026-09-15T17:31+08:00, 0wd, 2026-09-16T17:30+08:00",
        "2026-09-15T00:00+08:00, 0wd, 2026-09-15T17:30+08:00",
        "2026-09-12T10:00+08:00, 1wd, 2026-09-15T17:30+08:00",
        "2026-09-12T10:00+08:00, 0wd, 2026-09-14T17:30+08:00",
        "2026-09-15T09:31:00Z, 1wd, 2026-09-17T17:30+08:00",
        "2026-09-14T23:00:00Z, 0wd, 2026-09-15T17:30+08:00"
    })
    void officeHoursEdgesInShanghaiTime(String from, String add, String due) {
      assertThat(calendar.due(at(from), spec(add))).isEqualTo(at(due));
    }

    @Test
    void officeCloseIsConfigurable() {
      WorkingDayCalendar early = WorkingDayCalendar.load(null, LocalTime.of(16, 0));

      assertThat(early.due(at("2026-09-15T16:30+08:00"), spec("1wd"))).isEqualTo(at("2026-09-17T16:00+08:00"));
    }

    @Test
    void aStartBeforeTheOfficeOpensCountsLikeOneDuringTheDay() {
      // 民法典 Art. 201: the start day is not counted, so no opening time is needed (or configurable).
      assertThat(calendar.due(at("2026-09-15T06:00+08:00"), spec("1wd")))
          .isEqualTo(calendar.due(at("2026-09-15T10:00+08:00"), spec("1wd")))
          .isEqualTo(at("2026-09-16T17:30+08:00"));
      assertThat(java.util.Arrays.stream(CalendarProperties.class.getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName)).containsExactly("location", "officeClose");
    }
  }

  @Nested
  class CalendarTime {

    @Test
    void isoDurationsIgnoreHolidays() {
      Instant from = at("2026-09-30T09:00+08:00");

      assertThat(calendar.due(from, spec("P30D"))).isEqualTo(at("2026-10-30T09:00+08:00"));
      assertThat(calendar.due(from, spec("PT45S"))).isEqualTo(at("2026-09-30T09:00:45+08:00"));
      assertThat(calendar.due(from, spec("P1DT2H"))).isEqualTo(at("2026-10-01T11:00+08:00"));
      assertThat(calendar.due(at("2026-01-31T09:00+08:00"), spec("P1M"))).isEqualTo(at("2026-02-28T09:00+08:00"));
      assertThat(calendar.workingDaysCounted(from, spec("P30D"))).isEmpty();
    }

    @Test
    void monthsAreAddedOnTheShanghaiDate() {
      // 2026-03-30T20:00Z is already 31 March in Shanghai; in UTC the month would end on 30 April.
      assertThat(calendar.due(at("2026-03-30T20:00:00Z"), spec("P1M"))).isEqualTo(at("2026-04-30T04:00+08:00"));
    }
  }

  @Nested
  class DueSoon {

    @Test
    void oneWorkingDayBeforeAMondayIsFridayClose() {
      assertThat(calendar.warnFrom(at("2026-09-14T17:30+08:00"), spec("1wd")))
          .isEqualTo(at("2026-09-11T17:30+08:00"));
    }

    @Test
    void skipsHolidaysAndUsesMakeUpDays() {
      assertThat(calendar.warnFrom(at("2026-10-08T17:30+08:00"), spec("1wd")))
          .isEqualTo(at("2026-09-30T17:30+08:00"));
      assertThat(calendar.warnFrom(at("2026-09-21T17:30+08:00"), spec("1wd")))
          .isEqualTo(at("2026-09-20T17:30+08:00"));
      assertThat(calendar.warnFrom(at("2026-10-10T17:30+08:00"), spec("3wd")))
          .isEqualTo(at("2026-09-30T17:30+08:00"));
    }

    @Test
    void calendarTimeIsSubtracted() {
      assertThat(calendar.warnFrom(at("2026-10-08T17:30+08:00"), spec("PT2H")))
          .isEqualTo(at("2026-10-08T15:30+08:00"));
      assertThat(calendar.warnFrom(at("2026-03-31T17:30+08:00"), spec("P1M")))
          .isEqualTo(at("2026-02-28T17:30+08:00"));
    }

    @Test
    void neverAfterTheDueDate() {
      Instant due = at("2026-09-15T10:00+08:00");

      assertThat(calendar.warnFrom(due, spec("0wd"))).isEqualTo(due);
    }
  }

  @Nested
  class OverdueRepeats {
    private final Instant due = at("2026-09-30T17:30+08:00");

    @Test
    void workingDayRepeatsStepOverHolidays() {
      assertThat(calendar.nthRepeat(due, spec("1wd"), 0)).isEqualTo(due);
      assertThat(calendar.nthRepeat(due, spec("1wd"), 1)).isEqualTo(at("2026-10-08T17:30+08:00"));
      assertThat(calendar.nthRepeat(due, spec("1wd"), 3)).isEqualTo(at("2026-10-10T17:30+08:00"));
      assertThat(calendar.nthRepeat(due, spec("2wd"), 2)).isEqualTo(at("2026-10-12T17:30+08:00"));
    }

    @Test
    void eachRepeatIsTheDueDateOfThePrevious() {
      Instant previous = at("2026-09-16T11:00+08:00");
      for (int k = 1; k <= 30; k++) {
        Instant next = calendar.due(previous, spec("2wd"));
        assertThat(calendar.nthRepeat(at("2026-09-16T11:00+08:00"), spec("2wd"), k)).isEqualTo(next);
        previous = next;
      }
    }

    @Test
    void repeatsElapsedCountsWorkingDaySteps() {
      assertThat(calendar.repeatsElapsed(due, spec("1wd"), due.minusSeconds(1))).isEqualTo(-1);
      assertThat(calendar.repeatsElapsed(due, spec("1wd"), due)).isZero();
      assertThat(calendar.repeatsElapsed(due, spec("1wd"), at("2026-10-08T17:29+08:00"))).isZero();
      assertThat(calendar.repeatsElapsed(due, spec("1wd"), at("2026-10-08T17:30+08:00"))).isEqualTo(1);
      assertThat(calendar.repeatsElapsed(due, spec("1wd"), at("2026-10-11T12:00+08:00"))).isEqualTo(3);
    }

    @Test
    void repeatsElapsedIsTheInverseOfNthRepeat() {
      for (String every : List.of("1wd", "3wd", "PT45S", "P1D", "P1M", "P1MT1H")) {
        for (int k = 0; k <= 25; k++) {
          Instant repeat = calendar.nthRepeat(due, spec(every), k);
          assertThat(calendar.repeatsElapsed(due, spec(every), repeat)).as(every + " k=" + k).isEqualTo(k);
          assertThat(calendar.repeatsElapsed(due, spec(every), repeat.minusNanos(1)))
              .as(every + " k=" + k).isEqualTo(k - 1);
        }
      }
    }

    @Test
    void calendarTimeRepeats() {
      assertThat(calendar.nthRepeat(due, spec("PT1H"), 3)).isEqualTo(at("2026-09-30T20:30+08:00"));
      assertThat(calendar.repeatsElapsed(due, spec("PT1H"), at("2026-09-30T21:00+08:00"))).isEqualTo(3);
      assertThat(calendar.repeatsElapsed(due, spec("PT45S"), at("2126-09-30T17:30+08:00")))
          .isEqualTo(70_126_080);
    }

    @Test
    void hugeGapsStopAtTheCap() {
      long started = System.nanoTime();

      assertThat(calendar.repeatsElapsed(due, spec("1wd"), at("2400-01-01T00:00+08:00")))
          .isEqualTo(WorkingDayCalendar.MAX_REPEATS);
      assertThat(calendar.repeatsElapsed(due, spec("P1M"), at("9999-01-01T00:00+08:00")))
          .isEqualTo(WorkingDayCalendar.MAX_REPEATS);
      assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void refusesZeroSteps() {
      assertThatIllegalArgumentException().isThrownBy(() -> calendar.nthRepeat(due, spec("0wd"), 1));
      assertThatIllegalArgumentException().isThrownBy(() -> calendar.repeatsElapsed(due, spec("PT0S"), due));
      assertThatIllegalArgumentException().isThrownBy(() -> calendar.nthRepeat(due, spec("1wd"), -1));
    }
  }

  @Nested
  class MissingYears {
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);

    @BeforeEach
    void captureLog() {
      logged.start();
      logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
      logger.detachAppender(logged);
    }

    private long warningsAbout(int year) {
      return logged.list.stream()
          .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(String.valueOf(year)))
          .count();
    }

    @Test
    void fallsBackToMondayToFridayAndWarnsOnce() {
      assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-05"))).isFalse();
      assertThat(calendar.due(at("2030-01-04T09:00+08:00"), spec("1wd"))).isEqualTo(at("2030-01-07T17:30+08:00"));

      assertThat(calendar.missingYears()).containsExactly(2030);
      assertThat(warningsAbout(2030)).isEqualTo(1);
    }

    @Test
    void askingForAYearWithoutNoticeMarksItMissing() {
      YearInfo info = calendar.year(2031);

      assertThat(info.official()).isFalse();
      assertThat(info.daysOff()).isEmpty();
      assertThat(info.makeUpWorkingDays()).isEmpty();
      assertThat(info.source()).isEmpty();
      assertThat(calendar.missingYears()).containsExactly(2031);
      assertThat(calendar.isOfficial(2031)).isFalse();
    }

    @Test
    void warnsOnceUnderConcurrentUse() {
      IntStream.range(0, 2_000).parallel()
          .forEach(i -> calendar.isWorkingDay(LocalDate.of(2032, 1, 1).plusDays(i % 300)));

      assertThat(calendar.missingYears()).containsExactly(2032);
      assertThat(warningsAbout(2032)).isEqualTo(1);
    }
  }

  @Nested
  class OverrideFolder {
    @TempDir
    Path folder;

    private void write(String name, String json) throws IOException {
      Files.writeString(folder.resolve(name), json);
    }

    @Test
    void addsAYearAndReplacesABundledOne() throws IOException {
      write("2027.json", """
          {"year": 2027, "papers": ["https://example.org/2027"], "days": [
            {"name": "元旦", "date": "2026-12-31", "isOffDay": true},
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "元旦", "date": "2027-01-02", "isOffDay": false}]}
          """);
      write("2026.json", """
          {"year": 2026, "papers": [], "days": [
            {"name": "测试", "date": "2026-03-02", "isOffDay": true},
            {"name": "测试", "date": "2026-03-07", "isOffDay": false}]}
          """);
      write("notes.json", "not a calendar file");

      WorkingDayCalendar overridden = WorkingDayCalendar.load(folder, DEFAULT_OFFICE_CLOSE);

      assertThat(overridden.loadedYears()).containsExactly(2025, 2026, 2027);
      assertThat(overridden.isWorkingDay(LocalDate.parse("2026-02-16"))).isTrue();
      assertThat(overridden.isWorkingDay(LocalDate.parse("2026-03-02"))).isFalse();
      assertThat(overridden.isWorkingDay(LocalDate.parse("2026-03-07"))).isTrue();
      assertThat(overridden.isWorkingDay(LocalDate.parse("2026-12-31"))).isFalse();
      assertThat(overridden.isWorkingDay(LocalDate.parse("2027-01-02"))).isTrue();
      assertThat(overridden.isWorkingDay(LocalDate.parse("2025-10-08"))).isFalse();

      YearInfo year2026 = overridden.year(2026);
      assertThat(year2026.daysOff()).isEqualTo(dates("2026-03-02", "2026-12-31"));
      assertThat(year2026.makeUpWorkingDays()).isEqualTo(dates("2026-03-07"));
      assertThat(year2026.source())
          .containsExactly("override/2026.json", "override/2027.json", "https://example.org/2027");
      assertThat(overridden.due(at("2026-12-30T09:00+08:00"), spec("1wd"))).isEqualTo(at("2027-01-02T17:30+08:00"));
      assertThat(overridden.missingYears()).isEmpty();
    }

    @Test
    void refusesAFileWhoseYearDoesNotMatchItsName() throws IOException {
      write("2028.json", """
          {"year": 2027, "papers": [], "days": []}
          """);

      assertThatIllegalStateException()
          .isThrownBy(() -> WorkingDayCalendar.load(folder, DEFAULT_OFFICE_CLOSE))
          .withMessageContaining("2028.json");
    }

    @Test
    void refusesInvalidData() throws IOException {
      write("2028.json", """
          {"year": 2028, "days": [{"name": "元旦", "date": "2028-13-01", "isOffDay": true}]}
          """);

      assertThatIllegalStateException()
          .isThrownBy(() -> WorkingDayCalendar.load(folder, DEFAULT_OFFICE_CLOSE))
          .withMessageContaining("override/2028.json")
          .withMessageContaining("date");
    }

    @Test
    void refusesAMissingFolder() {
      assertThatIllegalStateException().isThrownBy(
          () -> WorkingDayCalendar.load(folder.resolve("absent"), DEFAULT_OFFICE_CLOSE));
    }
  }
}
