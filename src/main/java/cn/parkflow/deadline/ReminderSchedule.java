package cn.parkflow.deadline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ReminderScan} every {@code parkflow.reminders.scan-interval} unless
 * {@code parkflow.reminders.scheduled=false}. Every node may run it: the reason keys keep notices single.
 */
@Component
@ConditionalOnProperty(name = "parkflow.reminders.scheduled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {
  private final ReminderScan scan;

  ReminderSchedule(ReminderScan scan) {
    this.scan = scan;
  }

  @Scheduled(initialDelayString = "${parkflow.reminders.scan-interval:PT1M}",
      fixedDelayString = "${parkflow.reminders.scan-interval:PT1M}")
  void scan() {
    scan.scanOnce();
  }
}
