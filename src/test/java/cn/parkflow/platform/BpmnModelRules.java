package cn.parkflow.platform;

import cn.parkflow.identity.Department;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.DataAssociation;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The house rules for ParkFlow's BPMN models (see {@code shared/STYLE.md}), as a checker that answers every broken
 * rule as {@code "<file>: <element id>: <what is wrong>"}, so a failing test names the file and the element.
 *
 * <p>Ids are checked on what a modeller sees and can rename in Camunda Modeler: flow elements, artifacts, lanes,
 * participants, processes, collaborations, message flows, data associations and the root elements message, error,
 * signal and escalation. Event definitions, lane sets, {@code bpmn:property} placeholders and diagram elements keep
 * the ids the Modeler gives them, because it offers no way to rename them.
 */
final class BpmnModelRules {
  static final List<String> PREFIXES = List.of("userTask_", "serviceTask_", "businessRuleTask_", "sendTask_",
      "receiveTask_", "scriptTask_", "callActivity_", "subProcess_", "eventSubProcess_", "gateway_", "timer_",
      "event_", "start_", "end_", "message_", "error_", "signal_", "escalation_", "flow_", "boundary_", "lane_",
      "participant_", "process_", "collaboration_", "dataObject_", "textAnnotation_", "association_");

  private static final List<String> EVENT_PREFIXES =
      List.of("event_", "start_", "end_", "timer_", "message_", "error_", "signal_", "escalation_", "boundary_");

  /** A process id may be its key itself: lower-case words joined by '-', as in the contract. */
  private static final Pattern PROCESS_KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** What follows the prefix: a readable camelCase name. */
  private static final Pattern READABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** Camunda Modeler's random suffix: seven lower-case letters and digits, at least one digit. */
  private static final Pattern GENERATED = Pattern.compile("(?=[a-z]*[0-9])[0-9a-z]{7}");
  private static final Pattern EXPRESSION = Pattern.compile("\\s*[$#]\\{.*}\\s*", Pattern.DOTALL);

  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  static final String EFFECT = "effect";
  static final String OUTSIDE = "outside";
  private static final String BPMN = BpmnModelConstants.BPMN20_NS;

  private final String file;
  private final BpmnModelInstance model;
  private final Set<String> formIds;
  private final List<String> violations = new ArrayList<>();

  private BpmnModelRules(String file, BpmnModelInstance model, Set<String> formIds) {
    this.file = file;
    this.model = model;
    this.formIds = formIds;
  }

  /**
   * Every broken rule in {@code model}.
   *
   * @param file    the model's file name, for the messages
   * @param formIds the {@code id}s of the Camunda forms under {@code bpmn/forms/}
   */
  static List<String> check(String file, BpmnModelInstance model, Set<String> formIds) {
    BpmnModelRules rules = new BpmnModelRules(file, model, formIds);
    rules.checkIds();
    rules.checkProcesses();
    rules.checkNames();
    rules.checkUserTasks();
    rules.checkServiceAndSendTasks();
    rules.checkNoClassesOrScripts(model.getDocument().getRootElement());
    return List.copyOf(rules.violations);
  }

  private void violation(String elementId, String message) {
    violations.add(file + ": " + (elementId == null ? "(no id)" : elementId) + ": " + message);
  }

  // --- ids -----------------------------------------------------------------------------------------------------

