package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.ApplicationValidator;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 登记申请. An application from the API was stored before the start (its code is a variable): the instance is linked
 * to it. One from Tasklist's start form is checked and stored here, in the start's transaction, so a refused one
 * starts nothing; its form fields then give way to the ids and routing inputs the case keeps.
 */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {
  private final ProjectService projectService;
  private final IdentityService identityService;

  public RegisterApplicationDelegate(ProjectService projectService, IdentityService identityService) {
    this.projectService = projectService;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicant = APPLICANT.get(execution);
    String registered = PROJECT_CODE.get(execution);
    if (registered != null) {
      projectService.registered(registered, applicant, execution.getProcessInstanceId());
      return;
    }
    if (applicant == null) {
      Authentication auth = identityService.getCurrentAuthentication();
      applicant = auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
    }
    var kept = projectService.registerStartForm(execution.getVariables(), applicant, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(PROJECT_CODE.from(kept));
    execution.removeVariables(ApplicationValidator.FIELDS.keySet());
    execution.setVariables(kept);
  }
}
