package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 延长联合审查时限: the county government approved the extension (行政许可法 Art. 42 ¶2): the limit moves once by
 * {@code joint-review-extension} from the old limit; the applicant is told the new limit and the reasons.
 */
@Component
public class ExtendJointLimitDelegate implements JavaDelegate {
  private final ProjectService service;

  public ExtendJointLimitDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date newDue = service.extendJointReview(Variables.PROJECT_CODE.require(execution),
        execution.getProcessInstanceId(), Variables.EXTENSION_OPINION.get(execution),
        execution.getActivityInstanceId());
    if (newDue != null) {
      Variables.JOINT_REVIEW_DUE.set(execution, newDue);
    }
  }
}
