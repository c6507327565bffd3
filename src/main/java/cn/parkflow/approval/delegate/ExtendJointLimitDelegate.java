package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.Deadlines;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 延长联合审查时限: the county government approved the extension (行政许可法 Art. 42 ¶2): the limit moves once by
 * {@code joint-review-extension} from the old limit; the applicant is told the new limit and the reasons.
 */
@Component
public class ExtendJointLimitDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;
  private final Deadlines deadlines;

  public ExtendJointLimitDelegate(ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord,
      Deadlines deadlines) {
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    Project project = projects.get(code);
    if (project.jointReviewExtended()) {
      return;
    }
    Date newDue = deadlines.dueFrom(Date.from(project.jointReviewDue()), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW_EXTENSION);
    projects.extendJointReview(code, newDue.toInstant());
    Variables.JOINT_REVIEW_DUE.set(execution, newDue);
    Object reasons = Variables.EXTENSION_OPINION.get(execution);
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
        CaseEvent.STATUS_CHANGED).detail("县人民政府批准延长联合审查时限至 " + ProjectNotices.format(newDue.toInstant())));
    notices.toApplicant(projects.get(code), ProjectApprovalProcess.Notices.EXTENSION, Map.of("reasons", reasons == null ? "联合审查事项复杂" : reasons),
        execution.getActivityInstanceId());
  }
}
