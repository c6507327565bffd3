package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.*;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Messages;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.task.Decision;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The applicant's use cases: apply, supply what is missing, withdraw. The engine calls made here join the caller's
 * transaction, together with the case's own tables.
 */
@Service
public class ProjectService {
  private static final int MAX_CODE_ATTEMPTS = 50;
  /** The engine's id suffix of a multi-instance activity's body. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  /** The actor of steps no person takes (filings recorded by the routing table). */
  static final String SYSTEM = "system";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ProjectRepository projects;
  private final ProjectCodes codes;
  private final CaseRecord caseRecord;
  private final ApplicationValidator validator;
  private final EnterpriseAccounts enterpriseAccounts;
  private final ProjectNotices notices;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final ReviewResults reviewResults;
  private final ApplicationEventPublisher events;
  private final ReviewRouting routing;
  private final DecisionService decisionService;

  public ProjectService(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      ProjectRepository projects, ProjectCodes codes, CaseRecord caseRecord, ApplicationValidator validator,
      EnterpriseAccounts enterpriseAccounts, ProjectNotices notices, Deadlines deadlines, EngineClock clock,
      ReviewResults reviewResults, ApplicationEventPublisher events, ReviewRouting routing,
      DecisionService decisionService) {
    this.routing = routing;
    this.decisionService = decisionService;
    this.reviewResults = reviewResults;
    this.events = events;
    this.notices = notices;
    this.deadlines = deadlines;
    this.clock = clock;
    this.validator = validator;
    this.enterpriseAccounts = enterpriseAccounts;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.projects = projects;
    this.codes = codes;
    this.caseRecord = caseRecord;
  }

  /**
   * Starts a case from the API: the application (already checked) is stored with its project code first, then the
   * process starts with that code; the model's registration step only links the instance ({@link #registered}).
   *
   * @return the new project code
   */
  @Transactional
  public String apply(ProjectApplication application, String applicant) {
    return apply(application, applicant, null);
  }

  /**
   * As {@link #apply(ProjectApplication, String)}, with the code from the national online platform when the
   * application carries one ({@code parkflow.project-code.source=national}); a code that already has a case is refused.
   */
  @Transactional
  public String apply(ProjectApplication application, String applicant, String nationalCode) {
    return apply(application, applicant, nationalCode, null);
  }

  /** As {@link #apply(ProjectApplication, String, String)}, linked to its admission case when it names one. */
  @Transactional
  public String apply(ProjectApplication application, String applicant, String nationalCode, String admissionNumber) {
    String code = nationalCode == null ? freeCode() : unused(nationalCode);
    try {
      projects.insert(code, null, application, applicant);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new CaseStateException(taken(code));
    }
    projects.linkAdmission(code, admissionNumber);
    runtimeService.createProcessInstanceByKey(ProjectApprovalProcess.KEY).businessKey(code)
        .setVariables(caseVariables(code, application, applicant)).execute();
    return code;
  }

  /** An application the API stored before its start is linked to its process instance (登记申请). */
  @Transactional
  public void registered(String projectCode, String applicant, String processInstanceId) {
    projects.linkInstance(projectCode, processInstanceId);
    recordReceived(projectCode, applicant, processInstanceId);
  }

  /**
   * An application from Tasklist's start form (登记申请): checked with the API's rules (a refused one starts nothing:
   * the {@link NotValidException} names every invalid field in Chinese), stored with a new project code.
   *
   * @return the process variables the case keeps, with its code
   */
  @Transactional
  public Map<String, Object> registerStartForm(Map<String, Object> startForm, String applicant,
      String processInstanceId) {
    String ownCreditCode = enterpriseAccounts.creditCodeOf(applicant).orElse(null);
    FieldErrors errors = new FieldErrors();
    com.fasterxml.jackson.databind.JsonNode form = validator.fromVariables(startForm);
    String nationalCode = validator.nationalProjectCode(form, errors);
    String admissionNumber = validator.admissionNumber(form, ownCreditCode, errors);
    ProjectApplication application = validator.validate(form, ownCreditCode, errors);
    if (application == null || !errors.isEmpty()) {
      throw new NotValidException("申请有误，未启动案件：" + errors.list().stream().map(FieldError::message)
          .collect(Collectors.joining("；")));
    }
    String code = nationalCode == null ? freeCode() : unused(nationalCode);
    projects.insert(code, processInstanceId, application, applicant);
    projects.linkAdmission(code, admissionNumber);
    recordReceived(code, applicant, processInstanceId);
    return caseVariables(code, application, applicant);
  }

  private static Map<String, Object> caseVariables(String code, ProjectApplication application, String applicant) {
    Map<String, Object> variables = new LinkedHashMap<>(application.keptVariables());
    PROJECT_CODE.put(variables, code);
    CASE_CODE.put(variables, code);
    APPLICANT.put(variables, applicant);
    return variables;
  }

  private String unused(String nationalCode) {
    if (projects.exists(nationalCode)) {
      throw new CaseStateException(taken(nationalCode));
    }
    return nationalCode;
  }

