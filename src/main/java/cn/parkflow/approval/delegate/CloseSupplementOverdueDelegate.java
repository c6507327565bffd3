package cn.parkflow.approval.delegate;

import cn.parkflow.approval.Project;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectNotices;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 逾期未补正: the supplement period passed without a supplement; the case closes and the applicant is told. */
@Component
public class CloseSupplementOverdueDelegate implements JavaDelegate {
  private final ProjectRepository projects;
  private final ProjectNotices notices;
  private final CaseRecord caseRecord;

  private final ProjectService service;

  public CloseSupplementOverdueDelegate(ProjectService service, ProjectRepository projects, ProjectNotices notices, CaseRecord caseRecord) {
    this.service = service;
    this.projects = projects;
    this.notices = notices;
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = Variables.PROJECT_CODE.require(execution);
    service.supplementOverdue(code);
    Project project = projects.get(code);
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, execution.getProcessInstanceId(),
        CaseEvent.STATUS_CHANGED).detail("补正期限届满，申请人未提交补正材料，案件按逾期未补正办结"));
    notices.toApplicant(project, ProjectApprovalProcess.Notices.SUPPLEMENT_OVERDUE, Map.of(), execution.getActivityInstanceId());
  }
}
