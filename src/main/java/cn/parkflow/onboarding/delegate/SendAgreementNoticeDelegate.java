package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** 协议告知: the enterprise gets the agreement's terms and milestones. */
@Component
public class SendAgreementNoticeDelegate implements JavaDelegate {
  private final AdmissionService service;

  public SendAgreementNoticeDelegate(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.agreementNotice(ADMISSION_NUMBER.require(execution), execution.getActivityInstanceId());
  }
}
