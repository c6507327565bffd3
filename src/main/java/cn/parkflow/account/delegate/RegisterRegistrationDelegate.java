package cn.parkflow.account.delegate;

import static cn.parkflow.account.RegistrationProcess.Variables.*;

import cn.parkflow.account.RegistrationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记注册申请: links the registration the API stored to its instance; refuses any other start. */
@Component
public class RegisterRegistrationDelegate implements JavaDelegate {
  private final RegistrationService service;

  public RegisterRegistrationDelegate(RegistrationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.register(REGISTRATION_NUMBER.get(execution), execution.getProcessInstanceId());
  }
}
