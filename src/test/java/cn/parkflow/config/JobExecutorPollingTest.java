package cn.parkflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** How often an idle job executor looks for due timers, as configured in application.yaml. */
class JobExecutorPollingTest {
  /** Camunda's own limit for an idle job executor's wait, used when application.yaml sets none. */
  static final long CAMUNDA_DEFAULT_MAX_WAIT_MILLIS = 60_000;

  @Test
  @DisplayName("an idle job executor looks for due timers more often than the reminder scan runs")
  void idleJobExecutorPollsMoreOftenThanTheReminderScan() throws IOException {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
        .load("application.yaml", new ClassPathResource("application.yaml"));
    Binder binder = new Binder(ConfigurationPropertySources.from(yaml));

    Duration maxWait = Duration.ofMillis(binder.bind("camunda.bpm.job-execution.max-wait", Long.class)
        .orElse(CAMUNDA_DEFAULT_MAX_WAIT_MILLIS));
    Duration scanInterval = binder.bind("parkflow.reminders.scan-interval", Duration.class).get();

    // A deadline timer fires at most max-wait after it is due on an idle node; the scan that would otherwise see its
    // task red in between comes once per scan interval.
    assertThat(maxWait).isLessThan(scanInterval);
  }
}
