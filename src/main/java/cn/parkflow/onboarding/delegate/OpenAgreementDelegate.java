package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** The agreement is to be signed; the county government's decision on incentives, if any, is recorded. */
@Component
public class OpenAgreementDelegate implements JavaDelegate {
  private final AdmissionService service;

  public OpenAgreementDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.openAgreement(ADMISSION_NUMBER.require(execution), execution.getProcessInstanceId(),
        INCENTIVES_DECISION.get(execution), INCENTIVES_OPINION.get(execution));
  }
}
