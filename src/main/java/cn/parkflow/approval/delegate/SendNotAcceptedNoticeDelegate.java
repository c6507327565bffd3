package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予受理通知: the intake review refused the application; the notice gives the ground, reasons and competent organ. */
@Component
public class SendNotAcceptedNoticeDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendNotAcceptedNoticeDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.notAccepted(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        String.valueOf(Variables.INTAKE_OPINION.get(execution)), Variables.INTAKE_REFUSAL_GROUND.get(execution),
        Variables.INTAKE_COMPETENT_AUTHORITY.get(execution), execution.getActivityInstanceId());
  }
}
