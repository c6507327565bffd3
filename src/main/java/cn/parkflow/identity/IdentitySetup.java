package cn.parkflow.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import cn.parkflow.variable.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the departments, their standing authorizations and Tasklist filters on every start (idempotent), and the
 * demo users when {@code parkflow.demo.enabled}. Per-case access (a department sees the cases it has a task in) is
 * granted as tasks are created, by {@link CaseAccessListener}.
 */
@Component
@Order(0)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentitySetup implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
  static final String FILTER_KEY = "parkflowFilter";
  /** Variables Tasklist shows in the task list of every ParkFlow filter. */
  private static final List<Map<String, String>> LIST_VARIABLES = CaseVariables.TASKLIST_COLUMNS.stream()
      .map(c -> Map.of("name", c.variable().name(), "label", c.label())).toList();

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Authorizations authorizations;
  private final EnterpriseAccounts enterpriseAccounts;
  private final IdentityProperties demo;

  public IdentitySetup(IdentityService identityService, FilterService filterService, TaskService taskService,
      Authorizations authorizations, EnterpriseAccounts enterpriseAccounts, IdentityProperties demo) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.enterpriseAccounts = enterpriseAccounts;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Department d : Department.values()) {
      ensureGroup(d.groupId(), d.chineseName());
    }
    for (Department d : Department.taskDepartments()) {
      ensureGroup(d.leadersGroupId(), d.leadersName());
      grantDepartment(d.groupId());
      grantDepartment(d.leadersGroupId());
      ensureFilters(d);
      ensureLeaderFilter(d);
    }
    grantSupervision();
    ensureSupervisionFilters();
    if (demo.enabled()) {
      DemoUser.all().forEach(this::ensureDemoUser);
      log.info("Demo users are present (password from PARKFLOW_DEMO_PASSWORD, default 'demo')");
    }
    grantStaffDirectory();
  }

  private void ensureGroup(String groupId, String name) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
      group.setType("WORKFLOW");
    } else if (name.equals(group.getName())) {
      return;
    }
    group.setName(name);
    identityService.saveGroup(group);
  }

  /** A department's leaders see what waits for their approval (the department's own extensions). */
  private void ensureLeaderFilter(Department d) {
    String g = d.leadersGroupId();
    ensureFilter(g, g + "/open", "待负责人审批", "本部门（" + d.chineseName() + "）待负责人审批的事项（如审查期限延长）", 15,
        "#8250df", taskService.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks());
  }

  /** What every department's clerks may do regardless of case: use Tasklist and Cockpit, read definitions. */
  private void grantDepartment(String groupId) {
    authorizations.grant(groupId, Resources.APPLICATION, "tasklist", ACCESS);
    authorizations.grant(groupId, Resources.APPLICATION, "cockpit", ACCESS);
    authorizations.grant(groupId, Resources.PROCESS_DEFINITION, "*", READ);
    authorizations.grant(groupId, Resources.DECISION_DEFINITION, "*", READ);
    authorizations.grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
  }

  /** Supervisors read everything, change nothing. */
  private void grantSupervision() {
    String g = Department.SUPERVISION.groupId();
    authorizations.grant(g, Resources.APPLICATION, "cockpit", ACCESS);
    authorizations.grant(g, Resources.APPLICATION, "tasklist", ACCESS);
    authorizations.grant(g, Resources.PROCESS_DEFINITION, "*", READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    authorizations.grant(g, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    authorizations.grant(g, Resources.TASK, "*", TaskPermissions.READ);
    authorizations.grant(g, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    authorizations.grant(g, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    authorizations.grant(g, Resources.DECISION_DEFINITION, "*", READ,
        org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY);
    authorizations.grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    authorizations.grant(g, Resources.DEPLOYMENT, "*", READ);
  }

  /**
   * The staff directory as {@link StaffDirectoryAuthorizations} keeps it for new accounts and groups: staff read each
   * staff account and every group but {@code enterprise}, and no longer everyone ({@code *}, as before).
   */
  private void grantStaffDirectory() {
    List<String> staffGroups = identityService.createGroupQuery().list().stream().map(Group::getId)
        .filter(StaffDirectory::isStaffGroup).toList();
    Set<String> staff = new TreeSet<>();
    for (String group : staffGroups) {
      identityService.createUserQuery().memberOfGroup(group).list().forEach(u -> staff.add(u.getId()));
    }
    for (String reader : StaffDirectory.readerGroups()) {
      authorizations.revoke(reader, Resources.USER, "*");
      authorizations.revoke(reader, Resources.GROUP, "*");
      staffGroups.forEach(group -> authorizations.grant(reader, Resources.GROUP, group, READ));
      staff.forEach(user -> authorizations.grant(reader, Resources.USER, user, READ));
    }
  }

  private void ensureFilters(Department d) {
    String g = d.groupId();
    ensureFilter(g, g + "/open", "本部门待办", "本部门（" + d.chineseName() + "）的全部未办结任务", 10, "#1f6feb",
        taskService.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks());
    ensureFilter(g, g + "/mine", "我的任务", "已分配给我的任务", 20, "#2da44e",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(g, g + "/due-soon", "即将到期", "本部门即将到期（黄灯）的任务", 30, "#d4a72c",
        taskService.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks()
            .taskVariableValueEquals(CaseVariables.LIGHT.name(), "yellow"));
    ensureFilter(g, g + "/overdue", "已超期", "本部门已超期（红灯）的任务", 40, "#cf222e",
        taskService.createTaskQuery().taskCandidateGroup(g).includeAssignedTasks().dueBeforeExpression("${now()}"));
  }

  private void ensureSupervisionFilters() {
    String g = Department.SUPERVISION.groupId();
    ensureFilter(g, "supervision/all", "全部待办", "各部门全部未办结任务", 10, "#1f6feb", taskService.createTaskQuery());
    ensureFilter(g, "supervision/due-soon", "即将到期", "各部门即将到期（黄灯）的任务", 30, "#d4a72c",
        taskService.createTaskQuery().taskVariableValueEquals(CaseVariables.LIGHT.name(), "yellow"));
    ensureFilter(g, "supervision/overdue", "已超期", "各部门已超期（红灯）的任务", 40, "#cf222e",
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void ensureFilter(String groupId, String key, String name, String description, int priority, String color,
      TaskQuery query) {
    boolean exists = filterService.createFilterQuery().list().stream()
        .anyMatch(f -> f.getProperties() != null && key.equals(f.getProperties().get(FILTER_KEY)));
    if (exists) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    Map<String, Object> props = new java.util.HashMap<>();
    props.put(FILTER_KEY, key);
    props.put("description", description);
    props.put("priority", priority);
    props.put("color", color);
    props.put("refresh", true);
    props.put("variables", new ArrayList<>(LIST_VARIABLES));
    filter.setProperties(props);
    filterService.saveFilter(filter);
    authorizations.grant(groupId, Resources.FILTER, filter.getId(), READ);
  }

  private void ensureDemoUser(DemoUser u) {
    User user = identityService.createUserQuery().userId(u.id()).singleResult();
    if (user == null) {
      user = identityService.newUser(u.id());
      user.setFirstName(u.firstName());
      user.setLastName(u.lastName());
      user.setEmail(u.email());
      user.setPassword(demo.password());
      identityService.saveUser(user);
    }
    for (String groupId : u.groupIds()) {
      if (identityService.createUserQuery().userId(u.id()).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(u.id(), groupId);
      }
    }
    if (u.creditCode() != null) {
      enterpriseAccounts.bind(u.id(), u.creditCode());
    }
  }
}
