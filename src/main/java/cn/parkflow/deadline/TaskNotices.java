package cn.parkflow.deadline;

import cn.parkflow.identity.Department;
import cn.parkflow.time.Beijing;
import cn.parkflow.variable.CaseVariables;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What an e-mail about an open user task says, and whom it reaches. Reminders, escalations and urging (催办) all name
 * the case the same way: case code, enterprise, the task, the department, the due date in Beijing time, the light,
 * and a link that opens the task in Tasklist.
 */
@Component
public class TaskNotices {
  /** Dates in notices: {@code 2026年12月3日 17:30}, Beijing time. */
  public static final DateTimeFormatter DATE_TIME = Beijing.DATE_TIME;
  private static final String UNKNOWN = "—";
  /** Process variables that name the case; every ParkFlow process sets them at start. */
  private static final List<String> CASE_VARIABLES =
      List.of(CaseVariables.CASE_CODE.name(), CaseVariables.ENTERPRISE_NAME.name());

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final String baseUrl;

  public TaskNotices(ProcessEngine engine, @Value("${parkflow.base-url:http://localhost:8080}") String baseUrl) {
    this.taskService = engine.getTaskService();
    this.runtimeService = engine.getRuntimeService();
    this.repositoryService = engine.getRepositoryService();
    this.identityService = engine.getIdentityService();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The facts about a task that a notice states, and the mail model with them: {@code caseCode},
   * {@code enterpriseName}, {@code taskName}, {@code department}, {@code dueText}, {@code lightText},
   * {@code handler}, {@code taskLink}.
   *
   * @param caseCode        the project or parcel code (process variable {@code caseCode}, else the business key)
   * @param departmentGroup the first candidate group of the task (null when it has none)
   */
  public record Facts(String caseCode, String processKey, String processInstanceId, String taskKey,
      String taskName, String departmentGroup, Map<String, Object> model) {

    /** A copy of the model with more values, for one kind of notice. */
    public Map<String, Object> modelWith(Map<String, ?> more) {
      Map<String, Object> all = new HashMap<>(model);
      all.putAll(more);
      return all;
    }
  }

  public Facts facts(Task task, Light light) {
    return lookups().facts(task, light);
  }

  /**
   * Who works the task: its assignee, or while it is unclaimed every candidate user and every member of its
   * candidate groups. E-mail addresses, sorted; people without one are left out.
   */
  public List<String> handlerEmails(Task task) {
    return lookups().handlerEmails(task);
  }

  /** The e-mail addresses of a group's members, sorted. */
  public List<String> groupEmails(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(StringUtils::hasText).map(String::trim).distinct().sorted().toList();
  }

  /**
   * Look-ups for many tasks in a row (one reminder scan): the same answers as {@link #facts} and
   * {@link #handlerEmails}, with each group's and user's e-mails, names and process keys read once, each task's
   * candidate links read once, and the case variables of many process instances read in one query
   * ({@link Lookups#readCaseVariables}). Changes made while it is in use (a new group member, a reassignment) are seen
   * by the next {@code Lookups}; use one per scan, not longer.
   */
  public Lookups lookups() {
    return new Lookups();
  }

  /** See {@link #lookups()}. Not thread-safe. */
  public final class Lookups {
    private final Map<String, List<String>> groupEmails = new HashMap<>();
    private final Map<String, List<String>> userEmails = new HashMap<>();
    private final Map<String, String> displayNames = new HashMap<>();
    private final Map<String, String> processKeys = new HashMap<>();
    private final Map<String, List<IdentityLink>> candidateLinks = new HashMap<>();
    private final Map<String, Map<String, Object>> caseVariables = new HashMap<>();

    private Lookups() {}

    /** Forgets what was read about tasks and cases (links, case variables), keeps people and process keys. */
    public void forgetTasks() {
      candidateLinks.clear();
      caseVariables.clear();
    }

    /** {@link TaskNotices#handlerEmails}. */
    public List<String> handlerEmails(Task task) {
      if (task.getAssignee() != null) {
        return userEmails.computeIfAbsent(task.getAssignee(), id -> emailsOf(List.of(id)));
      }
      TreeSet<String> emails = new TreeSet<>();
      List<String> users = new ArrayList<>();
      for (IdentityLink link : candidateLinks(task.getId())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          emails.addAll(groupEmails(link.getGroupId()));
        }
      }
      users.forEach(user -> emails.addAll(userEmails.computeIfAbsent(user, id -> emailsOf(List.of(id)))));
      return List.copyOf(emails);
    }

    /** {@link TaskNotices#groupEmails}. */
    public List<String> groupEmails(String groupId) {
      return groupEmails.computeIfAbsent(groupId, TaskNotices.this::groupEmails);
    }

    /**
     * Reads the variables that name the case ({@code caseCode}, {@code enterpriseName}) of these process instances
     * in one query, for the next {@link #facts} calls.
     */
    public void readCaseVariables(Collection<String> processInstanceIds) {
      List<String> missing = processInstanceIds.stream().filter(Objects::nonNull)
          .filter(id -> !caseVariables.containsKey(id)).distinct().toList();
      if (missing.isEmpty()) {
        return;
      }
      missing.forEach(id -> caseVariables.put(id, new HashMap<>()));
      runtimeService.createVariableInstanceQuery().processInstanceIdIn(missing.toArray(String[]::new))
          .variableNameIn(CASE_VARIABLES.toArray(String[]::new)).disableBinaryFetching()
          .disableCustomObjectDeserialization().list().stream()
          // the instance's own scope: not a task's or a child execution's local variable of the same name
          .filter(v -> v.getTaskId() == null && v.getProcessInstanceId().equals(v.getExecutionId()))
          .forEach(v -> caseVariables.get(v.getProcessInstanceId()).put(v.getName(), v.getValue()));
    }

    /** {@link TaskNotices#facts}. */
    public Facts facts(Task task, Light light) {
      String instanceId = task.getProcessInstanceId();
      Map<String, Object> variables = caseVariables.containsKey(instanceId) ? caseVariables.get(instanceId)
          : runtimeService.getVariables(instanceId, CASE_VARIABLES);
      String caseCode = text(CaseVariables.CASE_CODE.from(variables));
      if (caseCode == null) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
            .singleResult();
        caseCode = instance != null && StringUtils.hasText(instance.getBusinessKey())
            ? instance.getBusinessKey() : instanceId;
      }
      String enterprise = Objects.requireNonNullElse(text(CaseVariables.ENTERPRISE_NAME.from(variables)), UNKNOWN);
      String processKey = processKeys.computeIfAbsent(task.getProcessDefinitionId(),
          id -> repositoryService.getProcessDefinition(id).getKey());
      List<String> groups = candidateLinks(task.getId()).stream().map(IdentityLink::getGroupId)
          .filter(Objects::nonNull).distinct().toList();
      String department = groups.isEmpty() ? UNKNOWN
          : String.join("、", groups.stream().map(Department::nameOf).toList());
      String taskName = StringUtils.hasText(task.getName()) ? task.getName() : task.getTaskDefinitionKey();

      Map<String, Object> model = new HashMap<>();
      model.put(CaseVariables.CASE_CODE.name(), caseCode);
      model.put(CaseVariables.ENTERPRISE_NAME.name(), enterprise);
      model.put("taskName", taskName);
      model.put("department", department);
      model.put("dueText", task.getDueDate() == null ? "未设时限" : format(task.getDueDate().toInstant()));
      model.put("lightText", light.chineseName());
      model.put("handler", task.getAssignee() != null
          ? displayNames.computeIfAbsent(task.getAssignee(), TaskNotices.this::displayName)
          : "待认领（" + department + "）");
      model.put("taskLink", taskLink(task.getId()));
      return new Facts(caseCode, processKey, instanceId, task.getTaskDefinitionKey(), taskName,
          groups.isEmpty() ? null : groups.get(0), Map.copyOf(model));
    }

    /** The task's candidate links (users and groups), in the engine's order. */
    private List<IdentityLink> candidateLinks(String taskId) {
      return candidateLinks.computeIfAbsent(taskId, id -> taskService.getIdentityLinksForTask(id).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList());
    }
  }

  /** A user's name as staff know it ({@code 发改局 李娜}), or the id when the user is unknown. */
  public String displayName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
        .filter(StringUtils::hasText).toList());
    return name.isEmpty() ? userId : name;
  }

  /** The task in Tasklist. */
  public String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }

  private List<String> emailsOf(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
        .map(User::getEmail).filter(StringUtils::hasText).map(String::trim).distinct().sorted().toList();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
