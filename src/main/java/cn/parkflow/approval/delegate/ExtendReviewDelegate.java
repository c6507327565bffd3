package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 延长审查期限: the department's leader approved; the review's due date ({@code reviewDue}) moves to the date the model
 * computed ({@code extendedReviewDue}), the review may not be extended again, the applicant is told the department's
 * reasons.
 */
@Component
public class ExtendReviewDelegate implements JavaDelegate {
  private final ProjectService service;

  public ExtendReviewDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date newDue = Variables.EXTENDED_REVIEW_DUE.require(execution);
    service.extendReview(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        Variables.REVIEW_KEY.require(execution), Variables.REVIEW_NAME.get(execution),
        Variables.REVIEW_DEPARTMENT.require(execution), Variables.REVIEW_OPINION.require(execution), newDue,
        execution.getActivityInstanceId());
    Variables.REVIEW_DUE.set(execution, newDue);
    Variables.REVIEW_EXTENDED.set(execution, true);
  }
}
