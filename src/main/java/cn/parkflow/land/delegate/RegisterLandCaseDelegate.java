package cn.parkflow.land.delegate;

import static cn.parkflow.land.LandSupplyProcess.Variables.*;

import cn.parkflow.land.LandSupplyService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记供地案件: links a stored case to its instance, or checks and stores one started from the Tasklist form. */
@Component
public class RegisterLandCaseDelegate implements JavaDelegate {
  private final LandSupplyService service;

  public RegisterLandCaseDelegate(LandSupplyService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> start = new HashMap<>();
    PARCEL.forEach(v -> start.put(v.name(), v.get(execution)));
    Map<String, Object> kept = service.register(LAND_CASE.get(execution), start, APPLICANT.get(execution),
        execution.getProcessInstanceId());
    kept.forEach(execution::setVariable);
    String code = CASE_CODE.from(kept);
    if (code != null) {
      execution.setProcessBusinessKey(code);
    }
  }
}
