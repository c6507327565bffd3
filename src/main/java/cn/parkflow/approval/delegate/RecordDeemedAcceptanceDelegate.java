package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 视为受理: the intake review's time limit passed without a decision, so under 行政许可法 Art. 32 the application
 * counts as accepted. The case record says so and the supervision office is told; acceptance follows.
 */
@Component
public class RecordDeemedAcceptanceDelegate implements JavaDelegate {
  private final ProjectService service;

  public RecordDeemedAcceptanceDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.deemAccepted(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(), execution.getActivityInstanceId());
  }
}
