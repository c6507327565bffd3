package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
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
  private final ProjectRepository projects;

  public ProjectTaskOutcomeListener(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = (String) task.getVariable(Variables.PROJECT_CODE);
    Object decision = task.getVariable(DecisionRules.DECISION);
    boolean approve = DecisionRules.APPROVE.equals(decision);
    boolean reject = DecisionRules.REJECT.equals(decision);
    boolean ret = DecisionRules.RETURN.equals(decision);
    switch (task.getTaskDefinitionKey()) {
      case Elements.INTAKE_REVIEW, Elements.DEPARTMENT_REVIEW -> {
        if (ret) {
          projects.updateStatus(code, ProjectStatus.SUPPLEMENTING, ProjectStage.SUPPLEMENT);
        } else if (reject && Elements.INTAKE_REVIEW.equals(task.getTaskDefinitionKey())) {
          projects.updateStatus(code, ProjectStatus.NOT_APPROVED, ProjectStage.CLOSED);
        }
      }
      case Elements.JOINT_DECISION -> {
        if (approve) {
          projects.updateStatus(code, ProjectStatus.APPROVED, ProjectStage.CLOSED);
        } else if (reject) {
          projects.updateStatus(code, ProjectStatus.NOT_APPROVED, ProjectStage.CLOSED);
        }
      }
      default -> { }
    }
  }
}
