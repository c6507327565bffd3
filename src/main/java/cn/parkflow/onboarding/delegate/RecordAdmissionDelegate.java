package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 同意入园: tells the enterprise and decides whether the incentives go to the county government. */
@Component
public class RecordAdmissionDelegate implements JavaDelegate {
  private final AdmissionService service;

  public RecordAdmissionDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    INCENTIVES_ESCALATED.set(execution, service.admitted(ADMISSION_NUMBER.require(execution),
        execution.getProcessInstanceId(), INCENTIVE_AMOUNT.get(execution), ONE_FACTORY_ONE_POLICY.get(execution),
        INCENTIVES.get(execution), ADMISSION_OPINION.get(execution), execution.getActivityInstanceId()));
  }
}
