package cn.parkflow.approval.delegate;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.approval.ProjectApprovalProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Names each department review after what it checks and who checks it, e.g. 部门审查：建设项目用地预审与选址（自然资源和规划局），
 * for Tasklist and the reminders; a review reopened after the applicant let its supplement period pass says
 * （逾期未补正）. The model keeps the plain name 部门审查, which is what its diagram shows.
 */
@Component
public class DepartmentReviewTaskName {

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "' && #task.taskDefinitionKey == '"
      + Elements.DEPARTMENT_REVIEW + "'")
  public void onCreate(DelegateTask task) {
    task.setName("部门审查：" + Variables.REVIEW_NAME.get(task) + "（"
        + Variables.REVIEW_DEPARTMENT_NAME.get(task) + "）"
        + (Boolean.TRUE.equals(Variables.REVIEW_SUPPLEMENT_OVERDUE.get(task)) ? "（逾期未补正）" : ""));
  }
}
