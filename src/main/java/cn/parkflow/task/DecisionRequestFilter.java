package cn.parkflow.task;

import cn.parkflow.web.EngineRequestCheck;
import cn.parkflow.web.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Checks a decision task's completion before the engine sees it, for Tasklist ({@code /camunda/api/engine/...}) and
 * the engine REST API alike, and answers 400 with the Chinese message naming each bad field in Camunda's own error
 * format, which Tasklist shows above the form. {@link DecisionTaskGuard} enforces the same rules inside the engine for
 * every other path.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionRequestFilter {
  private static final Set<String> TEXT_TYPES = Set.of("string", "null");
  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

  @Bean
  FilterRegistrationBean<EngineRequestCheck> decisionRequestFilterRegistration(DecisionRules rules,
      TaskService taskService, IdentityService identityService, ObjectMapper mapper) {
    FilterRegistrationBean<EngineRequestCheck> registration =
        new FilterRegistrationBean<>(new Filter(rules, taskService, identityService, mapper));
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    registration.setName("parkflowDecisionRequestFilter");
    return registration;
  }

  static final class Filter extends EngineRequestCheck {
    private final DecisionRules rules;
    private final TaskService taskService;
    private final IdentityService identityService;

    Filter(DecisionRules rules, TaskService taskService, IdentityService identityService, ObjectMapper mapper) {
      super(COMPLETION, mapper);
      this.rules = rules;
      this.taskService = taskService;
      this.identityService = identityService;
    }

    @Override
    protected String problem(Matcher path, byte[] body) {
      return check(path.group(1), body);
    }

    /**
     * The broken rules as one Chinese message, or null when the completion may go on to the engine. The task is looked
     * up as the caller, so a task the caller may not see is left to the engine to refuse, and reveals nothing here. A
     * task that does not exist at all (or is done) answers 404, where the engine REST API would answer 500.
     */
    private String check(String taskId, byte[] body) {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null && !exists(taskId)) {
        throw new NotFoundException("任务不存在或已办结：" + taskId);
      }
      if (task == null || task.getProcessDefinitionId() == null) {
        return null;
      }
      List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (allowed.isEmpty()) {
        return null;
      }
      JsonNode variables;
      try {
        variables = body.length == 0 ? null : mapper.readTree(body).path("variables");
      } catch (IOException e) {
        return null; // not JSON: the engine REST API answers it
      }
      List<String> foreign = new ArrayList<>();
      if (variables != null && variables.isObject()) {
        variables.fieldNames().forEachRemaining(name -> {
          if (!DecisionRules.VARIABLES.contains(name)) {
            foreign.add(name);
          }
        });
      }
      if (!foreign.isEmpty()) {
        // Completion variables flow into the case; a decision task takes its decision and nothing else.
        return "办理此任务只需填写办理结论（decision）、意见（opinion）和需补正的材料（missingItems），不接受："
            + String.join("、", foreign);
      }
      List<String> notText = new ArrayList<>();
      if (variables != null && variables.isObject()) {
        for (String name : DecisionRules.VARIABLES) {
          JsonNode type = variables.path(name).path("type");
          if (!type.isMissingNode() && !(type.isTextual() && TEXT_TYPES.contains(type.asText().toLowerCase(Locale.ROOT)))) {
            notText.add(name);
          }
        }
      }
      if (!notText.isEmpty()) {
        // another type (Integer, Object, serialized Java) would reach the engine only to be refused there in English
        return "办理结论（decision）、意见（opinion）和需补正的材料（missingItems）须为文字（类型 String），不接受："
            + String.join("、", notText);
      }
      var errors = rules.check(allowed, value(taskId, variables, DecisionRules.DECISION),
          value(taskId, variables, DecisionRules.OPINION), value(taskId, variables, DecisionRules.MISSING_ITEMS));
      return errors.isEmpty() ? null : DecisionTaskGuard.message(errors.list());
    }

    private boolean exists(String taskId) {
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    }

    private Object value(String taskId, JsonNode variables, String name) {
      if (variables != null && variables.has(name)) {
        JsonNode v = variables.get(name).path("value");
        return v.isTextual() ? v.asText() : (v.isNull() || v.isMissingNode() ? null : v.toString());
      }
      return taskService.getVariable(taskId, name);
    }
  }
}
