package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.approval.ProjectStatus;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.time.EngineClock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 受理: the case is accepted (by decision or deemed); the joint review limit ({@code joint-review}, 行政许可法 Art. 42)
 * starts now and is kept on the case and in {@code jointReviewDue} for the review subprocess's timer; the applicant
 * gets the 受理通知.
 */
@Component
public class AcceptApplicationDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final HistoryService historyService;

  private final ProjectService service;

  public AcceptApplicationDelegate(ProjectService service, ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord,
      Deadlines deadlines, EngineClock clock, HistoryService historyService) {
    this.service = service;
    this.historyService = historyService;
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    boolean deemed = projects.get(code).deemedAccepted();
    // Art. 32: an application not answered in time counts as accepted from the day its materials arrived, so the
    // joint limit runs from then, not from the day the intake deadline passed.
    Instant acceptedAt = deemed ? materialsReceived(execution.getProcessInstanceId()) : clock.now();
    Date due = deadlines.dueFrom(Date.from(acceptedAt), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW);
    service.accepted(code, acceptedAt, due.toInstant(), deemed);
    Variables.JOINT_REVIEW_DUE.set(execution, due);
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
        CaseEvent.STATUS_CHANGED).detail((deemed ? "依法视为受理" : "已受理") + "；联合审查时限至 "
            + ProjectNotices.format(due.toInstant()) + "；状态：" + ProjectStatus.REVIEWING.label()));
    notices.toApplicant(projects.get(code), ProjectApprovalProcess.Notices.ACCEPTED,
        Map.of("deemed", deemed, "acceptance", deemed ? "在受理审查期限内未作出决定，依《中华人民共和国行政许可法》第三十二条视为受理" : "经审查，现予受理"),
        execution.getActivityInstanceId());
  }

  /** When the materials under review arrived: the start of the latest intake review (application or supplement). */
  private Instant materialsReceived(String processInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ProjectApprovalProcess.Elements.INTAKE_REVIEW).orderByHistoricActivityInstanceStartTime()
        .desc().listPage(0, 1).stream().findFirst().map(t -> t.getStartTime().toInstant())
        .orElseGet(clock::now);
  }
}
