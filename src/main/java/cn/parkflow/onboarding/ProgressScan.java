package cn.parkflow.onboarding;

import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.time.EngineClock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rates every admission's progress once a month ({@code parkflow.onboarding.progress-cron}, Beijing time). Running on
 * two nodes is harmless: a colour that did not change is skipped, and a reminder letter's reason key holds the month.
 */
@Component
public class ProgressScan {
  private final AdmissionService service;
  private final EngineClock clock;

  public ProgressScan(AdmissionService service, EngineClock clock) {
    this.service = service;
    this.clock = clock;
  }

  @Scheduled(cron = "${parkflow.onboarding.progress-cron:0 0 8 1 * *}", zone = "Asia/Shanghai")
  public void rate() {
    service.monthlyProgress(LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE));
  }
}
