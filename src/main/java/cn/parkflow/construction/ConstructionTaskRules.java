package cn.parkflow.construction;

import cn.parkflow.construction.ConstructionWatchProcess.Elements;
import cn.parkflow.construction.ConstructionWatchProcess.Variables;
import cn.parkflow.task.Decision;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the watch's two tasks must be completed with, Tasklist and REST alike (400 naming the field, or the engine's
 * refusal on any other path): {@code userTask_confirmStart} confirms only with the construction permit's number and
 * work on site (the local rule of "started"); {@code userTask_verifyCompletion} verifies only with every measured
 * indicator (plot ratio ≥ 0 and at most {@value #MAX_PLOT_RATIO}, shares 0–100 %, intensity ≥ 0 万元/亩).
 */
@Component
public class ConstructionTaskRules implements DecisionConstraint {
  static final int MAX_PERMIT = 64;
  static final int MAX_PLOT_RATIO = 20;

  /** Each measured variable with its label and upper bound (null: none). */
  private static final Map<Variable<Object>, Object[]> MEASURED = Map.of(
      Variables.MEASURED_PLOT_RATIO, new Object[] {"实测容积率", BigDecimal.valueOf(MAX_PLOT_RATIO)},
      Variables.MEASURED_COVERAGE, new Object[] {"实测建筑系数（%）", BigDecimal.valueOf(100)},
      Variables.MEASURED_OFFICE_SHARE, new Object[] {"实测行政办公及生活服务设施用地比重（%）", BigDecimal.valueOf(100)},
      Variables.MEASURED_GREEN_SHARE, new Object[] {"实测绿地率（%）", BigDecimal.valueOf(100)},
      Variables.MEASURED_INTENSITY, new Object[] {"实测投资强度（万元/亩）", null});

  private static boolean ours(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(ConstructionWatchProcess.KEY + ":");
  }

  @Override
  public Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    if (!ours(processDefinitionId)) {
      return Set.of();
    }
    if (Elements.CONFIRM_START.equals(taskDefinitionKey)) {
      return Set.of(Variables.PERMIT_NUMBER.name(), Variables.WORK_ON_SITE.name());
    }
    if (Elements.VERIFY_COMPLETION.equals(taskDefinitionKey)) {
      return Set.of(Variables.MEASURED_PLOT_RATIO.name(), Variables.MEASURED_COVERAGE.name(),
          Variables.MEASURED_OFFICE_SHARE.name(), Variables.MEASURED_GREEN_SHARE.name(),
          Variables.MEASURED_INTENSITY.name());
    }
    return Set.of();
  }

  @Override
  public void check(String processDefinitionId, String taskDefinitionKey, TaskVariables variables, String decision,
      FieldErrors errors) {
    if (!ours(processDefinitionId) || !Decision.APPROVE.value().equals(decision)) {
      return;
    }
    if (Elements.CONFIRM_START.equals(taskDefinitionKey)) {
      Object permit = unwrap(variables.get(Variables.PERMIT_NUMBER));
      if (!(permit instanceof String p) || p.isBlank() || p.strip().length() > MAX_PERMIT) {
        errors.add(Variables.PERMIT_NUMBER.name(), "确认开工须填写建筑工程施工许可证编号（permitNumber），不超过 " + MAX_PERMIT
            + " 个字符");
      }
      Object onSite = unwrap(variables.get(Variables.WORK_ON_SITE));
      if (!Boolean.TRUE.equals(onSite) && !"true".equals(onSite)) {
        errors.add(Variables.WORK_ON_SITE.name(), "确认开工须核实已进场施工（workOnSite 为 true）；未进场施工的不予确认开工");
      }
    } else if (Elements.VERIFY_COMPLETION.equals(taskDefinitionKey)) {
      for (Map.Entry<Variable<Object>, Object[]> e : MEASURED.entrySet()) {
        String field = e.getKey().name();
        String label = (String) e.getValue()[0];
        BigDecimal max = (BigDecimal) e.getValue()[1];
        Object raw = variables.get(e.getKey());
        BigDecimal value = decimal(raw);
        if (value == null || value.signum() < 0 || (max != null && value.compareTo(max) > 0)) {
          errors.add(field, "核验竣工须填写" + label + "（" + field + "），为不小于 0" + (max == null ? "" : "、不大于 "
              + max.toPlainString()) + " 的数字");
        }
      }
    }
  }

  /** The text or boolean inside what a request or the engine holds (a JSON variable from the request filter). */
  private static Object unwrap(Object value) {
    if (value instanceof JsonNode n) {
      JsonNode v = n.has("value") ? n.get("value") : n;
      return v.isBoolean() ? (Object) v.asBoolean() : v.isTextual() ? v.asText() : v.isNull() ? null : v.toString();
    }
    return value;
  }

  /** A number as the form, REST or Java sent it (number, text or a JSON variable), or null when it is none. */
  static BigDecimal decimal(Object value) {
    Object v = value;
    if (v instanceof JsonNode n) {
      JsonNode inner = n.has("value") ? n.get("value") : n;
      if (inner.isNumber()) {
        return inner.decimalValue();
      }
      v = inner.isTextual() ? inner.asText() : null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
