package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import cn.parkflow.task.DecisionRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 确认开工: the start counts from the reported date, or the parcel is not started and the holder is told why. */
@Component
public class ConfirmStartListener implements TaskListener {
  private final ConstructionService service;

  public ConfirmStartListener(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Object permit = PERMIT_NUMBER.get(task);
    service.startDecided(PARCEL_CODE.require(task), text(DecisionRules.DECISION_VALUE.get(task)),
        permit instanceof String p ? p.strip() : null, text(DecisionRules.OPINION_VALUE.get(task)), task.getId());
  }

  private static String text(Object value) {
    return value instanceof String s ? s.strip() : null;
  }
}
