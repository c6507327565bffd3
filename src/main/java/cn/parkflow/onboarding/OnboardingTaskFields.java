package cn.parkflow.onboarding;

import cn.parkflow.onboarding.OnboardingProcess.Elements;
import cn.parkflow.onboarding.OnboardingProcess.Variables;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The fields two decision tasks of {@code enterprise-onboarding} take besides the decision and the opinion, as their
 * Tasklist forms send them: the preliminary assessment's site visit ({@code siteVisit}), and the admission decision's
 * incentives ({@code incentives}, {@code incentiveAmount} in 万元, {@code oneFactoryOnePolicy}). Without this the
 * request filter refuses them, and a clerk could not complete either task in Tasklist.
 */
@Component
public class OnboardingTaskFields implements DecisionConstraint {
  private static final int MAX_SITE_VISIT = 2000;
  private static final int MAX_INCENTIVES = 1000;
  private static final Variable<Object> SITE_VISIT = Variable.any(Variables.SITE_VISIT.name());
  private static final Variable<Object> INCENTIVES = Variable.any(Variables.INCENTIVES.name());
  private static final Variable<Object> INCENTIVE_AMOUNT = Variable.any(Variables.INCENTIVE_AMOUNT.name());
  private static final Variable<Object> ONE_FACTORY_ONE_POLICY = Variable.any(Variables.ONE_FACTORY_ONE_POLICY.name());
  private static final Map<String, Set<String>> FIELDS = Map.of(
      Elements.PRELIMINARY_ASSESSMENT, Set.of(SITE_VISIT.name()),
      Elements.ADMISSION_DECISION, Set.of(INCENTIVES.name(), INCENTIVE_AMOUNT.name(), ONE_FACTORY_ONE_POLICY.name()));

  @Override
  public Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    return ours(processDefinitionId) ? FIELDS.getOrDefault(taskDefinitionKey, Set.of()) : Set.of();
  }

  private static boolean ours(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(OnboardingProcess.KEY + ":");
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!ours(processDefinitionId)) {
      return;
    }
    if (Elements.PRELIMINARY_ASSESSMENT.equals(taskDefinitionKey)) {
      text(plain(variables.get(SITE_VISIT)), SITE_VISIT.name(), "实地考察记录", MAX_SITE_VISIT, errors);
    } else if (Elements.ADMISSION_DECISION.equals(taskDefinitionKey)) {
      text(plain(variables.get(INCENTIVES)), INCENTIVES.name(), "拟给予的优惠政策", MAX_INCENTIVES, errors);
      Object amount = plain(variables.get(INCENTIVE_AMOUNT));
      if (amount != null && !(amount instanceof Number n && n.doubleValue() >= 0)) {
        errors.add(INCENTIVE_AMOUNT.name(), "优惠政策折合金额（incentiveAmount，万元）须为非负数");
      }
      Object policy = plain(variables.get(ONE_FACTORY_ONE_POLICY));
      if (policy != null && !(policy instanceof Boolean)) {
        errors.add(ONE_FACTORY_ONE_POLICY.name(), "一厂一策（oneFactoryOnePolicy）须为 true 或 false");
      }
    }
  }

  /**
   * The value as Java reads it: the request filter hands over a typed variable as its JSON ({@code {"value": 800,
   * "type": "Long"}}), the engine guard the value itself.
   */
  private static Object plain(Object value) {
    if (!(value instanceof JsonNode node)) {
      return value;
    }
    JsonNode v = node.isObject() ? node.path("value") : node;
    return v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.isTextual() ? v.asText()
        : v.isNull() || v.isMissingNode() ? null : v;
  }

  private static void text(Object value, String field, String label, int max, FieldErrors errors) {
    if (value != null && !(value instanceof String s && s.length() <= max)) {
      errors.add(field, label + "（" + field + "）须为不超过 " + max + " 字的文字");
    }
  }
}
