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
  /** Process variables that name the case; every ParkFlow process sets them at start. */
  private static final String UNKNOWN = "—";

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
    String instanceId = task.getProcessInstanceId();
    Map<String, Object> variables = runtimeService.getVariables(instanceId,
        List.of(CaseVariables.CASE_CODE.name(), CaseVariables.ENTERPRISE_NAME.name()));
    String caseCode = text(CaseVariables.CASE_CODE.from(variables));
    if (caseCode == null) {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult();
      caseCode = instance != null && StringUtils.hasText(instance.getBusinessKey())
          ? instance.getBusinessKey() : instanceId;
    }
    String enterprise = Objects.requireNonNullElse(text(CaseVariables.ENTERPRISE_NAME.from(variables)), UNKNOWN);
    String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    List<String> groups = candidateGroups(task.getId());
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
    model.put("handler", task.getAssignee() != null ? displayName(task.getAssignee())
        : "待认领（" + department + "）");
    model.put("taskLink", taskLink(task.getId()));
    return new Facts(caseCode, processKey, instanceId, task.getTaskDefinitionKey(), taskName,
        groups.isEmpty() ? null : groups.get(0), Map.copyOf(model));
  }

  /**
   * Who works the task: its assignee, or while it is unclaimed every candidate user and every member of its
   * candidate groups. E-mail addresses, sorted; people without one are left out.
   */
  public List<String> handlerEmails(Task task) {
    if (task.getAssignee() != null) {
      return emailsOf(List.of(task.getAssignee()));
    }
    TreeSet<String> emails = new TreeSet<>();
    List<String> users = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        emails.addAll(groupEmails(link.getGroupId()));
      }
    }
    emails.addAll(emailsOf(users));
    return List.copyOf(emails);
  }

  /** The e-mail addresses of a group's members, sorted. */
  public List<String> groupEmails(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(StringUtils::hasText).map(String::trim).distinct().sorted().toList();
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

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
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
