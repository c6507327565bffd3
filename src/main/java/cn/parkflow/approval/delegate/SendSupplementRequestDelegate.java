package cn.parkflow.approval.delegate;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.identity.Department;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 补正告知 (一次性告知, 行政许可法 Art. 32): tells the applicant every missing item at once, who asked for it and by when
 * to supply it. Serves the intake review and each department review (which has a local {@code reviewKey}).
 */
@Component
public class SendSupplementRequestDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final Deadlines deadlines;

  public SendSupplementRequestDelegate(ProjectRepository projects, ProjectNotices notices, Deadlines deadlines) {
    this.projects = projects;
    this.notices = notices;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = projects.get(PROJECT_CODE.require(execution));
    boolean review = REVIEW_KEY.get(execution) != null;
    String missing = (review ? REVIEW_MISSING_ITEMS : INTAKE_MISSING_ITEMS).get(execution);
    String opinion = (review ? REVIEW_OPINION : INTAKE_OPINION).get(execution);
    List<String> items = ProjectNotices.lines(missing);
    Map<String, Object> model = new HashMap<>();
    model.put("step", review ? "审查（" + REVIEW_NAME.get(execution) + "）" : "受理审查");
    model.put("reviewer", review ? REVIEW_DEPARTMENT_NAME.get(execution)
        : Department.PARK_ADMIN.chineseName());
    model.put("items", items);
    model.put("itemCount", items.size());
    model.put("opinion", opinion == null ? "" : opinion);
    model.put("supplementDue", ProjectNotices.format(
        deadlines.due(ProjectApprovalProcess.KEY, ProjectApprovalProcess.Deadlines.SUPPLEMENT).toInstant()));
    notices.toApplicant(project, ProjectApprovalProcess.Notices.SUPPLEMENT_REQUEST, model, execution.getActivityInstanceId());
  }
}
