package cn.parkflow.task;

import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a decision task whose variables break {@link DecisionRules}, whichever way the completion came
 * (Tasklist, engine REST, Java API): the exception rolls the completion back and the task stays open.
 */
@Component
public class DecisionTaskGuard {
  private final DecisionRules rules;

  public DecisionTaskGuard(DecisionRules rules) {
    this.rules = rules;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
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
      throw new NotValidException(message(errors.list()));
    }
  }

  static String message(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).collect(Collectors.joining("；"));
  }
}
