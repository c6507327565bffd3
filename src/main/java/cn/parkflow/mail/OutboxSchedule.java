package cn.parkflow.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers the outbox every {@code parkflow.mail.send-interval} unless {@code parkflow.mail.scheduled=false}. */
@Component
@ConditionalOnProperty(name = "parkflow.mail.scheduled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {
  private final OutboxSender sender;

  OutboxSchedule(OutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(initialDelayString = "${parkflow.mail.send-interval:PT5S}",
      fixedDelayString = "${parkflow.mail.send-interval:PT5S}")
  void deliver() {
    sender.sendDue();
  }
}
