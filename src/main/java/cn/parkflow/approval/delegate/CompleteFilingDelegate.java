package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 备案办结: every matter is a filing, recorded at acceptance; the case ends 已备案 (Order 673 Art. 13). */
@Component
public class CompleteFilingDelegate implements JavaDelegate {
  private final ProjectService service;

  public CompleteFilingDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.filed(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId());
  }
}
