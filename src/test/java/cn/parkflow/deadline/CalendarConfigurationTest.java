package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendarConfigurationTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class, CalendarHealthIndicator.class);

  @Test
  void defaults() {
    context.run(ctx -> {
      CalendarProperties properties = ctx.getBean(CalendarProperties.class);
      assertThat(properties.location()).isNull();
      assertThat(properties.officeClose()).isEqualTo(LocalTime.of(17, 30));
      assertThat(ctx.getBean(WorkingDayCalendar.class).loadedYears()).contains(2025, 2026);
      // Actuator names the indicator after its bean name without "HealthIndicator".
      assertThat(ctx.getBeansOfType(HealthIndicator.class)).containsOnlyKeys("calendarHealthIndicator");
    });
  }

  @Test
  void bindsAFolderAndTheOfficeClose(@TempDir Path folder) {
    context.withPropertyValues(
            "parkflow.calendar.location=" + folder,
            "parkflow.calendar.office-close=17:00")
        .run(ctx -> {
          assertThat(ctx.getBean(CalendarProperties.class).location()).isEqualTo(folder);
          WorkingDayCalendar calendar = ctx.getBean(WorkingDayCalendar.class);
          assertThat(calendar.officeClose()).isEqualTo(LocalTime.of(17, 0));
        });
  }

  @Test
  void refusesToStartWithAMissingFolder(@TempDir Path folder) {
    context.withPropertyValues("parkflow.calendar.location=" + folder.resolve("absent"))
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
