package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The joint review limit passed with reviews still open: the case is red; the supervision office is told. Runs again
 * when the limit extended by the county government passes too; then no further extension is offered (Art. 42 allows
 * one).
 */
@Component
public class NotifyJointLimitDelegate implements JavaDelegate {
  private final ProjectService service;

  public NotifyJointLimitDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.jointLimitPassed(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(), execution.getActivityInstanceId());
  }
}
