package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予受理通知: the intake review refused the application; the notice gives the reasons. */
@Component
public class SendNotAcceptedNoticeDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;

  public SendNotAcceptedNoticeDelegate(ProjectRepository projects, ProjectNotices notices) {
    this.projects = projects;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    notices.toApplicant(projects.get(code), ProjectApprovalProcess.Notices.NOT_ACCEPTED,
        Map.of("reasons", String.valueOf(Variables.INTAKE_OPINION.get(execution))),
        execution.getActivityInstanceId());
  }
}
