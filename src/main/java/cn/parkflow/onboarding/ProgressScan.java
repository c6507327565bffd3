package cn.parkflow.onboarding;

import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.time.EngineClock;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rates every admission's progress once a month ({@code parkflow.onboarding.progress-cron}, Beijing time) and warns of
 * the milestones coming due once a day ({@code parkflow.onboarding.milestone-warning-cron}). Running on two nodes is
 * harmless: a colour that did not change is skipped, a reminder letter's reason key holds the month, and a warning is
 * recorded once per milestone and recipient before it is sent.
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

  @Scheduled(cron = "${parkflow.onboarding.milestone-warning-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  public void warn() {
    service.milestoneWarnings(LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE));
  }
}
