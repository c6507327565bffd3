package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 撤回确认: the enterprise is told its withdrawal is recorded. */
@Component
public class SendWithdrawalNoticeDelegate implements JavaDelegate {
  private final AdmissionService service;

  public SendWithdrawalNoticeDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.withdrawalNotice(ADMISSION_NUMBER.require(execution), WITHDRAWAL_REASON.get(execution),
        execution.getActivityInstanceId());
  }
}
