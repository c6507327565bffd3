package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 登记入园申请: links the stored application to its instance, or checks and stores one that came with an engine start. */
@Component
public class RegisterAdmissionDelegate implements JavaDelegate {
  private final AdmissionService service;

  public RegisterAdmissionDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(service.register(ADMISSION_NUMBER.get(execution), execution.getVariables(),
        APPLICANT.get(execution), execution.getProcessInstanceId()));
  }
}
