package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 受理: the case is accepted (by decision or deemed); the joint review limit ({@code joint-review}, 行政许可法 Art. 42)
 * starts now and is kept on the case and in {@code jointReviewStart}/{@code jointReviewDue} for the limit's timers
 * (its warning, {@code joint-review-warning}, runs from the start); the applicant
 * gets the 受理通知.
 */
@Component
public class AcceptApplicationDelegate implements JavaDelegate {
  private final ProjectService service;

  public AcceptApplicationDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProjectService.JointLimit limit = service.accept(Variables.PROJECT_CODE.require(execution),
        execution.getProcessInstanceId(), execution.getActivityInstanceId());
    Variables.JOINT_REVIEW_START.set(execution, limit.start());
    Variables.JOINT_REVIEW_DUE.set(execution, limit.due());
  }
}
