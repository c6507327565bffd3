package cn.parkflow.approval;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for clock pauses past their expected end with the reminder scan's rhythm
 * ({@code parkflow.reminders.scan-interval}); off with {@code parkflow.reminders.scheduled=false}. Each late pause is
 * reported to 督查室 once (the notice's reason key and the row's mark keep it single on several nodes).
 */
@Component
@ConditionalOnProperty(name = "parkflow.reminders.scheduled", havingValue = "true", matchIfMissing = true)
class ReviewPauseSchedule {
  private final ReviewPauseService service;

  ReviewPauseSchedule(ReviewPauseService service) {
    this.service = service;
  }

  @Scheduled(initialDelayString = "${parkflow.reminders.scan-interval:PT1M}",
      fixedDelayString = "${parkflow.reminders.scan-interval:PT1M}")
  void scan() {
    service.reportOverduePauses();
  }
}
