package cn.parkflow.approval.delegate;

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
 * 视为受理: the intake review's time limit passed without a decision, so under 行政许可法 Art. 32 the application
 * counts as accepted. The case record says so and the supervision office is told; acceptance follows.
 */
@Component
public class RecordDeemedAcceptanceDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;

  public RecordDeemedAcceptanceDelegate(ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord) {
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    projects.markDeemedAccepted(code);
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
            CaseEvent.STATUS_CHANGED)
        .step(ProjectApprovalProcess.Elements.INTAKE_DEADLINE, "受理审查期限届满", null,
            Department.PARK_ADMIN.groupId())
        .detail("受理审查期限届满未作出受理决定，依《中华人民共和国行政许可法》第三十二条，自收到申请材料之日起即为受理"));
    notices.toGroup(projects.get(code), Department.SUPERVISION.groupId(), ProjectApprovalProcess.Notices.DEEMED_ACCEPTED, Map.of(),
        execution.getActivityInstanceId());
  }
}
