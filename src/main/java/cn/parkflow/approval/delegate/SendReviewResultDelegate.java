package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ReviewResults;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 审查结果: tells the applicant one department's result (核准/审查意见) as soon as it is decided. */
@Component
public class SendReviewResultDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;

  public SendReviewResultDelegate(ProjectRepository projects, ProjectNotices notices) {
    this.projects = projects;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = projects.get(PROJECT_CODE.require(execution));
    String decision = REVIEW_DECISION.get(execution);
    Object opinion = REVIEW_OPINION.get(execution);
    notices.toApplicant(project, ProjectApprovalProcess.Notices.REVIEW_RESULT, Map.of(
        "reviewName", REVIEW_NAME.get(execution),
        "reviewer", REVIEW_DEPARTMENT_NAME.get(execution),
        "decision", ReviewResults.label(decision),
        "opinion", opinion == null ? "无" : opinion), execution.getActivityInstanceId());
  }
}
