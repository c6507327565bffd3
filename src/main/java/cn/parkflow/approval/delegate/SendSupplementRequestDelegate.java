package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.ProjectService;
import cn.parkflow.identity.Department;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 补正告知 (一次性告知, 行政许可法 Art. 32): tells the applicant every missing item at once, who asked for it and by when
 * to supply it. Serves the intake review and each department review (which has a local {@code reviewKey}).
 */
@Component
public class SendSupplementRequestDelegate implements JavaDelegate {
  private final ProjectService service;

  public SendSupplementRequestDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean review = REVIEW_KEY.get(execution) != null;
    service.supplementRequested(PROJECT_CODE.require(execution),
        review ? "审查（" + REVIEW_NAME.get(execution) + "）" : "受理审查",
        review ? REVIEW_DEPARTMENT.get(execution) : Department.PARK_ADMIN.groupId(),
        (review ? REVIEW_MISSING_ITEMS : INTAKE_MISSING_ITEMS).get(execution),
        (review ? REVIEW_OPINION : INTAKE_OPINION).get(execution), execution.getActivityInstanceId());
  }
}
