package cn.parkflow.idleland.delegate;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.idleland.IdleLandService;
import cn.parkflow.idleland.IdleLandValidator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 登记立案: links a case the API stored to its instance, or checks and stores one started from Tasklist's start form
 * (its parcel code becomes the business key; the form's fields, now in pf_idle_land_case, leave the variables).
 */
@Component
public class RegisterCaseDelegate implements JavaDelegate {
  private final IdleLandService service;

  public RegisterCaseDelegate(IdleLandService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> kept = service.register(BRANCH.get(execution), execution.getVariables(),
        APPLICANT.get(execution), execution.getProcessInstanceId());
    if (!kept.isEmpty()) {
      execution.setVariables(kept);
      execution.setProcessBusinessKey(PARCEL_CODE.from(kept));
      execution.removeVariables(IdleLandValidator.FORM_FIELDS);
    }
  }
}
