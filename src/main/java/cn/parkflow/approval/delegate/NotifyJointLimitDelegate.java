package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.identity.Department;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The joint review limit passed with reviews still open: the case is red; the supervision office is told. Runs again
 * when the limit extended by the county government passes too; then no further extension is offered (Art. 42 allows
 * one).
 */
@Component
public class NotifyJointLimitDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;

  public NotifyJointLimitDelegate(ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord) {
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    Project project = projects.get(code);
    boolean extended = project.jointReviewExtended();
    String due = ProjectNotices.format(project.jointReviewDue());
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
            CaseEvent.STATUS_CHANGED)
        .step(extended ? ProjectApprovalProcess.Elements.EXTENDED_JOINT_LIMIT
                : ProjectApprovalProcess.Elements.JOINT_REVIEW_LIMIT,
            extended ? "延长后的联合审查时限届满" : "联合审查时限届满", null, Department.SUPERVISION.groupId())
        .detail(extended
            ? "延长后的联合审查时限（" + due + "）届满，部门审查仍未全部办结（红灯）；已告知督查室，不得再次延期"
            : "联合审查时限（" + due + "）届满，部门审查尚未全部办结（红灯）；已告知督查室并报县人民政府决定是否延期"));
    notices.toGroup(project, Department.SUPERVISION.groupId(), ProjectApprovalProcess.Notices.JOINT_LIMIT, Map.of("extended", extended),
        execution.getActivityInstanceId());
  }
}
