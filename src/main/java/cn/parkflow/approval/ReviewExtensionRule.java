package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldErrors;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * A department may extend its own review once, before the review's limit passes (Order 673 Art. 10; 行政许可法 Art.
 * 42 ¶1): {@code extend} on a department review is refused when the review was extended already or its due date has
 * passed. The reasons are the {@code opinion}, which {@link DecisionRules} requires for anything but approval.
 */
@Component
public class ReviewExtensionRule implements DecisionConstraint {
  private final EngineClock clock;

  public ReviewExtensionRule(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!ProjectApprovalProcess.completes(processDefinitionId, taskDefinitionKey, decision, Elements.DEPARTMENT_REVIEW,
        Decision.EXTEND)) {
      return;
    }
    if (Boolean.TRUE.equals(variables.get(Variables.REVIEW_EXTENDED))) {
      errors.add(DecisionRules.DECISION, "本项审查已经延长过一次期限，不能再次申请延期（decision=extend），请在延长后的期限内作出决定");
      return;
    }
    Date due = variables.get(Variables.REVIEW_DUE);
    if (due != null && !due.toInstant().isAfter(clock.now())) {
      errors.add(DecisionRules.DECISION, "本项审查期限已届满，不能再申请延期（decision=extend）：延期须在期限届满前经本部门负责人批准");
    }
  }
}
