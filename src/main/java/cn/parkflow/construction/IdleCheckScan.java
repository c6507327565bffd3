package cn.parkflow.construction;

import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily idle-land check of every open watch ({@code parkflow.construction-watch.check-cron}, Beijing time;
 * {@code parkflow.construction-watch.check-scheduled=false} turns it off). A scheduler rather than a timer cycle in
 * the model: one job a day for all parcels instead of a timer job and its history for every parcel every day for
 * years; the check stamps the watch's result and date each day, but writes to the case file and sends notices only
 * when the result changes. Each parcel is checked in its own transaction, so one failing parcel holds up no other;
 * a second node running the same check finds the result unchanged (the watch row is locked while checked) and sends
 * nothing again.
 */
@Component
@ConditionalOnProperty(name = "parkflow.construction-watch.check-scheduled", havingValue = "true",
    matchIfMissing = true)
public class IdleCheckScan {
  private static final Logger LOG = LoggerFactory.getLogger(IdleCheckScan.class);
  private final ConstructionService service;
  private final ConstructionRepository watches;
  private final EngineClock clock;

  public IdleCheckScan(ConstructionService service, ConstructionRepository watches, EngineClock clock) {
    this.service = service;
    this.watches = watches;
    this.clock = clock;
  }

  @Scheduled(cron = "${parkflow.construction-watch.check-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
  public void checkAll() {
    LocalDate today = LocalDate.ofInstant(clock.now(), Beijing.ZONE);
    for (String parcelCode : watches.open()) {
      try {
        service.dailyCheck(parcelCode, today);
      } catch (RuntimeException e) {
        LOG.error("Idle-land check of parcel {} failed", parcelCode, e);
      }
    }
  }
}
