package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期未补正: the supplement period passed without a supplement; the case closes and the applicant is told. */
@Component
public class CloseSupplementOverdueDelegate implements JavaDelegate {
  private final ProjectService service;

  public CloseSupplementOverdueDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeSupplementOverdue(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(), execution.getActivityInstanceId());
  }
}
