package cn.parkflow.task;

import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The contract's rules for completing a review or decision task: {@code decision} is one of the values the task allows
 * (its {@code decisions} extension property, default approve/return/reject); {@code opinion} is required for anything
 * but approval; {@code missingItems} is required for {@code return}. All three are text, the opinion at most
 * {@value #MAX_OPINION} characters and the missing items at most {@value #MAX_MISSING_ITEMS} (the engine keeps a text
 * variable in a 4,000-character column). A user task without the property is not a decision task.
 */
@Component
public class DecisionRules {
  public static final String PROPERTY = "decisions";
  public static final String DECISION = "decision";
  public static final String OPINION = "opinion";
  public static final String MISSING_ITEMS = "missingItems";
  public static final String APPROVE = Decision.APPROVE.value();
  public static final String RETURN = Decision.RETURN.value();
  public static final String REJECT = Decision.REJECT.value();
  public static final int MAX_OPINION = 2000;
  public static final int MAX_MISSING_ITEMS = 4000;
  /** The variables a decision task is completed with. */
  /** The decision as a form sent it: any type, which {@link #check} refuses unless it is text. */
  public static final Variable<Object> DECISION_VALUE = Variable.any(DECISION);
  public static final Variable<Object> OPINION_VALUE = Variable.any(OPINION);
  public static final Variable<Object> MISSING_ITEMS_VALUE = Variable.any(MISSING_ITEMS);
  public static final java.util.Set<String> VARIABLES = java.util.Set.of(DECISION, OPINION, MISSING_ITEMS);


  private final RepositoryService repositoryService;
  private final ObjectProvider<DecisionConstraint> constraints;
  private final Map<String, List<String>> allowedByTask = new ConcurrentHashMap<>();

  public DecisionRules(RepositoryService repositoryService, ObjectProvider<DecisionConstraint> constraints) {
    this.repositoryService = repositoryService;
    this.constraints = constraints;
  }

  /** The variables a task takes besides {@link #VARIABLES}, as its process's constraints declare them. */
  public java.util.Set<String> extraVariables(String processDefinitionId, String taskDefinitionKey) {
    java.util.Set<String> extra = new java.util.TreeSet<>();
    constraints.orderedStream().forEach(c -> extra.addAll(c.variables(processDefinitionId, taskDefinitionKey)));
    return extra;
  }

  /**
   * The form rules ({@link #check}) and, when they hold, every process's {@link DecisionConstraint} for this task.
   */
  public FieldErrors check(String processDefinitionId, String taskDefinitionKey, List<String> allowed,
      DecisionConstraint.TaskVariables variables, Object decision, Object opinion, Object missingItems) {
    FieldErrors errors = check(allowed, decision, opinion, missingItems);
    if (errors.isEmpty() && decision instanceof String d) {
      constraints.orderedStream().forEach(c -> c.check(processDefinitionId, taskDefinitionKey, variables, d.trim(),
          errors));
    }
    return errors;
  }

  /** The decisions a task allows, or an empty list when it is not a decision task. */
  public List<String> allowedDecisions(String processDefinitionId, String taskDefinitionKey) {
    return allowedByTask.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey, k -> {
      UserTask task = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
      return task == null ? List.of() : allowedDecisions(task);
    });
  }

  public static List<String> allowedDecisions(UserTask task) {
    ExtensionElements ext = task.getExtensionElements();
    if (ext == null) {
      return List.of();
    }
    return ext.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(StringUtils::hasText).toList())
        .orElse(List.of());
  }

  /**
   * Every broken rule, each naming its field in Chinese. A value that is not a {@link String} (a number, a boolean, a
   * JSON object, or text sent with another type) is refused as not being text.
   */
  public FieldErrors check(List<String> allowed, Object decision, Object opinion, Object missingItems) {
    FieldErrors errors = new FieldErrors();
    String d = decision instanceof String s ? s.trim() : null;
    if (decision != null && d == null) {
      errors.add(DECISION, "办理结论（decision）必须是文字（String），可选：" + labels(allowed));
    } else if (!StringUtils.hasText(d)) {
      errors.add(DECISION, "请选择办理结论（decision），可选：" + labels(allowed));
    } else if (!allowed.contains(d)) {
      errors.add(DECISION, "办理结论（decision）“" + shortened(d) + "”不适用于此任务，可选：" + labels(allowed));
    }
    boolean opinionIsText = text(errors, OPINION, "意见（opinion）", opinion, MAX_OPINION);
    if (opinionIsText && d != null && !APPROVE.equals(d) && !(opinion instanceof String o && StringUtils.hasText(o))) {
      errors.add(OPINION, "选择“" + Decision.of(d).map(Decision::label).orElse(shortened(d)) + "”时必须填写意见（opinion），写明理由");
    }
    boolean itemsAreText = text(errors, MISSING_ITEMS, "需补正的材料（missingItems）", missingItems, MAX_MISSING_ITEMS);
    if (itemsAreText && RETURN.equals(d) && !(missingItems instanceof String m && StringUtils.hasText(m))) {
      errors.add(MISSING_ITEMS, "退回补正时必须逐行列明需补正的材料（missingItems，一次性告知）");
    }
    return errors;
  }

  /** Whether {@code value} is absent or text within {@code max} characters; otherwise the error is added. */
  private static boolean text(FieldErrors errors, String field, String label, Object value, int max) {
    if (value == null) {
      return true;
    }
    if (!(value instanceof String s)) {
      errors.add(field, label + "必须是文字（String）");
      return false;
    }
    int length = s.codePointCount(0, s.length());
    if (length > max) {
      errors.add(field, label + "不得超过 " + max + " 个字（当前 " + length + " 个）");
      return false;
    }
    return true;
  }

  /** A value echoed in a message, cut so a huge value does not make a huge answer. */
  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String labels(List<String> allowed) {
    return String.join("、", allowed.stream().map(a -> Decision.of(a).map(x -> x.label() + "（" + a + "）").orElse(a)).toList());
  }
}
