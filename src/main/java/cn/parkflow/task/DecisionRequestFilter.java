package cn.parkflow.task;

import cn.parkflow.web.EngineRequestCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
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

    /** The broken rules as one Chinese message, or null when the completion may go on to the engine. */
    private String check(String taskId, byte[] body) {
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessDefinitionId() == null) {
          return null; // the engine answers unknown tasks itself
        }
        List<String> allowed = rules.allowedDecisions(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (allowed.isEmpty()) {
          return null;
        }
        JsonNode variables = body.length == 0 ? null : mapper.readTree(body).path("variables");
        var errors = rules.check(allowed, value(taskId, variables, DecisionRules.DECISION),
            value(taskId, variables, DecisionRules.OPINION), value(taskId, variables, DecisionRules.MISSING_ITEMS));
        return errors.isEmpty() ? null : DecisionTaskGuard.message(errors.list());
      } catch (IOException e) {
        return null; // not JSON: let the engine REST API answer it
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
