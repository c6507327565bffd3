package cn.parkflow.task;

import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldRefusal;
import cn.parkflow.web.FieldRefusalLogFilter;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * The engine's refusal of a decision task's completion ({@link DecisionTaskGuard}): the task stays open, the message
 * joins every broken rule, and the engine REST APIs answer 400 naming each field (see {@link FieldRefusal}).
 */
public class DecisionRefused extends NotValidException implements FieldRefusal {
  private final List<FieldError> errors;

  public DecisionRefused(List<FieldError> errors) {
    super(DecisionTaskGuard.message(errors));
    this.errors = List.copyOf(errors);
    FieldRefusalLogFilter.install();
  }

  @Override
  public List<FieldError> errors() {
    return errors;
  }
}
