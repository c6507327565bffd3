package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/** 确定联络员: a staff liaison, and a county leader for a major project; otherwise the task stays open. */
@Component
public class AssignLiaisonListener implements TaskListener {
  private final AdmissionService service;

  public AssignLiaisonListener(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.liaisonAssigned(ADMISSION_NUMBER.require(task), LIAISON.get(task), LEADER.get(task));
  }
}
