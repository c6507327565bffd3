package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The joint decision is a unified delivery (统一出件, 行政许可法 Art. 26): each licence stays its own department's
 * decision (Order 673 Art. 10; 环境影响评价法 Art. 22, 25), so {@code approve} is refused while any licensing review
 * stands rejected. {@code reject} with reasons stays open to the park.
 */
@Component
public class JointDecisionRule implements DecisionConstraint {
  private final ReviewResults reviewResults;

  public JointDecisionRule(ReviewResults reviewResults) {
    this.reviewResults = reviewResults;
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!ProjectApprovalProcess.completes(processDefinitionId, taskDefinitionKey, decision, Elements.JOINT_DECISION,
        Decision.APPROVE)) {
      return;
    }
    String code = variables.get(Variables.PROJECT_CODE);
    if (code == null) {
      return;
    }
    List<ReviewResults.Result> refused = ReviewResults.rejected(
        reviewResults.of(code, variables.get(Variables.REVIEW_PLAN)));
    if (!refused.isEmpty()) {
      errors.add(DecisionRules.DECISION, "不能作出批准决定（decision=approve）：" + refused.stream()
          .map(r -> r.departmentName() + "已对“" + r.matter() + "”作出不予通过决定").collect(Collectors.joining("；"))
          + "。各许可事项由各部门依法决定，园区管委会只能统一出件，请选择不予批准（reject）并写明理由");
    }
  }
}
