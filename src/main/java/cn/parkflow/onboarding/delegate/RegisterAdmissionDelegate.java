package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.Map;
import org.springframework.stereotype.Component;

/** 登记入园申请: links the stored application to its instance, or checks and stores one that came with an engine start (its admission number becomes the business key). */
@Component
public class RegisterAdmissionDelegate implements JavaDelegate {
  private final AdmissionService service;

  public RegisterAdmissionDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> kept = service.register(ADMISSION_NUMBER.get(execution), execution.getVariables(),
        APPLICANT.get(execution), execution.getProcessInstanceId());
    if (!kept.isEmpty()) {
      execution.setVariables(kept);
      execution.setProcessBusinessKey(ADMISSION_NUMBER.from(kept));
    }
  }
}
