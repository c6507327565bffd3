package cn.parkflow.web;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly (03:00 Beijing time) removal of {@code Idempotency-Key} records older than
 * {@code parkflow.idempotency.keep-for} (default P7D), unless {@code parkflow.idempotency.cleanup-scheduled=false}.
 */
@Component
@ConditionalOnProperty(name = "parkflow.idempotency.cleanup-scheduled", havingValue = "true", matchIfMissing = true)
class IdempotencyCleanup {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
  private final Idempotency idempotency;
  private final Duration keepFor;

  IdempotencyCleanup(Idempotency idempotency, @Value("${parkflow.idempotency.keep-for:P7D}") Duration keepFor) {
    this.idempotency = idempotency;
    this.keepFor = keepFor;
  }

  @Scheduled(cron = "0 0 3 * * *", zone = "Asia/Shanghai")
  void cleanUp() {
    int forgotten = idempotency.forgetOlderThan(keepFor, Instant.now());
    if (forgotten > 0) {
      log.info("Forgot {} Idempotency-Key records older than {}", forgotten, keepFor);
    }
  }
}
