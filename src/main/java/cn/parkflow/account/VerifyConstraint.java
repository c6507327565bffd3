package cn.parkflow.account;

import cn.parkflow.account.RegistrationProcess.Elements;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.web.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_verifyEnterprise} may approve only while the account can be opened: the login is still free and the
 * credit code is not bound to a disabled account. Otherwise the clerk rejects, saying why.
 */
@Component
public class VerifyConstraint implements DecisionConstraint {
  private final RegistrationService service;

  public VerifyConstraint(RegistrationService service) {
    this.service = service;
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!Elements.VERIFY.equals(taskDefinitionKey) || !DecisionRules.APPROVE.equals(decision)) {
      return;
    }
    String number = variables.get(RegistrationProcess.Variables.REGISTRATION_NUMBER);
    if (number == null) {
      return;
    }
    service.conflicts(number).forEach(c -> errors.add(DecisionRules.DECISION, "不能开通：" + c.message()
        + "。请选择“不予开通”并在意见中说明"));
  }
}
