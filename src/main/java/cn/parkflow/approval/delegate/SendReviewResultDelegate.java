package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 审查结果: tells the applicant one department's result (核准/审查意见) as soon as it is decided. */
@Component
public class SendReviewResultDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendReviewResultDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.reviewResult(PROJECT_CODE.require(execution), REVIEW_NAME.get(execution),
        REVIEW_DEPARTMENT.get(execution), REVIEW_DECISION.get(execution), REVIEW_OPINION.get(execution),
        execution.getActivityInstanceId());
  }
}
