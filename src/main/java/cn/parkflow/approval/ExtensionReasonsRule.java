package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.web.FieldErrors;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * An extension of the joint limit needs its reasons (行政许可法 Art. 42 ¶2: 并应当将延长期限的理由告知申请人): on
 * {@code userTask_approveExtension} an {@code approve} without {@code opinion} is refused, since the opinion is what
 * the applicant is told. The system never writes a reason of its own.
 */
@Component
public class ExtensionReasonsRule implements DecisionConstraint {

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!ProjectApprovalProcess.completes(processDefinitionId, taskDefinitionKey, decision, Elements.APPROVE_EXTENSION,
        Decision.APPROVE)) {
      return;
    }
    if (!(variables.get(DecisionRules.OPINION_VALUE) instanceof String opinion) || !StringUtils.hasText(opinion)) {
      errors.add(DecisionRules.OPINION, "批准延长联合办理期限时必须填写意见（opinion），写明延长期限的理由：理由将原文告知申请人"
          + "（《中华人民共和国行政许可法》第四十二条第二款）");
    }
  }
}
