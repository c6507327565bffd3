package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予批准通知: the joint decision refused the project; the notice gives the reasons and every department's result. */
@Component
public class SendRejectionNoticeDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendRejectionNoticeDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.rejected(Variables.PROJECT_CODE.require(execution), Variables.REVIEW_PLAN.get(execution),
        String.valueOf(Variables.JOINT_OPINION.get(execution)), execution.getActivityInstanceId());
  }
}
