package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import cn.parkflow.task.DecisionRules;
import org.springframework.stereotype.Component;

/** Moves the case's status as soon as the preliminary assessment or the admission decision is taken. */
@Component
public class AdmissionOutcomeListener implements TaskListener {
  private final AdmissionService service;

  public AdmissionOutcomeListener(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.decisionTaken(ADMISSION_NUMBER.require(task), task.getTaskDefinitionKey(),
        DecisionRules.DECISION_VALUE.get(task) instanceof String d ? d : null);
  }
}