  private static String taken(String code) {
    return "项目代码 " + code + " 已有申报案件，不能重复申报；请查询该案件或在全国投资项目在线审批监管平台核对项目代码";
  }

  private String freeCode() {
    for (int i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      String code = codes.next();
      if (!projects.exists(code)) {
        return code;
      }
    }
    throw new IllegalStateException("No free project code after " + MAX_CODE_ATTEMPTS + " attempts");
  }

  private void recordReceived(String code, String applicant, String processInstanceId) {
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED)
        .by(applicant, null)
        .detail("收到投资项目申请，赋项目代码 " + code + "；状态：" + ProjectStatus.ACCEPTING.label()));
  }

  /** The steps waiting for the applicant's supplement: the intake or department reviews that returned the case. */
  public List<Execution> waitingForSupplement(Project project) {
    if (project.processInstanceId() == null) {
      return List.of();
    }
    List<Execution> waiting = new ArrayList<>(runtimeService.createExecutionQuery()
        .processInstanceId(project.processInstanceId())
        .messageEventSubscriptionName(Messages.INTAKE_SUPPLEMENT).list());
    waiting.addAll(runtimeService.createExecutionQuery().processInstanceId(project.processInstanceId())
        .messageEventSubscriptionName(Messages.REVIEW_SUPPLEMENT).list());
    return waiting;
  }

  /**
   * The applicant supplies what was asked for: the changes (already checked) replace the application's fields, and
   * every step waiting for a supplement continues; the intake or the department concerned reviews again.
   */
  @Transactional
  public void supplement(Project seen, String note, ProjectApplication changed, String user) {
    Project project = projects.lock(seen.projectCode());
    if (project.status().closed()) {
      throw new CaseStateException("案件已办结（状态：" + project.status().label() + "），不能再提交补正材料");
    }
    List<Execution> waiting = waitingForSupplement(project);
    if (waiting.isEmpty()) {
      throw new CaseStateException("当前没有需要补正的事项（状态：" + project.status().label()
          + "）：只有在收到补正告知后、补正期限届满前才能提交补正材料");
    }
    String code = project.projectCode();
    String pi = project.processInstanceId();
    ProjectApplication before = project.application();
    if (changed != null) {
      projects.updateApplication(code, changed);
      runtimeService.setVariables(pi, changed.keptVariables());
    }
    caseRecord.add(CaseEvent.of(code, ProjectApprovalProcess.KEY, pi, CaseEvent.STATUS_CHANGED).by(user, null)
        .detail("申请人提交补正材料：" + note + (changed == null ? "" : "（申请内容已按补正更新）")));
    boolean intake = runtimeService.createExecutionQuery().processInstanceId(pi)
        .messageEventSubscriptionName(Messages.INTAKE_SUPPLEMENT).count() > 0;
    if (intake) {
      moveTo(project, ProjectStatus.ACCEPTING, ProjectStage.INTAKE);
      runtimeService.createMessageCorrelation(Messages.INTAKE_SUPPLEMENT).processInstanceId(pi).correlate();
      return;
    }
    moveTo(project, ProjectStatus.REVIEWING, ProjectStage.DEPARTMENT_REVIEW);
    if (changed != null) {
      reroute(projects.get(code), before, changed);
    }
    for (Execution execution : waiting) {
      Object reviewKey = REVIEW_KEY.getLocal(runtimeService, execution.getId());
      runtimeService.createMessageCorrelation(Messages.REVIEW_SUPPLEMENT).processInstanceId(pi)
          .localVariableEquals(REVIEW_KEY.name(), reviewKey).correlate();
    }
  }

  /**
   * 重新分派 (issue 9 item 5): a supplement during the department reviews changed a routing input, so the routing table
   * runs again on the new facts. Reviews it now requires start at once as new instances of the parallel review, with
   * fresh limits; new filings and findings are recorded as at acceptance; reviews done or under way stay. The case
   * record says which facts changed and what followed.
   */
  private void reroute(Project project, ProjectApplication before, ProjectApplication after) {
    List<String> changes = ReviewRouting.changedInputs(before, after);
    if (changes.isEmpty()) {
      return;
    }
    String pi = project.processInstanceId();
    String plan = REVIEW_PLAN.get(runtimeService, pi);
    String fresh = routing.plan(decisionService.evaluateDecisionByKey(ProjectApprovalProcess.ROUTING_DECISION)
        .variables(after.keptVariables()).evaluate());
    List<ReviewRouting.Review> added = routing.added(plan, fresh);
    runtimeService.setVariable(pi, REVIEW_PLAN.name(), routing.merged(plan, added));
    caseRecord.add(event(project.projectCode(), pi).step(Elements.ROUTE_REVIEWS, "重新确定并联审查事项", null, null)
        .detail("补正改变了审查事项的分派依据（" + String.join("；", changes) + "），按决策表重新确定审查事项："
            + (added.isEmpty() ? "无新增事项" : "新增" + added.stream().map(r -> r.reviewName() + "（"
                + r.departmentName() + (r.isTask() ? "审查，重新起算审查期限" : r.isRecordOnly() ? "，记录" : "，备案") + "）")
                .collect(Collectors.joining("、")))
            + "；已办理和正在办理的审查保持不变"));
    String occurrence = "reroute:" + caseRecord.of(project.projectCode()).size();
    for (ReviewRouting.Review review : added) {
      if (ReviewRouting.MODE_AUTO.equals(review.mode())) {
        recordFiling(project, pi, review, occurrence);
      } else if (review.isRecordOnly()) {
        caseRecord.add(event(project.projectCode(), pi).step(review.reviewKey(), review.reviewName(), null,
            review.department()).detail(review.reviewName() + "：" + review.checks()));
      }
    }
    List<ReviewRouting.Review> tasks = added.stream().filter(ReviewRouting.Review::isTask).toList();
    if (tasks.isEmpty()) {
      return;
    }
    String body = reviewsBody(runtimeService.getActivityInstance(pi));
    if (body == null) {
      throw new IllegalStateException("Case " + project.projectCode() + " has no running department reviews to add to");
    }
    for (ReviewRouting.Review review : tasks) {
      runtimeService.createProcessInstanceModification(pi)
          .startBeforeActivity(Elements.DEPARTMENT_REVIEWS, body)
          .setVariableLocal(REVIEW_KEY.name(), review.reviewKey())
          .execute();
    }
  }

  /** The activity instance id of the running parallel department reviews, or {@code null}. */
  private static String reviewsBody(org.camunda.bpm.engine.runtime.ActivityInstance instance) {
    if (instance == null) {
      return null;
    }
    if ((Elements.DEPARTMENT_REVIEWS + MULTI_INSTANCE_BODY).equals(instance.getActivityId())) {
      return instance.getId();
    }
    for (org.camunda.bpm.engine.runtime.ActivityInstance child : instance.getChildActivityInstances()) {
      String found = reviewsBody(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * The applicant withdraws (撤回) before the joint decision: open steps close, the departments that had them are
   * told, the case is 已撤回.
   */
  @Transactional
  public void withdraw(Project seen, String reason, String user) {
    Project project = projects.lock(seen.projectCode());
    if (project.status().closed()) {
      throw new CaseStateException("案件已办结（状态：" + project.status().label() + "），不能撤回");
    }
    String pi = project.processInstanceId();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    if (instance == null) {
      throw new CaseStateException("案件已办结，不能撤回");
    }
    boolean decided = historyService.createHistoricTaskInstanceQuery().processInstanceId(pi)
        .taskDefinitionKey(Elements.JOINT_DECISION).finished().count() > 0;
    if (decided) {
      throw new CaseStateException("联审决定已作出，不能撤回");
    }
    Set<String> departments = new LinkedHashSet<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(pi).list()) {
      taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).forEach(departments::add);
    }
    // A department that returned the case has no open task while it waits for the supplement; it is concerned too.
    runtimeService.createExecutionQuery().processInstanceId(pi)
        .messageEventSubscriptionName(Messages.REVIEW_SUPPLEMENT).list().stream()
        .map(e -> REVIEW_DEPARTMENT.get(runtimeService, e.getId()))
        .filter(String.class::isInstance).map(String.class::cast).forEach(departments::add);
    project.status().checkMoveTo(ProjectStatus.WITHDRAWN);
    projects.markWithdrawn(project.projectCode(), reason);
    caseRecord.add(CaseEvent.of(project.projectCode(), ProjectApprovalProcess.KEY, pi, CaseEvent.STATUS_CHANGED)
        .by(user, null).detail("申请人撤回申请：" + reason + "；状态：" + ProjectStatus.WITHDRAWN.label()));
    runtimeService.createMessageCorrelation(Messages.WITHDRAWAL).processInstanceId(pi)
        .setVariables(Map.of(WITHDRAWAL_REASON.name(), reason, WITHDRAWAL_DEPARTMENTS.name(), String.join(",", departments)))
        .correlate();
  }

  /**
   * A decision was taken on a step (intake review, department review, joint decision): the status moves at once, so
   * the applicant sees it and a withdrawal after a decision is refused; the notice follows asynchronously.
   */
  @Transactional
  public void decisionTaken(String projectCode, String step, String decision) {
    Project project = projects.get(projectCode);
    boolean review = Elements.INTAKE_REVIEW.equals(step) || Elements.DEPARTMENT_REVIEW.equals(step);
    if (review && Decision.RETURN.value().equals(decision)) {
      moveTo(project, ProjectStatus.SUPPLEMENTING, ProjectStage.SUPPLEMENT);
    } else if (Elements.INTAKE_REVIEW.equals(step) && Decision.REJECT.value().equals(decision)) {
      moveTo(project, ProjectStatus.NOT_ACCEPTED, ProjectStage.CLOSED);
    } else if (Elements.JOINT_DECISION.equals(step) && Decision.APPROVE.value().equals(decision)) {
      moveTo(project, ProjectStatus.APPROVED, ProjectStage.CLOSED);
    } else if (Elements.JOINT_DECISION.equals(step) && Decision.REJECT.value().equals(decision)) {
      moveTo(project, ProjectStatus.NOT_APPROVED, ProjectStage.CLOSED);
    }
  }

  /**
   * 受理 (by decision, or deemed under 行政许可法 Art. 32): the case is under review, the joint review limit
   * ({@code joint-review}, Art. 42) runs from acceptance (for a deemed one from the day the materials arrived), the
   * applicant gets the 受理通知.
   *
   * @return when the joint review started and its due date, for the limit's timers
   */
  @Transactional
  public JointLimit accept(String projectCode, String processInstanceId, String occurrence) {
    Project project = projects.get(projectCode);
    boolean deemed = project.deemedAccepted();
    Instant acceptedAt = deemed ? materialsReceived(processInstanceId) : clock.now();
    Date due = deadlines.dueFrom(Date.from(acceptedAt), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW);
    project.status().checkMoveTo(ProjectStatus.REVIEWING);
    projects.markAccepted(projectCode, acceptedAt, due.toInstant(), deemed);
    record(projectCode, processInstanceId, (deemed ? "依法视为受理" : "已受理") + "；联合审查时限至 "
        + ProjectNotices.format(due.toInstant()) + "；状态：" + ProjectStatus.REVIEWING.label());
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.ACCEPTED,
        Map.of("deemed", deemed, "acceptance", deemed
            ? "在受理审查期限内未作出决定，依《中华人民共和国行政许可法》第三十二条视为受理" : "经审查，现予受理"),
        occurrence);
    return new JointLimit(Date.from(acceptedAt), due);
  }

  /** The joint review (行政许可法 Art. 42 ¶2) runs from {@code start} and is due at {@code due}. */
  public record JointLimit(Date start, Date due) {}

  /** When the materials under review arrived: the start of the latest intake review (application or supplement). */
  private Instant materialsReceived(String processInstanceId) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(Elements.INTAKE_REVIEW).orderByHistoricActivityInstanceStartTime()
        .desc().listPage(0, 1).stream().findFirst().map(t -> t.getStartTime().toInstant())
        .orElseGet(clock::now);
  }

  /**
   * 视为受理: the intake review's limit passed without a decision, so under 行政许可法 Art. 32 the application counts
   * as accepted; the case record says so and the supervision office is told. Acceptance follows ({@link #accept}).
   */
  @Transactional
  public void deemAccepted(String projectCode, String processInstanceId, String occurrence) {
    projects.markDeemedAccepted(projectCode);
    caseRecord.add(event(projectCode, processInstanceId)
        .step(Elements.INTAKE_DEADLINE, "受理审查期限届满", null, Department.PARK_ADMIN.groupId())
        .detail("受理审查期限届满未作出受理决定，依《中华人民共和国行政许可法》第三十二条，自收到申请材料之日起即为受理"));
    notices.toGroup(projects.get(projectCode), Department.SUPERVISION.groupId(),
        ProjectApprovalProcess.Notices.DEEMED_ACCEPTED, Map.of(), occurrence);
  }

  /**
   * 视为放弃申请: the intake's supplement period passed without a supplement (before acceptance only); the case closes
   * as 逾期未补正 and the applicant is told.
   */
  @Transactional
  public void closeSupplementOverdue(String projectCode, String processInstanceId, String occurrence) {
    moveTo(projects.get(projectCode), ProjectStatus.SUPPLEMENT_OVERDUE, ProjectStage.CLOSED);
    record(projectCode, processInstanceId, "受理审查阶段的补正期限届满，申请人未提交补正材料，视为放弃申请；状态："
        + ProjectStatus.SUPPLEMENT_OVERDUE.label());
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.SUPPLEMENT_OVERDUE, Map.of(),
        occurrence);
  }

  /**
   * A department review's supplement period passed after acceptance: the case does not close; the department's review
   * reopens marked 逾期未补正 and the department decides on what it has. The status returns to 审查中 once no other
   * supplement is awaited.
   */
  @Transactional
  public void reviewSupplementOverdue(String projectCode, String processInstanceId, String reviewName,
      String department) {
    Project project = projects.lock(projectCode);
    caseRecord.add(event(projectCode, processInstanceId)
        .step(Elements.REOPEN_OVERDUE_REVIEW, "逾期未补正", null, department)
        .detail("“" + reviewName + "”的补正期限届满，申请人未提交补正材料（逾期未补正）；" + Department.nameOf(department)
            + "根据现有材料重新审查并作出决定"));
    // The review's own wait ended in this transaction; the engine's queries may still return it, marked ended.
    if (project.status() == ProjectStatus.SUPPLEMENTING
        && waitingForSupplement(project).stream().allMatch(Execution::isEnded)) {
      moveTo(project, ProjectStatus.REVIEWING, ProjectStage.DEPARTMENT_REVIEW);
    }
  }

  /**
   * 已备案: every matter of the case is a filing, complete on receipt of the complete information (Order 673 Art. 13);
   * the filings were recorded at acceptance, the case ends without a joint decision and nobody can refuse it.
   */
  @Transactional
  public void filed(String projectCode, String processInstanceId) {
    moveTo(projects.get(projectCode), ProjectStatus.FILED, ProjectStage.CLOSED);
    record(projectCode, processInstanceId, "案件事项均为备案，受理时已备案（《企业投资项目核准和备案管理条例》第十三条）；状态："
        + ProjectStatus.FILED.label());
  }

  /**
   * The joint limit (行政许可法 Art. 42 ¶2, extended or not) passed with the case still open, its joint decision
   * included: the case record says so and the supervision office is told (red light); no extension follows.
   */
  @Transactional
  public void jointLimitPassed(String projectCode, String processInstanceId, String occurrence) {
    Project project = projects.get(projectCode);
    boolean extended = project.jointReviewExtended();
    String due = ProjectNotices.format(project.jointReviewDue());
    caseRecord.add(event(projectCode, processInstanceId)
        .step(Elements.JOINT_REVIEW_LIMIT, extended ? "延长后的联合办理期限届满" : "联合办理期限届满", null,
            Department.SUPERVISION.groupId())
        .detail((extended ? "延长后的联合办理期限（" : "联合办理期限（") + due
            + "）届满，案件仍未办结（红灯）；已告知督查室，不得再次延期"));
    notices.toGroup(project, Department.SUPERVISION.groupId(), ProjectApprovalProcess.Notices.JOINT_LIMIT,
        Map.of("extended", extended), occurrence);
  }

  /**
   * 延长联合审查时限: the county government approved the extension (行政许可法 Art. 42 ¶2), before the limit passed:
   * the limit moves once by {@code joint-review-extension} from the old limit; the applicant is told the new limit and
   * the reasons as the county government wrote them (required on approval; the system writes none of its own).
   *
   * @return the new limit, or {@code null} when the limit was extended already (only once)
   */
  @Transactional
  public Date extendJointReview(String projectCode, String processInstanceId, String reasons, String occurrence) {
    Project project = projects.get(projectCode);
    if (project.jointReviewExtended()) {
      return null;
    }
    Date newDue = deadlines.dueFrom(Date.from(project.jointReviewDue()), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW_EXTENSION);
    projects.extendJointReview(projectCode, newDue.toInstant());
    record(projectCode, processInstanceId, "县人民政府批准延长联合审查时限至 " + ProjectNotices.format(newDue.toInstant()));
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.EXTENSION,
        Map.of("reasons", reasons,
            ProjectNotices.ISSUER, Department.COUNTY_GOVERNMENT.groupId()), occurrence);
    return newDue;
  }

  /**
   * A department's leader approved its own review's extension (once): the case record keeps it, and the applicant is
   * told in writing, by that department, the new due date and the reasons the department gave.
   */
  @Transactional
  public void extendReview(String projectCode, String processInstanceId, String reviewKey, String reviewName,
      String department, String reasons, Date newDue, String occurrence) {
    String organ = notices.organ(department);
    String basis = extensionBasis(reviewKey);
    caseRecord.add(event(projectCode, processInstanceId)
        .step(Elements.EXTEND_REVIEW, "延长审查期限", null, department)
        .detail(Department.nameOf(department) + "负责人批准延长“" + reviewName + "”的审查期限至 "
            + ProjectNotices.format(newDue.toInstant()) + "（" + basis + "）；理由：" + reasons));
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.REVIEW_EXTENSION, Map.of(
        "reviewName", reviewName, "reviewer", organ, "reasons", reasons, "basis", basis,
        "reviewDue", ProjectNotices.format(newDue.toInstant()), ProjectNotices.ISSUER, department), occurrence);
  }

  /** The legal basis of a review's own extension: Order 673 Art. 10 for 核准, 行政许可法 Art. 42 ¶1 otherwise. */
  private static String extensionBasis(String reviewKey) {
    return "drc-approval".equals(reviewKey) ? "《企业投资项目核准和备案管理条例》第十条"
        : "《中华人民共和国行政许可法》第四十二条第一款";
  }

  /** A department's leader refused its review's extension: the limit stays, the department reviews on. */
  @Transactional
  public void noReviewExtension(String projectCode, String processInstanceId, String reviewName, String department,
      String opinion) {
    caseRecord.add(event(projectCode, processInstanceId)
        .step(Elements.RECORD_NO_REVIEW_EXTENSION, "不予延长审查期限", null, department)
        .detail(Department.nameOf(department) + "负责人不予延长“" + reviewName + "”的审查期限：" + opinion));
  }

  /**
   * Order 673 Art. 15: the DRC finds a filed project prohibited or in fact subject to 核准. The case keeps its status
   * (a filing is never refused); the record keeps the finding, the enterprise is told to correct it or apply for 核准,
   * and the departments concerned (those of the case's reviews, the one window and the construction-permit office) are
   * notified.
   */
  @Transactional
  public void filingCorrection(Project seen, FilingCorrection.Ground ground, String reasons, String user) {
    Project project = projects.lock(seen.projectCode());
    String pi = project.processInstanceId();
    String plan = pi == null ? null : REVIEW_PLAN.getFinal(historyService, pi);
    List<ReviewRouting.Review> reviews = routing.reviews(plan);
    if (reviews.stream().noneMatch(r -> FilingCorrection.DRC_FILING.equals(r.reviewKey()))) {
      throw new CaseStateException("本案没有已备案的企业投资项目备案事项（状态：" + project.status().label()
          + "），不适用《企业投资项目核准和备案管理条例》第十五条");
    }
    String drc = Department.DRC.groupId();
    caseRecord.add(CaseEvent.of(project.projectCode(), ProjectApprovalProcess.KEY, pi, CaseEvent.STEP_COMPLETED)
        .step(FilingCorrection.STEP, "备案项目纠正告知", null, drc)
        .decided(ground.value(), "经核查，本项目" + ground.label() + "：" + reasons, null).by(user, null));
    Map<String, Object> model = Map.of("ground", ground.label(), "demand", ground.demand(), "reasons", reasons,
        ProjectNotices.ISSUER, drc, "decidingOrgans", notices.organ(drc), "adverse", true);
    String occurrence = "filing-correction:" + caseRecord.of(project.projectCode()).size();
    notices.toApplicant(project, ProjectApprovalProcess.Notices.FILING_CORRECTION, model, occurrence);
    Set<String> concerned = new LinkedHashSet<>();
    reviews.stream().map(ReviewRouting.Review::department).forEach(concerned::add);
    concerned.add(Department.PARK_ADMIN.groupId());
    concerned.add(Department.HOUSING_CONSTRUCTION.groupId());
    concerned.remove(drc);
    for (String group : concerned) {
      notices.toGroup(project, group, ProjectApprovalProcess.Notices.FILING_CORRECTION_DEPARTMENT, model, occurrence);
    }
  }

  /** The county government did not extend the joint review limit. */
  @Transactional
  public void noExtension(String projectCode, String processInstanceId, String opinion) {
    record(projectCode, processInstanceId, "县人民政府不予延长联合审查时限：" + opinion);
  }

  private CaseEvent event(String projectCode, String processInstanceId) {
    return CaseEvent.of(projectCode, ProjectApprovalProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED);
  }

  private void record(String projectCode, String processInstanceId, String detail) {
    caseRecord.add(event(projectCode, processInstanceId).detail(detail));
  }

  /** What the joint decision's form shows: every department's result, and whether one of them rejected. */
  public record JointDecisionBrief(String departmentOpinions, boolean anyRejected) {}

  /**
   * Every department has reviewed: the joint decision is open. Its form gets every department's result in at most
   * the engine's text length, with advice when a department rejected.
   */
  @Transactional
  public JointDecisionBrief openJointDecision(String projectCode, String reviewPlan) {
    moveTo(projects.get(projectCode), ProjectStatus.REVIEWING, ProjectStage.JOINT_DECISION);
    List<ReviewResults.Result> results = reviewResults.of(projectCode, reviewPlan);
    boolean rejected = ReviewResults.anyRejected(results);
    String advice = rejected ? "\n\n有部门不予通过：各许可事项由各部门依法决定，园区管委会不能批准，建议作出不予批准决定（reject）并写明理由。"
        : "";
    return new JointDecisionBrief(ReviewResults.text(results, ReviewResults.MAX_TEXT - advice.length()) + advice,
        rejected);
  }

  /**
   * 批准通知: the joint decision approved the project. The applicant gets every department's opinion; when the
   * project needs new land the case record says "需办理工业用地供应". A {@link ProjectApprovedEvent} is published in this
   * transaction (ADR 0010): the land-supply slice starts its case with it.
   *
   * @return whether new industrial land must be supplied ({@code landSupplyRequired})
   */
  @Transactional
  public boolean approved(String projectCode, String processInstanceId, String reviewPlan, String jointOpinion,
      String occurrence) {
    Project project = projects.get(projectCode);
    boolean land = project.application().needsLand();
    if (land) {
      projects.markLandSupplyRequired(projectCode);
      caseRecord.add(event(projectCode, processInstanceId)
          .step(Elements.END_APPROVED_LAND_SUPPLY, "需办理工业用地供应", null, Department.NATURAL_RESOURCES.groupId())
          .detail("需办理工业用地供应：新增用地 " + project.application().landArea().toPlainString() + " 亩"));
    }
    Map<String, Object> model = new HashMap<>();
    List<ReviewResults.Result> results = reviewResults.of(projectCode, reviewPlan);
    model.put("opinions", ReviewResults.acts(results, notices::organ));
    model.putAll(licences(projectCode, reviewPlan, results));
    model.put("jointOpinion", jointOpinion == null ? "同意" : jointOpinion);
    model.put("landSupply", land);
    notices.toApplicant(project, ProjectApprovalProcess.Notices.APPROVED, model, occurrence);
    ProjectApprovedEvent approved = new ProjectApprovedEvent(projectCode, project.application().creditCode(),
        project.application().enterpriseName(), project.application().projectName(),
        project.application().landArea(), land, project.admissionNumber());
    // Inside the approving transaction (ADR 0010): the land case it starts commits with the approval or not at all.
    events.publishEvent(approved);
    return land;
  }

  /** The EIA reviews whose approval construction must wait for (环境影响评价法 Art. 25). */
  private static final Set<String> EIA_APPROVALS = Set.of("eia-report", "eia-table");

  /**
   * What the approval notice lists (Order 673 Art. 12; 环境影响评价法 Art. 25): each licence and filing with its organ,
   * the number and date of the document that decided it ({@code licences}); for 核准 the document's date and validity
   * ({@code drcApproval}, {@code drcDate}); whether an EIA must be approved before construction ({@code eia}).
   */
  private Map<String, Object> licences(String projectCode, String reviewPlan, List<ReviewResults.Result> results) {
    Map<String, String> keyOfMatter = new HashMap<>();
    routing.reviews(reviewPlan).forEach(r -> keyOfMatter.put(r.reviewName(), r.reviewKey()));
    List<cn.parkflow.mail.DocumentNumbers.Issued> issued = notices.issued(projectCode);
    List<Map<String, Object>> lines = new ArrayList<>();
    String drcDate = null;
    boolean eia = false;
    for (ReviewResults.Result r : results) {
      String key = keyOfMatter.get(r.matter());
      cn.parkflow.mail.DocumentNumbers.Issued document = issued.stream()
          .filter(d -> r.matter().equals(d.matter()) && (ProjectApprovalProcess.Notices.REVIEW_RESULT.kind()
              .equals(d.kind()) || ProjectApprovalProcess.Notices.FILING.kind().equals(d.kind())))
          .reduce((first, second) -> second).orElse(null);
      boolean filing = document != null && ProjectApprovalProcess.Notices.FILING.kind().equals(document.kind());
      Map<String, Object> line = new HashMap<>();
      line.put("index", lines.size() + 1);
      line.put("matter", r.matter());
      line.put("organ", notices.organ(r.department()));
      line.put("decision", filing ? "已备案" : r.decisionLabel());
      line.put("documentNumber", document == null ? "（无文号）" : document.number());
      line.put("documentDate", document == null ? "" : ProjectNotices.date(document.issuedAt()));
      lines.add(line);
      if (ProjectApprovalProcess.Deadlines.DRC_APPROVAL.equals(key) && document != null) {
        drcDate = ProjectNotices.date(document.issuedAt());
      }
      eia |= key != null && EIA_APPROVALS.contains(key);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("licences", lines);
    model.put("drcApproval", drcDate != null);
    model.put("drcDate", drcDate == null ? "" : drcDate);
    model.put("eia", eia);
    return model;
  }

  /**
   * 不予批准: the applicant gets the reasons and each department's decision as that department's act, with the organs
   * that refused a licence named as deciding organs.
   */
  @Transactional
  public void rejected(String projectCode, String reviewPlan, String reasons, String occurrence) {
    List<ReviewResults.Result> results = reviewResults.of(projectCode, reviewPlan);
    String refusingOrgans = ReviewResults.rejected(results).stream().map(r -> notices.organ(r.department()))
        .distinct().collect(Collectors.joining("、"));
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.REJECTED, Map.of(
        "reasons", reasons, "opinions", ReviewResults.acts(results, notices::organ),
        "refusingOrgans", refusingOrgans, "decidingOrgans", refusingOrgans.isEmpty()
            ? notices.organ(Department.PARK_ADMIN.groupId()) : refusingOrgans), occurrence);
  }

  /**
   * 不予受理 (行政许可法 Art. 32): the applicant gets the ground, the intake's reasons and, when the matter is outside
   * this office's competence, the organ to apply to; the case record keeps the ground.
   */
  @Transactional
  public void notAccepted(String projectCode, String processInstanceId, String reasons, String ground,
      String competentAuthority, String occurrence) {
    IntakeRefusal.Ground g = IntakeRefusal.Ground.of(ground).orElse(null);
    boolean outside = g == IntakeRefusal.Ground.OUTSIDE_COMPETENCE;
    record(projectCode, processInstanceId, "不予受理" + (g == null ? "" : "：" + g.label())
        + (outside ? "；有权机关：" + competentAuthority : "") + "；状态：" + ProjectStatus.NOT_ACCEPTED.label());
    Map<String, Object> model = new HashMap<>();
    model.put("reasons", reasons);
    model.put("ground", g == null ? "" : g.label());
    model.put("notLicensingMatter", g == IntakeRefusal.Ground.NOT_LICENSING_MATTER);
    model.put("outsideCompetence", outside);
    model.put("competentAuthority", outside ? competentAuthority : "");
    model.put("decidingOrgans", notices.organ(Department.PARK_ADMIN.groupId()));
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.NOT_ACCEPTED, model, occurrence);
  }

  /**
   * 撤回: the applicant gets the confirmation and every department that had an open task is told to stop.
   *
   * @param departments comma-separated group ids, or {@code null}
   */
  @Transactional
  public void withdrawalNotices(String projectCode, String reason, String departments, String occurrence) {
    Project project = projects.get(projectCode);
    notices.toApplicant(project, ProjectApprovalProcess.Notices.WITHDRAWN, Map.of("reason", reason), occurrence);
    if (departments != null) {
      Arrays.stream(departments.split(",")).map(String::trim).filter(StringUtils::hasText)
          .forEach(group -> notices.toGroup(project, group, ProjectApprovalProcess.Notices.WITHDRAWN_DEPARTMENT,
              Map.of("reason", reason), occurrence));
    }
  }

  /** 部门审查结果: the applicant is told one department's result. */
  @Transactional
  public void reviewResult(String projectCode, String reviewName, String department, String decision,
      String opinion, String occurrence) {
    String organ = notices.organ(department);
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.REVIEW_RESULT, Map.of(
        "reviewName", reviewName, "reviewer", organ, "decision", ReviewResults.label(decision),
        "opinion", opinion == null ? "无" : opinion, ProjectNotices.ISSUER, department,
        ProjectNotices.MATTER, reviewName,
        "adverse", Decision.REJECT.value().equals(decision), "decidingOrgans", organ), occurrence);
  }

  /**
   * 确定并联审查事项: the case record lists what the routing table decided; each filing (mode {@code auto}) is
   * recorded as done and the applicant told, with no department task.
   */
  @Transactional
  public void recordFilings(String projectCode, String processInstanceId, String reviewPlan, String occurrence) {
    Project project = projects.get(projectCode);
    List<ReviewRouting.Review> reviews = routing.reviews(reviewPlan);
    caseRecord.add(event(projectCode, processInstanceId).step(Elements.ROUTE_REVIEWS, "确定并联审查事项", null, null)
        .detail("需办理事项：" + reviews.stream().map(r -> r.reviewName() + "（" + r.departmentName()
            + (r.isTask() ? "审查" : r.isRecordOnly() ? "，不在本县审查任务内" : "，备案即办") + "）")
            .collect(Collectors.joining("；"))));
    for (ReviewRouting.Review review : routing.recordedReviews(reviewPlan)) {
      caseRecord.add(event(projectCode, processInstanceId).step(review.reviewKey(), review.reviewName(), null,
          review.department()).detail(review.reviewName() + "：" + review.checks()));
    }
    for (ReviewRouting.Review review : routing.automaticReviews(reviewPlan)) {
      recordFiling(project, processInstanceId, review, occurrence);
    }
  }

  /**
   * One filing (备案) at acceptance, not after the reviews: it gets its filing number (the filing notice's document
   * number), the case record keeps it, the applicant is told (Order 673 Art. 13: complete on receipt).
   */
  private void recordFiling(Project project, String processInstanceId, ReviewRouting.Review review,
      String occurrence) {
    String number = notices.documentNumber(ProjectApprovalProcess.Notices.FILING);
    caseRecord.add(CaseEvent.of(project.projectCode(), ProjectApprovalProcess.KEY, processInstanceId,
            CaseEvent.STEP_COMPLETED)
        .step(review.reviewKey(), review.reviewName(), null, review.department())
        .decided(Decision.APPROVE.value(), "已备案，备案号 " + number + "：" + review.checks(), null).by(SYSTEM, null));
    notices.toApplicant(project, ProjectApprovalProcess.Notices.FILING, Map.of("reviewName", review.reviewName(),
        "reviewer", notices.organ(review.department()), "checks", review.checks(),
        ProjectNotices.ISSUER, review.department(), ProjectNotices.MATTER, review.reviewName(),
        ProjectNotices.DOCUMENT_NUMBER, number), occurrence + ":" + review.reviewKey());
  }

  /**
   * 一次性告知补正: the applicant is told every missing item (one a line) and the supplement's limit.
   *
   * @param step the step that returned the case, as the notice names it
   * @param department the group of the department that returned it
   */
  @Transactional
  public void supplementRequested(String projectCode, String step, String department, String missingItems,
      String opinion, String occurrence) {
    String reviewer = notices.organ(department);
    List<String> items = ProjectNotices.lines(missingItems);
    Map<String, Object> model = new HashMap<>();
    model.put("step", step);
    model.put("reviewer", reviewer);
    model.put("items", items);
    model.put("itemCount", items.size());
    model.put("opinion", opinion == null ? "" : opinion);
    model.put(ProjectNotices.ISSUER, department);
    model.put("departmentStage", !Department.PARK_ADMIN.groupId().equals(department));
    model.put("supplementDue", ProjectNotices.format(
        deadlines.due(ProjectApprovalProcess.KEY, ProjectApprovalProcess.Deadlines.SUPPLEMENT).toInstant()));
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.SUPPLEMENT_REQUEST, model,
        occurrence);
  }

  /** The only write of a case's status; {@link ProjectStatus} holds the transitions. */
  private void moveTo(Project project, ProjectStatus next, String stage) {
    project.status().checkMoveTo(next);
    projects.updateStatus(project.projectCode(), next, stage);
  }
}
