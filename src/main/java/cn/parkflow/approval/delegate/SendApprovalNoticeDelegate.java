package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectApprovedEvent;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ReviewResults;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.identity.Department;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 批准通知: the joint decision approved the project. The applicant gets every department's opinion; when the project
 * needs new land the case record says "需办理工业用地供应" and {@code landSupplyRequired} routes the case to its own
 * end event. A {@link ProjectApprovedEvent} is published after commit: the link point for the land-supply process.
 */
@Component
public class SendApprovalNoticeDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;
  private final ReviewResults reviewResults;
  private final ApplicationEventPublisher events;

  public SendApprovalNoticeDelegate(ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord,
      ReviewResults reviewResults, ApplicationEventPublisher events) {
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
    this.reviewResults = reviewResults;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    Project project = projects.get(code);
    boolean land = project.application().needsLand();
    if (land) {
      projects.markLandSupplyRequired(code);
      caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
              CaseEvent.STATUS_CHANGED)
          .step(ProjectApprovalProcess.Elements.END_APPROVED_LAND_SUPPLY, "需办理工业用地供应", null,
              Department.NATURAL_RESOURCES.groupId())
          .detail("需办理工业用地供应：新增用地 " + project.application().landArea().toPlainString() + " 亩"));
    }
    Variables.LAND_SUPPLY_REQUIRED.set(execution, land);
    List<ReviewResults.Result> results = reviewResults.of(code, Variables.REVIEW_PLAN.get(execution));
    Map<String, Object> model = new HashMap<>();
    model.put("opinions", ReviewResults.text(results));
    Object opinion = Variables.JOINT_OPINION.get(execution);
    model.put("jointOpinion", opinion == null ? "同意" : opinion);
    model.put("landSupply", land);
    notices.toApplicant(project, ProjectApprovalProcess.Notices.APPROVED, model, execution.getActivityInstanceId());
    ProjectApprovedEvent event = new ProjectApprovedEvent(code, project.application().creditCode(),
        project.application().enterpriseName(), project.application().projectName(), project.application().landArea(),
        land);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          events.publishEvent(event);
        }
      });
    } else {
      events.publishEvent(event);
    }
  }
}
