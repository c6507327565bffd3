package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 逾期未补正 after acceptance: the department's review reopens marked so ({@code reviewSupplementOverdue}, set on the
 * review instance) and the department decides on what it has; the case stays open.
 */
@Component
public class ReopenOverdueReviewDelegate implements JavaDelegate {
  private final ProjectService service;

  public ReopenOverdueReviewDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.reviewSupplementOverdue(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        Variables.REVIEW_NAME.get(execution), Variables.REVIEW_DEPARTMENT.get(execution));
    Variables.REVIEW_SUPPLEMENT_OVERDUE.set(execution, true);
  }
}
