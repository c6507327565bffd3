package cn.parkflow.construction.delegate;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.construction.ConstructionService;
import cn.parkflow.task.DecisionRules;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 竣工核验: the measured indicators against the contract; a shortfall's penalty is recorded and the holder told. */
@Component
public class VerifyCompletionListener implements TaskListener {
  private final ConstructionService service;

  public VerifyCompletionListener(ConstructionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> measured = new HashMap<>();
    MEASURED.forEach(v -> measured.put(v.name(), v.get(task)));
    Object decision = DecisionRules.DECISION_VALUE.get(task);
    Object opinion = DecisionRules.OPINION_VALUE.get(task);
    service.completionDecided(PARCEL_CODE.require(task), decision instanceof String d ? d.strip() : null, measured,
        opinion instanceof String o ? o.strip() : null, task.getId());
  }
}
