package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * 撤回: the applicant withdrew (the API already closed the case and its open tasks); the applicant gets the
 * confirmation and every department that had an open task is told to stop.
 */
@Component
public class SendWithdrawalNoticesDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;

  public SendWithdrawalNoticesDelegate(ProjectRepository projects, ProjectNotices notices) {
    this.projects = projects;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = projects.get(Variables.PROJECT_CODE.require(execution));
    String reason = String.valueOf(Variables.WITHDRAWAL_REASON.get(execution));
    String occurrence = execution.getActivityInstanceId();
    notices.toApplicant(project, ProjectApprovalProcess.Notices.WITHDRAWN, Map.of("reason", reason), occurrence);
    Object departments = Variables.WITHDRAWAL_DEPARTMENTS.get(execution);
    if (departments != null) {
      Arrays.stream(departments.toString().split(",")).map(String::trim).filter(StringUtils::hasText)
          .forEach(group -> notices.toGroup(project, group, ProjectApprovalProcess.Notices.WITHDRAWN_DEPARTMENT, Map.of("reason", reason),
              occurrence));
    }
  }
}
