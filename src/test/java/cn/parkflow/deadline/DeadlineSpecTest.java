package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineSpecTest {

  @Test
  void workingDays() {
    DeadlineSpec spec = DeadlineSpec.parse("5wd");

    assertThat(spec.isWorkingDays()).isTrue();
    assertThat(spec.workingDays()).isEqualTo(5);
    assertThat(spec.isZero()).isFalse();
    assertThat(spec).hasToString("5wd").isEqualTo(DeadlineSpec.ofWorkingDays(5));
    assertThat(DeadlineSpec.parse("0wd").isZero()).isTrue();
    assertThat(DeadlineSpec.parse(" 20wd ")).hasToString("20wd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P30D", "PT45S", "P1DT2H", "P1M", "P1Y", "P1W", "P1MT2H", "P1Y2M3DT4H5M"})
  void isoDurationsKeepTheirText(String text) {
    DeadlineSpec spec = DeadlineSpec.parse(text);

    assertThat(spec.isWorkingDays()).isFalse();
    assertThat(spec).hasToString(text);
    assertThatIllegalStateException().isThrownBy(spec::workingDays);
  }

  @Test
  void calendarTimeIsAddedInShanghai() {
    Instant from = OffsetDateTime.parse("2026-01-31T09:00+08:00").toInstant();

    assertThat(DeadlineSpec.parse("PT45S").addCalendarTime(from, WorkingDayCalendar.ZONE, 1))
        .isEqualTo(OffsetDateTime.parse("2026-01-31T09:00:45+08:00").toInstant());
    assertThat(DeadlineSpec.parse("P1M").addCalendarTime(from, WorkingDayCalendar.ZONE, 1))
        .isEqualTo(OffsetDateTime.parse("2026-02-28T09:00+08:00").toInstant());
    assertThat(DeadlineSpec.parse("P1MT2H").addCalendarTime(from, WorkingDayCalendar.ZONE, 2))
        .isEqualTo(OffsetDateTime.parse("2026-03-31T13:00+08:00").toInstant());
  }

  @Test
  void equalLimitsAreEqual() {
    assertThat(DeadlineSpec.parse("P1D")).isEqualTo(DeadlineSpec.parse("PT24H"))
        .hasSameHashCodeAs(DeadlineSpec.parse("PT24H"));
    assertThat(DeadlineSpec.parse("1wd")).isNotEqualTo(DeadlineSpec.parse("P1D"));
    assertThat(DeadlineSpec.parse("P1W")).isNotEqualTo(DeadlineSpec.parse("P1M"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1wd", "1.5wd", "wd", "5 wd", "5d", "P", "PT", "P1H", "30D"})
  void rejectsMalformedValuesNamingThem(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeadlineSpec.parse(text))
        .withMessageContaining("\"" + text + "\"")
        .withMessageContaining("无效");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-P1D", "PT-5S", "P-1M", "-PT1H"})
  void rejectsNegativeLimits(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeadlineSpec.parse(text))
        .withMessage("时限 \"" + text + "\" 不能为负数");
  }

  @Test
  void rejectsWorkingDaysOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeadlineSpec.parse("10001wd"))
        .withMessageContaining("\"10001wd\"")
        .withMessageContaining("超出范围");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeadlineSpec.parse("99999999999wd"))
        .withMessageContaining("\"99999999999wd\"");
    assertThat(DeadlineSpec.parse("10000wd").workingDays()).isEqualTo(10_000);
  }

  @Test
  void rejectsEmptyValues() {
    assertThatIllegalArgumentException().isThrownBy(() -> DeadlineSpec.parse(null)).withMessageContaining("不能为空");
    assertThatIllegalArgumentException().isThrownBy(() -> DeadlineSpec.parse("  ")).withMessageContaining("不能为空");
  }
}
