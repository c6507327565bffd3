package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.task.DecisionRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of the joint decision: puts every department's result into the task-local, read-only text
 * {@code departmentOpinions} for the form, and prefills {@code decision} with {@code reject} when any department
 * rejected (approving is then refused: {@link cn.parkflow.approval.JointDecisionRule}).
 */
@Component
public class PrepareJointDecisionListener implements TaskListener {
  private final ProjectService service;

  public PrepareJointDecisionListener(ProjectService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    ProjectService.JointDecisionBrief brief = service.openJointDecision(Variables.PROJECT_CODE.require(task),
        Variables.REVIEW_PLAN.get(task));
    Variables.DEPARTMENT_OPINIONS.setLocal(task, brief.departmentOpinions());
    if (brief.anyRejected()) {
      // The decision variable is local to the task's scope execution (input mapping), where the completion puts it.
      task.getExecution().setVariableLocal(DecisionRules.DECISION, DecisionRules.REJECT);
    }
  }
}
