package cn.parkflow.account.delegate;

import static cn.parkflow.account.RegistrationProcess.Variables.*;

import cn.parkflow.account.RegistrationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知不予开通: tells the applicant why its registration was refused. */
@Component
public class SendRegistrationRejectionDelegate implements JavaDelegate {
  private final RegistrationService service;

  public SendRegistrationRejectionDelegate(RegistrationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.reject(REGISTRATION_NUMBER.require(execution), execution.getProcessInstanceId(),
        VERIFY_OPINION.get(execution));
  }
}
