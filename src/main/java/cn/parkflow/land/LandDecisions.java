package cn.parkflow.land;

import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldErrors;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_decideRescission} takes {@code rescind} (解除合同) or {@code extend} (不解除，给予宽限); more time needs
 * the new due date ({@code newDueDate}, after today). Checked by the decision request filter (400 naming the field)
 * and by the engine guard.
 */
@Component
public class LandDecisions implements DecisionConstraint {
  public static final String RESCIND = "rescind";
  public static final String EXTEND = "extend";

  private final EngineClock clock;

  public LandDecisions(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    return concerns(processDefinitionId, taskDefinitionKey)
        ? Set.of(LandSupplyProcess.Variables.NEW_DUE_DATE.name()) : Set.of();
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!concerns(processDefinitionId, taskDefinitionKey) || !EXTEND.equals(decision)) {
      return;
    }
    String field = LandSupplyProcess.Variables.NEW_DUE_DATE.name();
    LocalDate due = LandRules.date(variables.get(LandSupplyProcess.Variables.NEW_DUE_DATE), field, "宽限后的缴纳期限",
        errors);
    if (due != null && !due.isAfter(LocalDate.ofInstant(clock.now(), Beijing.ZONE))) {
      errors.add(field, "宽限后的缴纳期限（newDueDate）须晚于今天");
    }
  }

  private static boolean concerns(String processDefinitionId, String taskDefinitionKey) {
    return processDefinitionId != null && processDefinitionId.startsWith(LandSupplyProcess.KEY + ":")
        && LandSupplyProcess.Elements.DECIDE_RESCISSION.equals(taskDefinitionKey);
  }
}
