package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectRepository;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.approval.ReviewResults;
import cn.parkflow.task.DecisionRules;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of the joint decision: puts every department's result into the task-local, read-only text
 * {@code departmentOpinions} for the form, and prefills {@code decision} with {@code reject} when any department
 * rejected (a suggestion: the clerk may still approve, giving reasons).
 */
@Component
public class PrepareJointDecisionListener implements TaskListener {
  private final ReviewResults reviewResults;
  private final ProjectRepository projects;

  private final ProjectService service;

  public PrepareJointDecisionListener(ProjectService service, ReviewResults reviewResults, ProjectRepository projects) {
    this.service = service;
    this.reviewResults = reviewResults;
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = Variables.PROJECT_CODE.require(task);
    service.jointDecisionOpened(code);
    List<ReviewResults.Result> results = reviewResults.of(code, Variables.REVIEW_PLAN.get(task));
    boolean rejected = ReviewResults.anyRejected(results);
    String advice = rejected ? "\n\n建议：有部门不予通过，建议作出不予批准决定（reject）。" : "";
    String text = ReviewResults.text(results, ReviewResults.MAX_TEXT - advice.length()) + advice;
    Variables.DEPARTMENT_OPINIONS.setLocal(task, text);
    if (rejected) {
      // The decision variable is local to the task's scope execution (input mapping), where the completion puts it.
      task.getExecution().setVariableLocal(DecisionRules.DECISION, DecisionRules.REJECT);
    }
  }
}
