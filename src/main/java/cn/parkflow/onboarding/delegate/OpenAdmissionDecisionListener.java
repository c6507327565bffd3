package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/** Opens the admission decision with every assessment's result on its form. */
@Component
public class OpenAdmissionDecisionListener implements TaskListener {
  private final AdmissionService service;

  public OpenAdmissionDecisionListener(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    ASSESSMENT_OPINIONS.setLocal(task, service.openDecision(ADMISSION_NUMBER.require(task)));
  }
}
