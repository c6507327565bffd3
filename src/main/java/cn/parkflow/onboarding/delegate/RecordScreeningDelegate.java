package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 准入筛查: records what park-admission.dmn decided; a refusal closes the case and tells the enterprise. */
@Component
public class RecordScreeningDelegate implements JavaDelegate {
  private final AdmissionService service;

  public RecordScreeningDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.screened(ADMISSION_NUMBER.require(execution), execution.getProcessInstanceId(),
        SCREENING_RESULT.require(execution), SCREENING_REASONS.get(execution), execution.getActivityInstanceId());
  }
}
