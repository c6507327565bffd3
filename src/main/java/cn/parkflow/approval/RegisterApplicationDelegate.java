package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 登记申请: checks the application with the API's rules (a start from Tasklist's form gets here unchecked), gives it
 * its project code and keeps only ids and routing inputs as variables. Runs in the start's transaction, so a refused
 * application starts nothing: the {@link NotValidException} names every invalid field in Chinese.
 */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {
  private final ApplicationValidator validator;
  private final ProjectService projectService;
  private final EnterpriseAccounts enterpriseAccounts;
  private final IdentityService identityService;

  public RegisterApplicationDelegate(ApplicationValidator validator, ProjectService projectService,
      EnterpriseAccounts enterpriseAccounts, IdentityService identityService) {
    this.validator = validator;
    this.projectService = projectService;
    this.enterpriseAccounts = enterpriseAccounts;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = execution.getVariables();
    String applicant = (String) variables.get(APPLICANT);
    if (applicant == null) {
      Authentication auth = identityService.getCurrentAuthentication();
      applicant = auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
    }
    String ownCreditCode = enterpriseAccounts.creditCodeOf(applicant).orElse(null);
    FieldErrors errors = new FieldErrors();
    ProjectApplication application = validator.validate(validator.fromVariables(variables), ownCreditCode, errors);
    if (application == null) {
      throw new NotValidException("申请有误，未启动案件：" + errors.list().stream().map(FieldError::message)
          .collect(Collectors.joining("；")));
    }
    String code = projectService.register(application, applicant, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(code);
    execution.removeVariables(ApplicationValidator.FIELDS.keySet());
    execution.setVariables(application.keptVariables());
    execution.setVariable(PROJECT_CODE, code);
    execution.setVariable(CASE_CODE, code);
    execution.setVariable(APPLICANT, applicant);
  }
}
