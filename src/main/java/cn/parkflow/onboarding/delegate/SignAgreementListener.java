package cn.parkflow.onboarding.delegate;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.onboarding.AdmissionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** 签订协议: the agreement is checked and stored; an incomplete one keeps the task open. */
@Component
public class SignAgreementListener implements TaskListener {
  private final AdmissionService service;

  public SignAgreementListener(AdmissionService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> values = new HashMap<>();
    AGREEMENT.forEach(v -> values.put(v.name(), v.get(task)));
    service.agreementSigned(ADMISSION_NUMBER.require(task), values);
  }
}
