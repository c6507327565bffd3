package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

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
    Project project = projects.get((String) execution.getVariable(PROJECT_CODE));
    String decision = (String) execution.getVariable(REVIEW_DECISION);
    Object opinion = execution.getVariable(REVIEW_OPINION);
    notices.toApplicant(project, "review-result", Map.of(
        "reviewName", execution.getVariable(REVIEW_NAME),
        "reviewer", execution.getVariable(REVIEW_DEPARTMENT_NAME),
        "decision", ReviewResults.label(decision),
        "opinion", opinion == null ? "无" : opinion), execution.getActivityInstanceId());
  }
}
