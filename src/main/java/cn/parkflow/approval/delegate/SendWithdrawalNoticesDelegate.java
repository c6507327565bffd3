package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 撤回: the applicant withdrew (the API already closed the case and its open tasks); the applicant gets the
 * confirmation and every department that had an open task is told to stop.
 */
@Component
public class SendWithdrawalNoticesDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendWithdrawalNoticesDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.withdrawalNotices(Variables.PROJECT_CODE.require(execution),
        String.valueOf(Variables.WITHDRAWAL_REASON.get(execution)), Variables.WITHDRAWAL_DEPARTMENTS.get(execution),
        execution.getActivityInstanceId());
  }
}