  private void checkIds() {
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      List<String> allowed = prefixesFor(element);
      String id = element.getId();
      if (allowed == null || id == null) {
        continue;
      }
      if (element instanceof Process && PROCESS_KEY.matcher(id).matches()) {
        continue;
      }
      String prefix = allowed.stream().filter(id::startsWith).findFirst().orElse(null);
      if (prefix == null) {
        violation(id, "id must start with " + String.join(" or ", allowed) + " (a readable, type-prefixed id"
            + (element instanceof Process ? ", or the process key itself" : "") + ")");
        continue;
      }
      String rest = id.substring(prefix.length());
      if (!READABLE.matcher(rest).matches() || GENERATED.matcher(rest).matches()) {
        violation(id, "id looks generated or unreadable: after '" + prefix + "' name what the element is, in"
            + " camelCase (e.g. " + prefix + "intakeReview)");
      }
    }
  }

  /** The prefixes an element's id may take, or {@code null} when its id is not checked. */
  private static List<String> prefixesFor(BaseElement element) {
    if (element instanceof UserTask) {
      return List.of("userTask_");
    } else if (element instanceof ServiceTask) {
      return List.of("serviceTask_");
    } else if (element instanceof BusinessRuleTask) {
      return List.of("businessRuleTask_");
    } else if (element instanceof SendTask) {
      return List.of("sendTask_");
    } else if (element instanceof ReceiveTask) {
      return List.of("receiveTask_");
    } else if (element instanceof ScriptTask) {
      return List.of("scriptTask_");
    } else if (element instanceof CallActivity) {
      return List.of("callActivity_");
    } else if (element instanceof SubProcess sub) {
      return List.of(sub.triggeredByEvent() ? "eventSubProcess_" : "subProcess_");
    } else if (element instanceof Gateway) {
      return List.of("gateway_");
    } else if (element instanceof Event) {
      return EVENT_PREFIXES;
    } else if (element instanceof SequenceFlow) {
      return List.of("flow_");
    } else if (element instanceof MessageFlow) {
      return List.of("flow_", "message_");
    } else if (element instanceof DataObject || element instanceof DataObjectReference) {
      return List.of("dataObject_");
    } else if (element instanceof TextAnnotation) {
      return List.of("textAnnotation_");
    } else if (element instanceof Association || element instanceof DataAssociation) {
      return List.of("association_");
    } else if (element instanceof Lane) {
      return List.of("lane_");
    } else if (element instanceof Participant) {
      return List.of("participant_");
    } else if (element instanceof Process) {
      return List.of("process_");
    } else if (element instanceof Collaboration) {
      return List.of("collaboration_");
    } else if (element instanceof Message) {
      return List.of("message_");
    } else if (element instanceof org.camunda.bpm.model.bpmn.instance.Error) {
      return List.of("error_");
    } else if (element instanceof Signal) {
      return List.of("signal_");
    } else if (element instanceof Escalation) {
      return List.of("escalation_");
    } else if (element instanceof FlowElement || element instanceof Artifact) {
      return PREFIXES;
    }
    return null;
  }

  // --- processes and names -------------------------------------------------------------------------------------

  private void checkProcesses() {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        violation(process.getId(), "executable process has no camunda:historyTimeToLive");
      }
      if (isBlank(process.getName())) {
        violation(process.getId(), "process has no name");
      }
    }
  }

  private void checkNames() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (isBlank(node.getName())) {
        violation(node.getId(), node.getElementType().getTypeName() + " has no name");
      }
    }
  }

  // --- user tasks ----------------------------------------------------------------------------------------------

  private void checkUserTasks() {
    Set<String> groups = Arrays.stream(Department.values()).map(Department::groupId)
        .collect(Collectors.toSet());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      String candidates = task.getCamundaCandidateGroups();
      if (isBlank(candidates)) {
        violation(id, "user task has no camunda:candidateGroups");
      } else if (!EXPRESSION.matcher(candidates).matches()) {
        for (String group : candidates.split(",")) {
          String g = group.trim();
          if (!groups.contains(g) && !EXPRESSION.matcher(g).matches()) {
            violation(id, "candidate group '" + g + "' is not a department of the contract (Department group ids)"
                + " nor an expression ${...}");
          }
        }
      }
      if (isBlank(task.getCamundaDueDate())) {
        violation(id, "user task has no camunda:dueDate");
      }
      String documentation = task.getDocumentations().stream().map(d -> d.getTextContent()).reduce("", String::concat);
      if (!documentation.contains("依据") || !documentation.contains("时限")) {
        violation(id, "user task documentation must name its legal basis (依据：…) and its time limit (时限：…);"
            + " a local default says that it is local");
      }
      String formRef = task.getCamundaFormRef();
      if (isBlank(formRef) && isBlank(task.getCamundaFormKey())) {
        violation(id, "user task has no form (camunda:formRef or camunda:formKey)");
      } else if (!isBlank(formRef) && !EXPRESSION.matcher(formRef).matches() && !formIds.contains(formRef)) {
        violation(id, "camunda:formRef '" + formRef + "' names no form under bpmn/forms/ (matched on the form's"
            + " \"id\")");
      }
    }
  }

  // --- service and send tasks ----------------------------------------------------------------------------------

  /**
   * Service and send tasks call a {@code @Component} bean through {@code camunda:delegateExpression}. A plain
   * {@code camunda:expression} is refused too: it lets a model call any method of any bean with any arguments,
   * which moves logic into the diagram and past the one-use-case-per-delegate shape.
   */
  private void checkServiceAndSendTasks() {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegate(task.getId(), "service task", task.getCamundaDelegateExpression(), task.getCamundaExpression(),
          task.getCamundaType());
      checkOutsideEffect(task);
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegate(task.getId(), "send task", task.getCamundaDelegateExpression(), task.getCamundaExpression(),
          task.getCamundaType());
    }
  }

  /**
   * A service task with an effect outside the engine's transaction (mail sent directly, a document, another process)
   * declares it ({@code camunda:property name="effect" value="outside"}) and is {@code asyncBefore} with a retry
   * cycle, so a failure becomes an incident instead of a rolled-back user action; a task without one is not
   * {@code asyncBefore} (the outbox makes notices transactional, ADR 0004).
   */
  private void checkOutsideEffect(ServiceTask task) {
    boolean outside = task.getExtensionElements() != null && task.getExtensionElements()
        .getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .anyMatch(p -> EFFECT.equals(p.getCamundaName()) && OUTSIDE.equals(p.getCamundaValue()));
    String retry = task.getExtensionElements() == null ? null : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream().map(c -> c.getTextContent())
        .findFirst().orElse(null);
    if (outside && (!task.isCamundaAsyncBefore() || isBlank(retry))) {
      violation(task.getId(), "service task with an outside effect must be camunda:asyncBefore with a"
          + " camunda:failedJobRetryTimeCycle");
    } else if (!outside && task.isCamundaAsyncBefore()) {
      violation(task.getId(), "service task is camunda:asyncBefore but declares no outside effect"
          + " (camunda:property name=\"effect\" value=\"outside\")");
    }
  }

  private void checkDelegate(String id, String kind, String delegateExpression, String expression, String type) {
    if (!isBlank(expression)) {
      violation(id, kind + " uses camunda:expression; call a @Component delegate with camunda:delegateExpression");
    } else if (!isBlank(type)) {
      violation(id, kind + " uses camunda:type=\"" + type + "\"; use camunda:delegateExpression");
    } else if (isBlank(delegateExpression)) {
      violation(id, kind + " has no camunda:delegateExpression");
    }
  }

  // --- anywhere: no Java classes named in the model, no scripts ------------------------------------------------

  private void checkNoClassesOrScripts(DomElement element) {
    String name = element.getLocalName();
    String ns = element.getNamespaceURI();
    String className = element.getAttribute(CAMUNDA, "class");
    if (!isBlank(className)) {
      violation(owner(element), describe(element) + " names a Java class (camunda:class=\"" + className + "\");"
          + " use camunda:delegateExpression with a @Component bean");
    }
    if (BPMN.equals(ns) && "scriptTask".equals(name)) {
      violation(owner(element), "script task: scripts are not allowed; use a service task with a delegate");
    } else if (CAMUNDA.equals(ns) && "script".equals(name)) {
      violation(owner(element), describe(element.getParentElement()) + " contains a script (camunda:script);"
          + " scripts are not allowed");
    } else if (BPMN.equals(ns) && ("conditionExpression".equals(name) || "condition".equals(name))
        && !isBlank(element.getAttribute("language"))) {
      violation(owner(element), "condition written as a script (language=\"" + element.getAttribute("language")
          + "\"); use an expression ${...}");
    }
    for (DomElement child : element.getChildElements()) {
      checkNoClassesOrScripts(child);
    }
  }

  /**
   * The id of the nearest element, the element itself or an ancestor, whose id is one a modeller sees (a flow
   * element rather than its condition expression or event definition); any id when there is none.
   */
  private String owner(DomElement element) {
    String anyId = null;
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttribute("id");
      if (isBlank(id)) {
        continue;
      }
      if (model.getModelElementById(id) instanceof BaseElement base && prefixesFor(base) != null) {
        return id;
      }
      anyId = anyId == null ? id : anyId;
    }
    return anyId;
  }

  private static String describe(DomElement element) {
    if (element == null) {
      return "element";
    }
    String prefix = CAMUNDA.equals(element.getNamespaceURI()) ? "camunda:" : "";
    return prefix + element.getLocalName();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
