package cn.parkflow.task;

import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;

/**
 * A rule of one process about which decision a task may take given the case's state (beyond the form rules of
 * {@link DecisionRules}), e.g. "the joint decision may not approve while a department refused its licence". Every bean
 * of this type is asked on each completion of a decision task, once, by the engine's guard ({@link DecisionTaskGuard});
 * its errors reach the caller as 400 naming each field (see {@link DecisionRefused}).
 */
public interface DecisionConstraint {

  /** Reads the completing task's variables: the completion's own values first, then the task's scope and the case's. */
  interface TaskVariables {
    <T> T get(Variable<T> variable);
  }

  /**
   * The variables this constraint lets the task take besides {@link DecisionRules#VARIABLES} (e.g. the grounds of a
   * refusal); the constraint checks them itself. None by default.
   */
  default java.util.Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    return java.util.Set.of();
  }

  /**
   * Adds an error for each rule {@code decision} breaks on this task; a constraint that does not concern the task adds
   * nothing.
   */
  void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors);
}
