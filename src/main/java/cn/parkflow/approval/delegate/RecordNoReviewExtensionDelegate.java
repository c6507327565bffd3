package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予延长审查期限: the department's leader refused; the case record keeps the reasons, the review reopens as due. */
@Component
public class RecordNoReviewExtensionDelegate implements JavaDelegate {
  private final ProjectService service;

  public RecordNoReviewExtensionDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.noReviewExtension(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        Variables.REVIEW_NAME.get(execution), Variables.REVIEW_DEPARTMENT.require(execution),
        Variables.REVIEW_EXTENSION_OPINION.get(execution));
  }
}
