package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 批准通知: the joint decision approved the project. The applicant gets every department's opinion; when the project
 * needs new land the case record says "需办理工业用地供应" and {@code landSupplyRequired} routes the case to its own
 * end event. A {@link ProjectApprovedEvent} is published in the same transaction: the land-supply process starts
 * with it.
 */
@Component
public class SendApprovalNoticeDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendApprovalNoticeDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Variables.LAND_SUPPLY_REQUIRED.set(execution, service.approved(Variables.PROJECT_CODE.require(execution),
        execution.getProcessInstanceId(), Variables.REVIEW_PLAN.get(execution), Variables.JOINT_OPINION.get(execution),
        execution.getActivityInstanceId()));
  }
}
