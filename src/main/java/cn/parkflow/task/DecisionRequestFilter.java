package cn.parkflow.task;

import cn.parkflow.web.EngineRequestCheck;
import cn.parkflow.web.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Refuses, before the engine sees it, what the engine cannot tell apart from a valid completion of a decision task,
 * for Tasklist ({@code /camunda/api/engine/...}) and the engine REST API alike, with 400 naming each bad field (see
 * {@link EngineRequestCheck} for the format):
 *
 * <ul>
 *   <li>variables other than {@link DecisionRules#VARIABLES} and the task's own extra ones ({@link
 *       DecisionRules#extraVariables}): the engine would store them in the case like any other;
 *   <li>a decision variable the engine REST API cannot hand to the engine as it was sent (not a {@code {"value": …}}
 *       object, an object or array as value, a type other than {@code String}): the engine would fail without naming
 *       the field, or see text where none was sent.
 * </ul>
 *
 * Everything else, above all the decision rules themselves, is checked once, inside the engine, by {@link
 * DecisionTaskGuard}, whose {@link DecisionRefused} the engine REST APIs answer in the same format. A completion with
 * only well-formed decision variables therefore passes without any engine call here; only a body that needs one of the
 * checks above costs one task query.
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
      JsonNode variables = variables(body);
      if (variables == null || !variables.isObject()) {
        return null; // no body, not JSON, or no variables object: the engine REST API answers
      }
      boolean foreignNamed = false;
      boolean unreadable = false;
      for (Map.Entry<String, JsonNode> variable : variables.properties()) {
        foreignNamed |= !DecisionRules.VARIABLES.contains(variable.getKey());
        unreadable |= DecisionRules.VARIABLES.contains(variable.getKey()) && unreadable(variable.getValue());
      }
      if (!foreignNamed && !unreadable) {
        return null; // only well-formed decision variables: the engine's guard checks them
      }
      return check(path.group(1), variables, unreadable);
    }

    /**
     * Whether the engine could not be trusted to see a decision variable as it was sent, so the form rules are applied
     * here: not a {@code {"value": …}} object, a JSON object or array as value, or a type other than {@code String}
     * (the engine REST API may fail to convert it, answering without naming the field, or convert it to text). An
     * untyped number or boolean reaches the engine as one, and the guard refuses it as not text.
     */
    private static boolean unreadable(JsonNode variable) {
      if (!variable.isObject()) {
        return true;
      }
      JsonNode value = variable.path("value");
      String type = variable.path("type").asText("");
      if (type.isEmpty()) {
        return value.isContainerNode();
      }
      return !"string".equalsIgnoreCase(type) || !(value.isTextual() || value.isNull() || value.isMissingNode());
    }

    /**
     * The refusal, or null when the completion may go on to the engine. The task is looked up as the caller, so a
     * task the caller may not see (or that has just ended, e.g. withdrawn) is left to the engine to answer, and
     * reveals nothing here.
     */
    private Refusal check(String taskId, JsonNode variables, boolean unreadable) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessDefinitionId() == null) {
        return null;
      }
      List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (allowed.isEmpty()) {
        return null;
      }
      Set<String> extra = rules.extraVariables(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      List<String> foreign = new ArrayList<>();
      variables.fieldNames().forEachRemaining(name -> {
        if (!DecisionRules.VARIABLES.contains(name) && !extra.contains(name)) {
          foreign.add(name);
        }
      });
      if (!foreign.isEmpty()) {
        // Completion variables flow into the case; a decision task takes its decision and nothing else.
        String message = "办理此任务只需填写办理结论（decision）、意见（opinion）和需补正的材料（missingItems）"
            + (extra.isEmpty() ? "" : "及" + String.join("、", extra)) + "，不接受："
            + String.join("、", foreign);
        return new Refusal(message, foreign.stream().map(f -> new FieldError(f, message)).toList());
      }
      if (!unreadable) {
        return null;
      }
      // The form rules on what was sent (an unreadable value always breaks one), as the guard would word them.
      var errors = rules.check(allowed, sent(variables, DecisionRules.DECISION),
          sent(variables, DecisionRules.OPINION), sent(variables, DecisionRules.MISSING_ITEMS));
      return errors.isEmpty() ? null : new Refusal(DecisionTaskGuard.message(errors.list()), errors.list());
    }

    /**
     * A decision variable as the form rules read it: the text of a String variable (type absent or {@code String}),
     * null when it is absent or null, the JSON node itself for anything else, which the rules refuse as not text.
     */
    private static Object sent(JsonNode variables, String name) {
      JsonNode variable = variables.get(name);
      if (variable == null) {
        return null;
      }
      JsonNode value = variable.path("value");
      String type = variable.path("type").asText("");
      if (!variable.isObject() || !(type.isEmpty() || "string".equalsIgnoreCase(type))) {
        return variable;
      }
      return value.isTextual() ? value.asText() : (value.isNull() || value.isMissingNode() ? null : value);
    }
  }
}
