package cn.parkflow.config;

import java.time.Period;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How long Cockpit keeps a finished case's engine history: {@code parkflow.history.time-to-live} (days as an ISO
 * period, default P365D) applies to every deployed process definition, old versions included, so a park changes it
 * in one place. The models carry the same default so that they deploy under {@code enforceHistoryTimeToLive}. The
 * permanent case record lives in ParkFlow's own tables and is not affected.
 */
@Component
@Order(1)
public class HistoryTimeToLive implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);
  private final RepositoryService repositoryService;
  private final int days;

  public HistoryTimeToLive(RepositoryService repositoryService,
      @Value("${parkflow.history.time-to-live}") String timeToLive) {
    this.repositoryService = repositoryService;
    Period period = Period.parse(timeToLive);
    if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() <= 0) {
      throw new IllegalArgumentException("parkflow.history.time-to-live must be a number of days such as P365D: "
          + timeToLive);
    }
    this.days = period.getDays();
  }

  @Override
  public void run(ApplicationArguments args) {
    int changed = 0;
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("History time to live set to {} days on {} process definitions", days, changed);
    }
  }

  public int days() {
    return days;
  }
}
