package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The county government refused to extend the joint review limit: the case record says so and why. */
@Component
public class RecordNoExtensionDelegate implements JavaDelegate {
  private final ProjectService service;

  public RecordNoExtensionDelegate(ProjectService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.noExtension(Variables.PROJECT_CODE.require(execution), execution.getProcessInstanceId(),
        String.valueOf(Variables.EXTENSION_OPINION.get(execution)));
  }
}
