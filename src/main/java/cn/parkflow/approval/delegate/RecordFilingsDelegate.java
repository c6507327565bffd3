package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the reviews the routing table settles without a user task (备案: {@code drc-filing},
 * {@code eia-registration}) in the case record and sends a filing notice for each; also records which department
 * reviews follow.
 */
@Component
public class RecordFilingsDelegate implements JavaDelegate {
  private final ProjectService service;

  public RecordFilingsDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordFilings(PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        REVIEW_PLAN.get(execution), execution.getActivityInstanceId());
  }
}
