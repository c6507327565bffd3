package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ReviewResults;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予批准通知: the joint decision refused the project; the notice gives the reasons and every department's result. */
@Component
public class SendRejectionNoticeDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final ReviewResults reviewResults;

  public SendRejectionNoticeDelegate(ProjectRepository projects, ProjectNotices notices,
      ReviewResults reviewResults) {
    this.projects = projects;
    this.notices = notices;
    this.reviewResults = reviewResults;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    notices.toApplicant(projects.get(code), ProjectApprovalProcess.Notices.REJECTED, Map.of(
        "reasons", String.valueOf(Variables.JOINT_OPINION.get(execution)),
        "opinions", ReviewResults.text(reviewResults.of(code,
            Variables.REVIEW_PLAN.get(execution)))), execution.getActivityInstanceId());
  }
}
