package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 不予入园通知 after the preliminary assessment or the admission decision: the reasons and whom to contact. */
@Component
public class SendRefusalNoticeDelegate implements JavaDelegate {
  private final AdmissionService service;

  public SendRefusalNoticeDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean decided = ADMISSION_DECISION.get(execution) != null;
    service.refusalNotice(ADMISSION_NUMBER.require(execution), decided ? "主任办公会决定" : "初步评估",
        decided ? ADMISSION_OPINION.get(execution) : PRELIMINARY_OPINION.get(execution),
        execution.getActivityInstanceId());
  }
}
