package cn.parkflow.web;

import cn.parkflow.identity.EnterpriseAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A start from Tasklist's start form (or the engine REST API) is checked with its process's {@link StartFormRules}
 * (the same rules as the API) before the engine starts anything, so the clerk gets 400 with every invalid field named
 * instead of the engine's refusal from the model's registration step (which still guards every other way in).
 */
@Configuration(proxyBeanMethods = false)
public class StartRequestCheck {
  private static final Pattern START =
      Pattern.compile(".*/process-definition/(key/([^/]+)|([^/]+))/(start|submit-form)$");

  @Bean
  FilterRegistrationBean<EngineRequestCheck> startRequestCheckRegistration(List<StartFormRules> rules,
      RepositoryService repositoryService, IdentityService identityService, EnterpriseAccounts enterpriseAccounts,
      ObjectMapper mapper) {
    FilterRegistrationBean<EngineRequestCheck> registration = new FilterRegistrationBean<>(
        new Check(rules.stream().collect(Collectors.toMap(StartFormRules::processKey, Function.identity())),
            repositoryService, identityService, enterpriseAccounts, mapper));
    registration.addUrlPatterns("/engine-rest/process-definition/*", "/camunda/api/engine/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    registration.setName("parkflowStartRequestCheck");
    return registration;
  }

  static final class Check extends EngineRequestCheck {
    private final Map<String, StartFormRules> rulesByKey;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final EnterpriseAccounts enterpriseAccounts;

    Check(Map<String, StartFormRules> rulesByKey, RepositoryService repositoryService,
        IdentityService identityService, EnterpriseAccounts enterpriseAccounts, ObjectMapper mapper) {
      super(START, mapper);
      this.rulesByKey = rulesByKey;
      this.repositoryService = repositoryService;
      this.identityService = identityService;
      this.enterpriseAccounts = enterpriseAccounts;
    }

    @Override
    protected String problem(Matcher path, byte[] body) {
      StartFormRules rules = rulesByKey.get(definitionKey(path));
      if (rules == null) {
        return null;
      }
      JsonNode variables = variables(body);
      if (variables == null && body.length > 0) {
        return null; // not JSON: the engine REST API answers it
      }
      Map<String, Object> values = new HashMap<>();
      if (variables != null && variables.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> v = it.next();
          values.put(v.getKey(), mapper.convertValue(v.getValue().path("value"), Object.class));
        }
      }
      Authentication caller = identityService.getCurrentAuthentication();
      String ownCreditCode = caller == null || caller.getUserId() == null ? null
          : enterpriseAccounts.creditCodeOf(caller.getUserId()).orElse(null);
      List<FieldError> errors = rules.check(values, ownCreditCode);
      return errors.isEmpty() ? null : "申请有误，未启动案件：" + errors.stream()
          .map(FieldError::message).collect(Collectors.joining("；"));
    }

    private String definitionKey(Matcher path) {
      if (path.group(2) != null) {
        return path.group(2);
      }
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionId(path.group(3)).singleResult();
      return definition == null ? null : definition.getKey();
    }
  }
}
