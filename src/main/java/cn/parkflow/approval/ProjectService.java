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

  public ProjectService(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      ProjectRepository projects, ProjectCodes codes, CaseRecord caseRecord, ApplicationValidator validator,
      EnterpriseAccounts enterpriseAccounts, ProjectNotices notices, Deadlines deadlines, EngineClock clock,
      ReviewResults reviewResults, ApplicationEventPublisher events, ReviewRouting routing) {
    this.routing = routing;
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
    String code = nationalCode == null ? freeCode() : unused(nationalCode);
    try {
      projects.insert(code, null, application, applicant);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new CaseStateException(taken(code));
    }
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
    ProjectApplication application = validator.validate(form, ownCreditCode, errors);
    if (application == null || !errors.isEmpty()) {
      throw new NotValidException("申请有误，未启动案件：" + errors.list().stream().map(FieldError::message)
          .collect(Collectors.joining("；")));
    }
    String code = nationalCode == null ? freeCode() : unused(nationalCode);
    projects.insert(code, processInstanceId, application, applicant);
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
    for (Execution execution : waiting) {
      Object reviewKey = REVIEW_KEY.getLocal(runtimeService, execution.getId());
      runtimeService.createMessageCorrelation(Messages.REVIEW_SUPPLEMENT).processInstanceId(pi)
          .localVariableEquals(REVIEW_KEY.name(), reviewKey).correlate();
    }
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
   * @return the joint review's due date, for the review subprocess's timer
   */
  @Transactional
  public Date accept(String projectCode, String processInstanceId, String occurrence) {
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
    return due;
  }

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

  /** 逾期未补正: the supplement period passed without a supplement; the case closes and the applicant is told. */
  @Transactional
  public void closeSupplementOverdue(String projectCode, String processInstanceId, String occurrence) {
    moveTo(projects.get(projectCode), ProjectStatus.SUPPLEMENT_OVERDUE, ProjectStage.CLOSED);
    record(projectCode, processInstanceId, "补正期限届满，申请人未提交补正材料，案件按逾期未补正办结");
    notices.toApplicant(projects.get(projectCode), ProjectApprovalProcess.Notices.SUPPLEMENT_OVERDUE, Map.of(),
        occurrence);
  }

  /**
   * The joint review limit (or its extension) passed with department reviews still open: the case record says so and
   * the supervision office is told (red light).
   */
  @Transactional
  public void jointLimitPassed(String projectCode, String processInstanceId, String occurrence) {
    Project project = projects.get(projectCode);
    boolean extended = project.jointReviewExtended();
    String due = ProjectNotices.format(project.jointReviewDue());
    caseRecord.add(event(projectCode, processInstanceId)
        .step(extended ? Elements.EXTENDED_JOINT_LIMIT : Elements.JOINT_REVIEW_LIMIT,
            extended ? "延长后的联合审查时限届满" : "联合审查时限届满", null, Department.SUPERVISION.groupId())
        .detail(extended
            ? "延长后的联合审查时限（" + due + "）届满，部门审查仍未全部办结（红灯）；已告知督查室，不得再次延期"
            : "联合审查时限（" + due + "）届满，部门审查尚未全部办结（红灯）；已告知督查室并报县人民政府决定是否延期"));
    notices.toGroup(project, Department.SUPERVISION.groupId(), ProjectApprovalProcess.Notices.JOINT_LIMIT,
        Map.of("extended", extended), occurrence);
  }

  /**
   * 延长联合审查时限: the county government approved the extension (行政许可法 Art. 42 ¶2): the limit moves once by
   * {@code joint-review-extension} from the old limit; the applicant is told the new limit and the reasons.
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
        Map.of("reasons", reasons == null ? "联合审查事项复杂" : reasons,
            ProjectNotices.ISSUER, Department.COUNTY_GOVERNMENT.groupId()), occurrence);
    return newDue;
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
    model.put("opinions", ReviewResults.acts(reviewResults.of(projectCode, reviewPlan), notices::organ));
    model.put("jointOpinion", jointOpinion == null ? "同意" : jointOpinion);
    model.put("landSupply", land);
    notices.toApplicant(project, ProjectApprovalProcess.Notices.APPROVED, model, occurrence);
    ProjectApprovedEvent approved = new ProjectApprovedEvent(projectCode, project.application().creditCode(),
        project.application().enterpriseName(), project.application().projectName(),
        project.application().landArea(), land);
    // Inside the approving transaction (ADR 0010): the land case it starts commits with the approval or not at all.
    events.publishEvent(approved);
    return land;
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
      caseRecord.add(CaseEvent.of(projectCode, ProjectApprovalProcess.KEY, processInstanceId,
              CaseEvent.STEP_COMPLETED)
          .step(review.reviewKey(), review.reviewName(), null, review.department())
          .decided(Decision.APPROVE.value(), "已备案：" + review.checks(), null).by(SYSTEM, null));
      notices.toApplicant(project, ProjectApprovalProcess.Notices.FILING, Map.of("reviewName", review.reviewName(),
          "reviewer", notices.organ(review.department()), "checks", review.checks(),
          ProjectNotices.ISSUER, review.department()), occurrence + ":" + review.reviewKey());
    }
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
