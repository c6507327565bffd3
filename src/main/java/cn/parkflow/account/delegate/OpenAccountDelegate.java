package cn.parkflow.account.delegate;

import static cn.parkflow.account.RegistrationProcess.Variables.*;

import cn.parkflow.account.RegistrationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开通企业账户: opens the verified enterprise's account and sends the initial password. */
@Component
public class OpenAccountDelegate implements JavaDelegate {
  private final RegistrationService service;

  public OpenAccountDelegate(RegistrationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.approve(REGISTRATION_NUMBER.require(execution), execution.getProcessInstanceId(),
        VERIFY_OPINION.get(execution));
  }
}
