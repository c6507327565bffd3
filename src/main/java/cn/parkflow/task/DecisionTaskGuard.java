package cn.parkflow.task;

import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a decision task whose variables break {@link DecisionRules}, whichever way the completion came
 * (Tasklist, engine REST, Java API): the {@link DecisionRefused} exception rolls the completion back, the task stays
 * open, and the engine REST APIs answer 400 naming each field. This is the only place the rules are checked: the
 * engine calls it first on every user task's {@code complete} event ({@link DecisionGuardPlugin}), before the model's
 * own listeners, so no step acts on a refused decision.
 */
@Component
public class DecisionTaskGuard {
  private final DecisionRules rules;

  public DecisionTaskGuard(DecisionRules rules) {
    this.rules = rules;
  }

  public void onComplete(DelegateTask task) {
    List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (allowed.isEmpty()) {
      return;
    }
    DecisionConstraint.TaskVariables variables = new DecisionConstraint.TaskVariables() {
      @Override
      public <T> T get(Variable<T> variable) {
        return variable.get(task);
      }
    };
    FieldErrors errors = rules.check(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), allowed, variables,
        DecisionRules.DECISION_VALUE.get(task), DecisionRules.OPINION_VALUE.get(task),
        DecisionRules.MISSING_ITEMS_VALUE.get(task));
    if (!errors.isEmpty()) {
      throw new DecisionRefused(errors.list());
    }
  }

  static String message(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).collect(Collectors.joining("；"));
  }
}
