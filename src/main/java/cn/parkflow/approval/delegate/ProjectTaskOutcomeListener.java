package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.task.DecisionRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Moves the case's status as soon as a decision is taken (on completion of the intake review, a department review
 * or the joint decision), so the applicant sees it at once and a withdrawal after a decision is refused; the notice
 * itself follows asynchronously.
 */
@Component
public class ProjectTaskOutcomeListener implements TaskListener {
  private final ProjectService service;

  public ProjectTaskOutcomeListener(ProjectService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.decisionTaken(Variables.PROJECT_CODE.require(task), task.getTaskDefinitionKey(),
        DecisionRules.DECISION_VALUE.get(task) instanceof String d ? d : null);
  }
}
