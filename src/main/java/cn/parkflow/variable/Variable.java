package cn.parkflow.variable;

import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable with its name and type, in the spirit of holunda camunda-bpm-data: a slice declares its
 * variables once ({@code <X>Process.Variables}), and code reads them through these accessors instead of casting what
 * {@code getVariable} returns. These accessors are the only place that calls the engine's untyped getters.
 *
 * @param <T> the Java type the variable holds
 */
public final class Variable<T> {
  private final String name;
  private final Function<Object, T> convert;

  private Variable(String name, Function<Object, T> convert) {
    this.name = name;
    this.convert = convert;
  }

  /** A text variable; any other value is read as its text. */
  public static Variable<String> text(String name) {
    return new Variable<>(name, v -> v instanceof String s ? s : String.valueOf(v));
  }

  /** A number the engine may hold as Long, Integer or Double. */
  public static Variable<Double> number(String name) {
    return new Variable<>(name, v -> ((Number) v).doubleValue());
  }

  public static Variable<Boolean> bool(String name) {
    return new Variable<>(name, v -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()));
  }

  public static Variable<java.util.Date> date(String name) {
    return new Variable<>(name, java.util.Date.class::cast);
  }

  /** A value whose type is checked by its reader (a decision a form sent, which may be of any type). */
  public static Variable<Object> any(String name) {
    return new Variable<>(name, v -> v);
  }

  public String name() {
    return name;
  }

  private T read(Object value) {
    return value == null ? null : convert.apply(value);
  }

  public T get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public T getLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The value, or an {@link IllegalStateException} naming the variable when it is missing (a guard). */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value;
  }

  public T get(RuntimeService runtimeService, String executionId) {
    return read(runtimeService.getVariable(executionId, name));
  }

  public T getLocal(RuntimeService runtimeService, String executionId) {
    return read(runtimeService.getVariableLocal(executionId, name));
  }

  public T get(TaskService taskService, String taskId) {
    return read(taskService.getVariable(taskId, name));
  }

  public T getLocal(TaskService taskService, String taskId) {
    return read(taskService.getVariableLocal(taskId, name));
  }

  /** The value the process instance's scope holds or last held (from history, also after the case has ended). */
  public T getFinal(HistoryService historyService, String processInstanceId) {
    // the process instance's own scope has the instance's id as its activity instance id
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list().stream().filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
        .findFirst().map(v -> read(v.getValue())).orElse(null);
  }

  public T from(Map<String, Object> variables) {
    return read(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Puts the value into a variable map under this variable's name. */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }

  @Override
  public String toString() {
    return name;
  }
}
