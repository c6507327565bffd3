package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予受理通知: the intake review refused the application; the notice gives the reasons. */
@Component
public class SendNotAcceptedNoticeDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendNotAcceptedNoticeDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notAccepted(Variables.PROJECT_CODE.require(execution), String.valueOf(Variables.INTAKE_OPINION.get(execution)),
        execution.getActivityInstanceId());
  }
}
