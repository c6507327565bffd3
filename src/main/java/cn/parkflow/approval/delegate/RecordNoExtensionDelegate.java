package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The county government refused to extend the joint review limit: the case record says so and why. */
@Component
public class RecordNoExtensionDelegate implements JavaDelegate {
  private final CaseRecord caseRecord;

  public RecordNoExtensionDelegate(CaseRecord caseRecord) {
    this.caseRecord = caseRecord;
  }

  @Override
  public void execute(DelegateExecution execution) {
    caseRecord.add(CaseEvent.of(Variables.PROJECT_CODE.require(execution), ProjectApprovalProcess.KEY,
            execution.getProcessInstanceId(), CaseEvent.STATUS_CHANGED)
        .detail("县人民政府不予延长联合审查时限：" + Variables.EXTENSION_OPINION.get(execution)));
  }
}
