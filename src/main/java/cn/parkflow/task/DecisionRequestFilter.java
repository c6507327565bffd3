package cn.parkflow.task;

import cn.parkflow.variable.Variable;
import cn.parkflow.web.EngineRequestCheck;
import cn.parkflow.web.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Checks a decision task's completion before the engine sees it, for Tasklist ({@code /camunda/api/engine/...}) and
 * the engine REST API alike, and answers 400 with the Chinese message naming each bad field (see
 * {@link EngineRequestCheck} for the format). {@link DecisionTaskGuard} enforces the same rules inside the engine for
 * every other path.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionRequestFilter {
  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

  @Bean
  FilterRegistrationBean<EngineRequestCheck> decisionRequestFilterRegistration(DecisionRules rules,
      TaskService taskService, ObjectMapper mapper) {
    FilterRegistrationBean<EngineRequestCheck> registration =
        new FilterRegistrationBean<>(new Filter(rules, taskService, mapper));
    registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/engine/*", "/camunda/api/engine/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    registration.setName("parkflowDecisionRequestFilter");
    return registration;
  }

  static final class Filter extends EngineRequestCheck {
    private final DecisionRules rules;
    private final TaskService taskService;

    Filter(DecisionRules rules, TaskService taskService, ObjectMapper mapper) {
      super(COMPLETION, mapper);
      this.rules = rules;
      this.taskService = taskService;
    }

    @Override
    protected Refusal refusal(Matcher path, byte[] body) {
      return check(path.group(1), body);
    }

    /**
     * The broken rules, or null when the completion may go on to the engine. The task is looked up as the caller, so
     * a task the caller may not see is left to the engine to refuse, and reveals nothing here.
     */
    private Refusal check(String taskId, byte[] body) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessDefinitionId() == null) {
        return null;
      }
      List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (allowed.isEmpty()) {
        return null;
      }
      JsonNode variables = variables(body);
      if (variables == null && body.length > 0) {
        return null; // not JSON: the engine REST API answers it
      }
      List<String> foreign = new ArrayList<>();
      java.util.Set<String> extra = rules.extraVariables(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (variables != null && variables.isObject()) {
        variables.fieldNames().forEachRemaining(name -> {
          if (!DecisionRules.VARIABLES.contains(name) && !extra.contains(name)) {
            foreign.add(name);
          }
        });
      }
      if (!foreign.isEmpty()) {
        // Completion variables flow into the case; a decision task takes its decision and nothing else.
        String message = "办理此任务只需填写办理结论（decision）、意见（opinion）和需补正的材料（missingItems）"
            + (extra.isEmpty() ? "" : "及" + String.join("、", extra)) + "，不接受："
            + String.join("、", foreign);
        return new Refusal(message, foreign.stream().map(f -> new FieldError(f, message)).toList());
      }
      DecisionConstraint.TaskVariables taskVariables = new DecisionConstraint.TaskVariables() {
        @Override
        public <T> T get(Variable<T> variable) {
          if (variables != null && variables.has(variable.name())) {
            java.util.Map<String, Object> sent = new java.util.HashMap<>();
            sent.put(variable.name(), value(taskId, variables, variable.name()));
            return variable.from(sent);
          }
          return readUnlessEnded(taskId, () -> variable.get(taskService, taskId));
        }
      };
      var errors = rules.check(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), allowed, taskVariables,
          value(taskId, variables, DecisionRules.DECISION),
          value(taskId, variables, DecisionRules.OPINION), value(taskId, variables, DecisionRules.MISSING_ITEMS));
      return errors.isEmpty() ? null : new Refusal(DecisionTaskGuard.message(errors.list()), errors.list());
    }

    /**
     * The value the engine would see: the text of a String variable (type absent or {@code String}), the JSON node
     * itself for anything else (a number, a boolean, an object, another type), which the rules refuse as not text.
     */
    private Object value(String taskId, JsonNode variables, String name) {
      if (variables != null && variables.has(name)) {
        JsonNode variable = variables.get(name);
        JsonNode v = variable.path("value");
        String type = variable.path("type").asText("");
        if (!variable.isObject() || !(type.isEmpty() || "string".equalsIgnoreCase(type))) {
          return variable;
        }
        return v.isTextual() ? v.asText() : (v.isNull() || v.isMissingNode() ? null : v);
      }
      return readUnlessEnded(taskId, () -> Variable.any(name).get(taskService, taskId));
    }

    /**
     * A variable of the task, or null when the task ended while it was read (e.g. a withdrawal deleting the case): the
     * engine then answers the completion itself. Depending on the moment, the engine reports the vanished task as a
     * {@link NullValueException} or fails inside its own command (a {@link NullPointerException} while restoring the
     * deleted process instance); either way, a task that is gone afterwards means the read lost that race.
     */
    private <T> T readUnlessEnded(String taskId, java.util.function.Supplier<T> read) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
          return null;
        }
        throw e;
      }
    }
  }
}
