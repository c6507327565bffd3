package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.task.DecisionRules;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Test helpers for project-approval cases: applications, tasks, jobs and the outbox, each case with its own code. */
@Component
public class ProjectCases {
  static final String ENTERPRISE_A = "enterprise-a";
  static final String CREDIT_CODE_A = "91360124MA39PFL7XC";
  static final String CREDIT_CODE_B = "91360124MA3AQ0KD27";

  private final ProjectService projectService;
  private final ProjectRepository projects;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final JdbcTemplate jdbc;
  private final ProjectView view;

  ProjectCases(ProjectService projectService, ProjectRepository projects, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, JdbcTemplate jdbc, ProjectView view) {
    this.view = view;
    this.projectService = projectService;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.jdbc = jdbc;
  }

  /**
   * An application of enterprise A; {@code industryCode}, {@code totalInvestment}, {@code landArea},
   * {@code annualEnergyTce} and {@code hazardousChemicals} decide the reviews.
   */
  public static ProjectApplication application(String industryCode, String totalInvestment, String landArea,
      String annualEnergyTce, boolean hazardous) {
    BigDecimal total = new BigDecimal(totalInvestment);
    return new ProjectApplication("赣江新材料有限公司", CREDIT_CODE_A, "年产五万吨新材料项目 " + UUID.randomUUID()
        .toString().substring(0, 6), industryCode, "进贤县经济开发区光明路 8 号", total, total.multiply(new BigDecimal(
        "0.8")), new BigDecimal(landArea), new BigDecimal(annualEnergyTce), hazardous, new BigDecimal("800"),
        "apply@ganjiang.example.com", "新建生产厂房 2 万平方米，购置生产线 3 条", true, new BigDecimal("120"));
  }

  /** Chemicals (26) with land, energy and hazardous chemicals: filing + four department reviews. */
  static ProjectApplication chemicalPlant() {
    return application("26", "20000", "50", "1500", true);
  }

  /** Electronics (39), small, no land, low energy: filing and EIA registration only, no department review. */
  static ProjectApplication smallElectronics() {
    return application("39", "3000", "0", "100", false);
  }

  String apply(ProjectApplication application) {
    return projectService.apply(application, ENTERPRISE_A);
  }

  Project project(String code) {
    return projects.get(code);
  }

  ProcessInstance instance(String code) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
  }

  String instanceId(String code) {
    return projects.get(code).processInstanceId();
  }

  public List<Task> tasks(String code) {
    return taskService.createTaskQuery().processInstanceId(instanceId(code)).list();
  }

  List<Task> tasks(String code, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId(code)).taskDefinitionKey(taskKey).list();
  }

  Task task(String code, String taskKey) {
    List<Task> tasks = tasks(code, taskKey);
    assertThat(tasks).as("open %s tasks of %s", taskKey, code).hasSize(1);
    return tasks.get(0);
  }

  /** The open department review of {@code department}. */
  Task review(String code, String department) {
    return tasks(code, ProjectApprovalProcess.Elements.DEPARTMENT_REVIEW).stream()
        .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> department.equals(l.getGroupId())))
        .findFirst().orElseThrow(() -> new AssertionError("no open review of " + department + " in " + code));
  }

  /** The open department review named like {@code nameContains}. */
  Task reviewNamed(String code, String nameContains) {
    return tasks(code, ProjectApprovalProcess.Elements.DEPARTMENT_REVIEW).stream()
        .filter(t -> t.getName().contains(nameContains)).findFirst()
        .orElseThrow(() -> new AssertionError("no open review named " + nameContains + " in " + code));
  }

  void complete(Task task, String decision, String opinion, String missingItems) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(DecisionRules.DECISION, decision);
    if (opinion != null) {
      vars.put(DecisionRules.OPINION, opinion);
    }
    if (missingItems != null) {
      vars.put(DecisionRules.MISSING_ITEMS, missingItems);
    }
    taskService.complete(task.getId(), vars);
  }

  /** 不予受理 at intake on an Art. 32 ground ({@code competentAuthority} only for {@code outside-competence}). */
  void refuseIntake(Task task, String opinion, String ground, String competentAuthority) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(DecisionRules.DECISION, DecisionRules.REJECT);
    vars.put(DecisionRules.OPINION, opinion);
    vars.put("refusalGround", ground);
    if (competentAuthority != null) {
      vars.put("competentAuthority", competentAuthority);
    }
    taskService.complete(task.getId(), vars);
  }

  public void approve(Task task) {
    complete(task, DecisionRules.APPROVE, "符合要求，同意。", null);
  }

  /** Runs every job of the case that is due now (asynchronous steps, and timers once the clock has passed them). */
  public void executeJobs(String code) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId(code)).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new AssertionError("jobs of " + code + " do not settle");
  }

  /** The timer at {@code activityId}: fired by hand, as if its time had come. */
  void fireTimer(String code, String activityId) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(instanceId(code)).timers()
        .activityId(activityId).list();
    assertThat(timers).as("timers at %s", activityId).isNotEmpty();
    timers.forEach(j -> managementService.executeJob(j.getId()));
  }

  Job timer(String code, String activityId) {
    return managementService.createJobQuery().processInstanceId(instanceId(code)).timers().activityId(activityId)
        .singleResult();
  }

  /** Subjects of the case's outgoing mail, oldest first. */
  List<String> subjects(String code) {
    return jdbc.queryForList("select subject from pf_outbox where case_code = ? order by id", String.class, code);
  }

  /** Bodies of the case's outgoing mail whose subject starts with {@code subjectPrefix}, one per message. */
  List<String> bodies(String code, String subjectPrefix) {
    return jdbc.queryForList("select body from pf_outbox where case_code = ? and subject like ?",
        String.class, code, subjectPrefix + "%");
  }

  public ProjectView.CaseView view(String code) {
    return view.of(projects.get(code));
  }

  List<String> recipients(String code, String subjectContains) {
    return jdbc.queryForList("select recipient from pf_outbox where case_code = ? and subject like ? order by id",
        String.class, code, "%" + subjectContains + "%");
  }

  Object variable(String code, String name) {
    return runtimeService.getVariable(instanceId(code), name);
  }
}
