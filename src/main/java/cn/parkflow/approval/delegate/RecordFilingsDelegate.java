package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ReviewRouting;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the reviews the routing table settles without a user task (备案: {@code drc-filing},
 * {@code eia-registration}) in the case record and sends a filing notice for each; also records which department
 * reviews follow.
 */
@Component
public class RecordFilingsDelegate implements JavaDelegate {
  static final String SYSTEM = "system";
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;
  private final ReviewRouting routing;

  public RecordFilingsDelegate(ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord,
      ReviewRouting routing) {
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    String plan = Variables.REVIEW_PLAN.get(execution);
    Project project = projects.get(code);
    List<ReviewRouting.Review> reviews = routing.reviews(plan);
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
        CaseEvent.STATUS_CHANGED).step(ProjectApprovalProcess.Elements.ROUTE_REVIEWS, "确定并联审查事项", null, null)
        .detail("需办理事项：" + reviews.stream().map(r -> r.reviewName() + "（" + r.departmentName()
            + (r.isTask() ? "审查" : "，备案即办") + "）").collect(Collectors.joining("；"))));
    for (ReviewRouting.Review review : routing.automaticReviews(plan)) {
      String opinion = "已备案：" + review.checks();
      caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
              CaseEvent.STEP_COMPLETED)
          .step(review.reviewKey(), review.reviewName(), null, review.department())
          .decided("approve", opinion, null).by(SYSTEM, null));
      notices.toApplicant(project, ProjectApprovalProcess.Notices.FILING, Map.of("reviewName", review.reviewName(), "reviewer",
          review.departmentName(), "checks", review.checks()), execution.getActivityInstanceId() + ":"
          + review.reviewKey());
    }
  }
}
