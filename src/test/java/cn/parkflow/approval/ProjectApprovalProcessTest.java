package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectCases.chemicalPlant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.approval.ProjectApprovalProcess.Variables;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.task.DecisionRules;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The scenarios of {@code project-approval.bpmn}: every path and every timer, jobs and timers run by hand. */
@IntegrationTest
@RecordApplicationEvents
class ProjectApprovalProcessTest {
  @Autowired cn.parkflow.deadline.Deadlines deadlines;
  @Autowired ApplicationEvents events;
  @Autowired ProcessEngine processEngine;
  @Autowired TaskService taskService;
  @Autowired ProjectCases cases;
  @Autowired CaseRecord caseRecord;
  @Autowired ProjectService projectService;
  @Autowired ReviewResults reviewResults;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Intake approves; acceptance and filings run; the department reviews are open. */
  private String acceptedChemicalPlant() {
    String code = cases.apply(chemicalPlant());
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    return code;
  }

  @Test
  @DisplayName("long opinions: every department writes the longest opinion allowed, the joint decision still opens")
  void longestOpinions() {
    String code = acceptedChemicalPlant();
    List<Task> reviews = cases.tasks(code, Elements.DEPARTMENT_REVIEW);
    assertThat(reviews).hasSizeGreaterThanOrEqualTo(2);
    reviews.forEach(t -> cases.complete(t, "approve", "同".repeat(DecisionRules.MAX_OPINION), null));
    cases.executeJobs(code);

    Task decision = cases.task(code, Elements.JOINT_DECISION);
    String opinions = (String) taskService.getVariableLocal(decision.getId(), Variables.DEPARTMENT_OPINIONS.name());
    assertThat(opinions.codePointCount(0, opinions.length())).isLessThanOrEqualTo(ReviewResults.MAX_TEXT);
    assertThat(opinions).contains("建设项目用地预审与选址", "环境影响报告书审批", "节能审查", "安全设施设计审查")
        .contains("全文见案件记录");
    assertThat(cases.view(code).finishedSteps()).anySatisfy(step ->
        assertThat(step.opinion()).hasSize(DecisionRules.MAX_OPINION));
  }

  @Test
  @DisplayName("happy path: intake accepts, every department approves, the joint decision approves")
  void allApprove() {
    String code = cases.apply(chemicalPlant());
    ProcessInstance instance = cases.instance(code);
    assertThat(instance).isWaitingAt(Elements.INTAKE_REVIEW);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.ACCEPTING);
    assertThat(code).hasSize(24).matches(ProjectCodes::isValid);

    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    // notices go through the outbox, so acceptance runs in the clerk's own transaction, with no job to wait for
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    cases.executeJobs(code);

    List<Task> reviews = cases.tasks(code, Elements.DEPARTMENT_REVIEW);
    assertThat(reviews).extracting(Task::getName).containsExactlyInAnyOrder(
        "部门审查：建设项目用地预审与选址（自然资源和规划局）",
        "部门审查：环境影响报告书审批（生态环境分局）",
        "部门审查：固定资产投资项目节能审查（发展和改革局）",
        "部门审查：建设项目安全设施设计审查（应急管理局）");
    assertThat(reviews).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    assertThat(cases.project(code).jointReviewDue()).isNotNull();

    reviews.forEach(cases::approve);
    // Decisions stay inside their task and review instance: nothing leaks into the process scope.
    assertThat(cases.variable(code, "decision")).isNull();
    assertThat(cases.variable(code, Variables.REVIEW_DECISION.name())).isNull();
    cases.executeJobs(code);

    Task decision = cases.task(code, Elements.JOINT_DECISION);
    String opinions = (String) taskService.getVariableLocal(decision.getId(), Variables.DEPARTMENT_OPINIONS.name());
    assertThat(opinions).contains("企业投资项目备案", "建设项目用地预审与选址", "环境影响报告书审批", "节能审查", "安全设施设计审查")
        .doesNotContain("建议：");
    assertThat(taskService.getVariable(decision.getId(), "decision")).isNull();

    cases.complete(decision, "approve", "同意批准。", null);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.APPROVED);
    cases.executeJobs(code);

    assertThat(instance).isEnded().hasPassed(Elements.END_APPROVED_LAND_SUPPLY);
    Project project = cases.project(code);
    assertThat(project.status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(project.landSupplyRequired()).isTrue();
    assertThat(events.stream(ProjectApprovedEvent.class)).singleElement().satisfies(e -> {
      assertThat(e.projectCode()).isEqualTo(code);
      assertThat(e.landSupplyRequired()).isTrue();
      assertThat(e.landArea()).isEqualByComparingTo("50");
    });
    assertThat(cases.subjects(code)).anyMatch(s -> s.startsWith("【受理通知】"))
        .anyMatch(s -> s.startsWith("【备案告知】企业投资项目备案"))
        .anyMatch(s -> s.startsWith("【批准通知】"))
        .filteredOn(s -> s.startsWith("【审查结果】")).hasSize(4);
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().startsWith("需办理工业用地供应"))
        .filteredOn(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()))
        .extracting(CaseEvent::stepKey).contains(Elements.INTAKE_REVIEW, Elements.DEPARTMENT_REVIEW,
            Elements.JOINT_DECISION, "drc-filing");
  }

  @Test
  @DisplayName("intake returns the application, the applicant supplies, the intake review opens again and accepts")
  void intakeReturnSupplementAccept() {
    String code = cases.apply(chemicalPlant());
    Task first = cases.task(code, Elements.INTAKE_REVIEW);
    cases.complete(first, "return", "材料不齐全。", "营业执照副本\n项目备案申请表（加盖公章）\n");
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.SUPPLEMENTING);
    cases.executeJobs(code);
    assertThat(cases.instance(code)).isWaitingAt(Elements.AWAIT_INTAKE_SUPPLEMENT);
    assertThat(cases.timer(code, Elements.INTAKE_SUPPLEMENT_DEADLINE)).isNotNull();
    assertThat(cases.subjects(code)).anyMatch(s -> s.startsWith("【补正告知】") && s.contains("需补正 2 项材料"));
    assertThat(cases.bodies(code, "【补正告知】")).singleElement().asString()
        .contains("- 营业执照副本", "- 项目备案申请表（加盖公章）", "材料不齐全。");

    Project project = cases.project(code);
    projectService.supplement(project, "已补充营业执照副本和备案申请表", null, ProjectCases.ENTERPRISE_A);

    Task second = cases.task(code, Elements.INTAKE_REVIEW);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second.getDueDate()).isAfterOrEqualTo(first.getDueDate());
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.ACCEPTING);
    cases.approve(second);
    cases.executeJobs(code);
    assertThat(cases.instance(code)).isWaitingAt(Elements.DEPARTMENT_REVIEW);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    assertThat(caseRecord.of(code)).filteredOn(e -> Elements.INTAKE_REVIEW.equals(e.stepKey()))
        .extracting(CaseEvent::decision).containsExactly("return", "approve");
  }

  @Test
  @DisplayName("intake returns the application and no supplement comes within the period: closed as 逾期未补正")
  void intakeReturnNoSupplementClosed() {
    String code = cases.apply(chemicalPlant());
    ProcessInstance instance = cases.instance(code);
    cases.complete(cases.task(code, Elements.INTAKE_REVIEW), "return", "缺少材料。", "可行性研究报告");
    cases.executeJobs(code);
    ClockUtil.setCurrentTime(new java.util.Date(cases.timer(code, Elements.INTAKE_SUPPLEMENT_DEADLINE).getDuedate()
        .getTime() + 60_000));
    cases.executeJobs(code);

    assertThat(instance).isEnded().hasPassed(Elements.INTAKE_SUPPLEMENT_DEADLINE, Elements.END_SUPPLEMENT_OVERDUE);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.SUPPLEMENT_OVERDUE);
    assertThat(cases.bodies(code, "【逾期未补正】")).singleElement().asString().contains("视为放弃申请");
    assertThatThrownBy(() -> projectService.supplement(cases.project(code), "迟到的补正", null,
        ProjectCases.ENTERPRISE_A)).isInstanceOf(CaseStateException.class).hasMessageContaining("已办结");
  }

  @Test
  @DisplayName("intake rejects: 不予受理 with an Art. 32 ground and reasons, status 不予受理 (issue 9 item 7)")
  void intakeRejects() {
    String code = cases.apply(chemicalPlant());
    ProcessInstance instance = cases.instance(code);
    cases.refuseIntake(cases.task(code, Elements.INTAKE_REVIEW), "所报事项为企业内部技术改造，依法无需许可。",
        "not-licensing-matter", null);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.NOT_ACCEPTED);
    cases.executeJobs(code);
    assertThat(instance).isEnded().hasPassed(Elements.END_NOT_ACCEPTED);
    assertThat(cases.bodies(code, "【不予受理通知】")).singleElement().asString()
        .contains("企业内部技术改造", "依法不需要取得行政许可");
  }

  @Test
  @DisplayName("intake deadline passes without a decision: deemed accepted (Art. 32), recorded, supervision told")
  void intakeDeadlineDeemedAccepted() {
    String code = cases.apply(chemicalPlant());
    ProcessInstance instance = cases.instance(code);
    Task intake = cases.task(code, Elements.INTAKE_REVIEW);
    assertThat(cases.timer(code, Elements.INTAKE_DEADLINE).getDuedate()).isEqualTo(intake.getDueDate());

    ClockUtil.setCurrentTime(new java.util.Date(intake.getDueDate().getTime() + 60_000));
    cases.executeJobs(code);

    assertThat(instance).hasPassed(Elements.INTAKE_DEADLINE, Elements.RECORD_DEEMED_ACCEPTANCE,
        Elements.ACCEPT_APPLICATION).isWaitingAt(Elements.DEPARTMENT_REVIEW);
    Project project = cases.project(code);
    assertThat(project.deemedAccepted()).isTrue();
    assertThat(project.status()).isEqualTo(ProjectStatus.REVIEWING);
    // Deemed accepted from the day the materials arrived: the joint limit runs from the intake's start.
    assertThat(project.acceptedAt()).isCloseTo(intake.getCreateTime().toInstant(),
        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
    assertThat(project.jointReviewDue()).isEqualTo(deadlines.dueFrom(intake.getCreateTime(), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW).toInstant());
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().contains("第三十二条"));
    assertThat(cases.recipients(code, "【督查】")).contains("supervisor@parkflow.local");
    assertThat(cases.bodies(code, "【受理通知】")).singleElement().asString().contains("视为受理");
  }

  @Test
  @DisplayName("a department returns the case, the applicant supplies, the same department reviews again and approves")
  void departmentReturnsThenApproves() {
    String code = acceptedChemicalPlant();
    Task land = cases.reviewNamed(code, "用地预审");
    cases.complete(land, "return", "用地红线图不清晰。", "1:500 用地红线图\n土地权属说明");
    cases.approve(cases.reviewNamed(code, "环境影响"));
    cases.executeJobs(code);

    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.SUPPLEMENTING);
    assertThat(cases.instance(code)).isWaitingAt(Elements.AWAIT_REVIEW_SUPPLEMENT);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(2);
    assertThat(cases.bodies(code, "【补正告知】")).singleElement().asString()
        .contains("自然资源和规划局", "- 1:500 用地红线图", "- 土地权属说明");
    assertThat(cases.view(code).pendingSupplements()).hasSize(1);

    projectService.supplement(cases.project(code), "已补充红线图和权属说明", null, ProjectCases.ENTERPRISE_A);

    Task again = cases.reviewNamed(code, "用地预审");
    assertThat(again.getId()).isNotEqualTo(land.getId());
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(3);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    Task decision = cases.task(code, Elements.JOINT_DECISION);
    assertThat((String) taskService.getVariableLocal(decision.getId(), Variables.DEPARTMENT_OPINIONS.name()))
        .contains("建设项目用地预审与选址（自然资源和规划局）：同意");
    cases.complete(decision, "approve", "同意。", null);
    cases.executeJobs(code);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.APPROVED);
  }

  @Test
  @DisplayName("a department rejects; the joint decision is prefilled with reject and rejects with reasons")
  void departmentRejectsJointDecisionRejects() {
    String code = acceptedChemicalPlant();
    ProcessInstance instance = cases.instance(code);
    cases.complete(cases.reviewNamed(code, "安全设施"), "reject", "重大危险源与居民区安全距离不足。", null);
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);

    Task decision = cases.task(code, Elements.JOINT_DECISION);
    assertThat(taskService.getVariable(decision.getId(), "decision")).isEqualTo("reject");
    assertThat((String) taskService.getVariableLocal(decision.getId(), Variables.DEPARTMENT_OPINIONS.name()))
        .contains("不予通过。意见：重大危险源与居民区安全距离不足", "建议");
    assertThat(cases.bodies(code, "【审查结果】建设项目安全设施设计审查")).singleElement().asString()
        .contains("不予通过");

    cases.complete(decision, "reject", "应急管理局安全设施设计审查不予通过。", null);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.NOT_APPROVED);
    cases.executeJobs(code);
    assertThat(instance).isEnded().hasPassed(Elements.END_REJECTED);
    assertThat(cases.bodies(code, "【不予批准通知】")).singleElement().asString()
        .contains("应急管理局安全设施设计审查不予通过", "安全距离不足");
  }

  @Test
  @DisplayName("joint decision: reject without an opinion is refused and the task stays open")
  void rejectWithoutOpinionIsRefused() {
    String code = acceptedChemicalPlant();
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    Task decision = cases.task(code, Elements.JOINT_DECISION);

    assertThatThrownBy(() -> cases.complete(decision, "reject", null, null))
        .hasMessageContaining("opinion");
    assertThat(cases.task(code, Elements.JOINT_DECISION).getId()).isEqualTo(decision.getId());
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    assertThat(caseRecord.of(code)).noneMatch(e -> Elements.JOINT_DECISION.equals(e.stepKey()));
  }

  @Test
  @DisplayName("the applicant withdraws during the department reviews: tasks close, departments told (also one waiting"
      + " for a supplement), 已撤回")
  void withdrawalDuringReview() {
    String code = acceptedChemicalPlant();
    ProcessInstance instance = cases.instance(code);
    cases.approve(cases.reviewNamed(code, "节能审查"));
    cases.complete(cases.reviewNamed(code, "用地预审"), "return", "用地红线图不清晰。", "1:500 用地红线图");
    cases.executeJobs(code);
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).noneMatch(t -> t.getName().contains("用地预审"));

    projectService.withdraw(cases.project(code), "企业投资计划调整", ProjectCases.ENTERPRISE_A);

    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.WITHDRAWN);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    cases.executeJobs(code);
    assertThat(instance).isEnded().hasPassed(Elements.SEND_WITHDRAWAL_NOTICES, Elements.END_WITHDRAWN);
    assertThat(cases.recipients(code, "【撤回确认】")).containsExactly("apply@ganjiang.example.com");
    assertThat(cases.recipients(code, "【案件已撤回】")).contains("natural-resources-clerk@parkflow.local",
        "ecology-environment-clerk@parkflow.local", "emergency-management-clerk@parkflow.local")
        .doesNotContain("drc-clerk@parkflow.local");
    assertThatThrownBy(() -> projectService.withdraw(cases.project(code), "再次撤回", ProjectCases.ENTERPRISE_A))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("已撤回");
  }

  @Test
  @DisplayName("joint limit: at joint-review-warning (40 wd) the county government is asked to extend while the reviews"
      + " go on; approved with reasons the limit moves once by 15 wd, and when it passes supervision is told (red)")
  void extensionAskedBeforeTheLimit() {
    String code = acceptedChemicalPlant();
    ProcessInstance instance = cases.instance(code);
    Project accepted = cases.project(code);
    java.time.Instant due = accepted.jointReviewDue();
    java.util.Date warning = deadlines.dueFrom(java.util.Date.from(accepted.acceptedAt()), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW_WARNING);
    assertThat(warning.toInstant()).isBefore(due);
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).getDuedate()).isEqualTo(warning);
    assertThat(cases.tasks(code, Elements.APPROVE_EXTENSION)).isEmpty();

    ClockUtil.setCurrentTime(new java.util.Date(warning.getTime() + 60_000));
    cases.executeJobs(code);
    Task extension = cases.task(code, Elements.APPROVE_EXTENSION);
    assertThat(taskService.getIdentityLinksForTask(extension.getId())).anyMatch(l -> "county-government"
        .equals(l.getGroupId()));
    // the reviews stay open and keep their limits meanwhile
    assertThat(cases.tasks(code, Elements.DEPARTMENT_REVIEW)).hasSize(4);
    assertThat(cases.timer(code, Elements.EXTENSION_UNDECIDED).getDuedate().toInstant()).isEqualTo(due);
    assertThat(cases.subjects(code)).noneMatch(s -> s.startsWith("【督查·红灯】"));

    // no reasons, no extension: the task stays open and nothing is written on the applicant's behalf
    assertThatThrownBy(() -> cases.complete(extension, "approve", null, null)).hasMessageContaining("opinion");
    assertThatThrownBy(() -> cases.complete(extension, "approve", "  ", null)).hasMessageContaining("opinion");
    assertThat(cases.task(code, Elements.APPROVE_EXTENSION).getId()).isEqualTo(extension.getId());

    cases.complete(extension, "approve", "涉及危险化学品，需组织专家论证。", null);
    cases.executeJobs(code);
    Project project = cases.project(code);
    assertThat(project.jointReviewExtended()).isTrue();
    assertThat(project.jointReviewDue()).isEqualTo(deadlines.dueFrom(java.util.Date.from(due), ProjectApprovalProcess.KEY,
        ProjectApprovalProcess.Deadlines.JOINT_REVIEW_EXTENSION).toInstant());
    assertThat(cases.bodies(code, "【延长审查期限告知】")).singleElement().asString().contains("需组织专家论证");
    assertThat(cases.view(code).jointReviewDue().toInstant()).isEqualTo(project.jointReviewDue());
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_LIMIT).getDuedate().toInstant())
        .isEqualTo(project.jointReviewDue());

    // the reviews finish, the joint decision is still within the (extended) limit until it passes
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    Task decision = cases.task(code, Elements.JOINT_DECISION);
    ClockUtil.setCurrentTime(java.util.Date.from(project.jointReviewDue().plusSeconds(60)));
    cases.executeJobs(code);
    assertThat(instance).hasPassed(Elements.JOINT_REVIEW_LIMIT, Elements.NOTIFY_JOINT_LIMIT);
    assertThat(cases.subjects(code)).anyMatch(s -> s.startsWith("【督查·红灯】"));
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().startsWith("延长后的联合办理期限")
        && e.detail().contains("不得再次延期"));
    assertThat(cases.tasks(code, Elements.APPROVE_EXTENSION)).isEmpty();

    cases.complete(decision, "approve", "同意。", null);
    cases.executeJobs(code);
    assertThat(instance).isEnded().hasPassed(Elements.EXTEND_JOINT_LIMIT, Elements.END_APPROVED_LAND_SUPPLY);
  }

  @Test
  @DisplayName("joint limit: the county government refuses the extension with reasons; the limit stays, the case"
      + " record says so; an undecided extension closes when the limit passes")
  void extensionRefusedOrUndecided() {
    String code = acceptedChemicalPlant();
    ProcessInstance instance = cases.instance(code);
    java.time.Instant due = cases.project(code).jointReviewDue();
    cases.fireTimer(code, Elements.JOINT_REVIEW_WARNING);
    cases.executeJobs(code);
    assertThatThrownBy(() -> cases.complete(cases.task(code, Elements.APPROVE_EXTENSION), "reject", null, null))
        .hasMessageContaining("opinion");
    cases.complete(cases.task(code, Elements.APPROVE_EXTENSION), "reject", "不符合延期条件，请各部门加快办理。", null);
    cases.executeJobs(code);

    assertThat(instance).hasPassed(Elements.RECORD_NO_EXTENSION).isWaitingAt(Elements.DEPARTMENT_REVIEW);
    assertThat(cases.project(code).jointReviewExtended()).isFalse();
    assertThat(cases.project(code).jointReviewDue()).isEqualTo(due);
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_LIMIT).getDuedate().toInstant()).isEqualTo(due);
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().startsWith("县人民政府不予延长")
        && e.detail().contains("不符合延期条件"));
    assertThat(cases.subjects(code)).noneMatch(s -> s.startsWith("【延长审查期限告知】"));

    String other = acceptedChemicalPlant();
    cases.fireTimer(other, Elements.JOINT_REVIEW_WARNING);
    cases.executeJobs(other);
    cases.task(other, Elements.APPROVE_EXTENSION);
    cases.fireTimer(other, Elements.EXTENSION_UNDECIDED);
    cases.executeJobs(other);
    assertThat(cases.tasks(other, Elements.APPROVE_EXTENSION)).isEmpty();
    assertThat(cases.instance(other)).hasPassed(Elements.NOTIFY_JOINT_LIMIT).isWaitingAt(Elements.DEPARTMENT_REVIEW);
    assertThat(cases.project(other).jointReviewExtended()).isFalse();
    assertThat(cases.recipients(other, "【督查·红灯】")).contains("supervisor@parkflow.local");
  }

  @Test
  @DisplayName("a department returns the case and no supplement comes: its review reopens marked 逾期未补正 and the"
      + " department decides on what it has; the case goes on (issue 9 item 9)")
  void departmentSupplementOverdueReopensTheReview() {
    String code = acceptedChemicalPlant();
    ProcessInstance instance = cases.instance(code);
    Task eia = cases.reviewNamed(code, "环境影响");
    cases.complete(eia, "return", "缺环评报告书。", "环境影响报告书（送审稿）");
    cases.executeJobs(code);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.SUPPLEMENTING);
    cases.fireTimer(code, Elements.REVIEW_SUPPLEMENT_DEADLINE);
    cases.executeJobs(code);

    assertThat(instance).isNotEnded().hasPassed(Elements.REOPEN_OVERDUE_REVIEW);
    assertThat(instance).hasNotPassed(Elements.END_SUPPLEMENT_OVERDUE);
    Task reopened = cases.reviewNamed(code, "环境影响");
    assertThat(reopened.getId()).isNotEqualTo(eia.getId());
    assertThat(reopened.getName()).endsWith("（逾期未补正）");
    assertThat(taskService.getIdentityLinksForTask(reopened.getId())).anyMatch(l -> "ecology-environment"
        .equals(l.getGroupId()));
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);
    assertThat(caseRecord.of(code)).anyMatch(e -> Elements.REOPEN_OVERDUE_REVIEW.equals(e.stepKey())
        && e.detail().contains("逾期未补正") && e.detail().contains("根据现有材料"));
    assertThat(cases.subjects(code)).noneMatch(s -> s.startsWith("【逾期未补正】"));

    cases.complete(reopened, "reject", "逾期未补正环境影响报告书，现有材料不足以批准。", null);
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    assertThat(cases.instance(code)).isWaitingAt(Elements.JOINT_DECISION);
  }

  @Test
  @DisplayName("a project with only filings ends 已备案 at acceptance with a filing number; nobody decides on it"
      + " (issue 9 item 6)")
  void filingOnlyEndsFiledAtAcceptance() {
    String code = cases.apply(ProjectCases.smallElectronics());
    ProcessInstance instance = cases.instance(code);
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);

    assertThat(instance).isEnded().hasPassed(Elements.COMPLETE_FILING, Elements.END_FILED)
        .hasNotPassed(Elements.JOINT_DECISION);
    Project project = cases.project(code);
    assertThat(project.status()).isEqualTo(ProjectStatus.FILED);
    assertThat(project.status().closed()).isTrue();
    assertThat(project.landSupplyRequired()).isFalse();
    assertThat(cases.tasks(code)).isEmpty();
    assertThat(caseRecord.of(code)).filteredOn(e -> "drc-filing".equals(e.stepKey())).singleElement()
        .satisfies(e -> assertThat(e.opinion()).containsPattern("备案号 园审备〔20\\d\\d〕\\d+号"));
    assertThat(cases.bodies(code, "【备案告知】企业投资项目备案")).singleElement().asString()
        .containsPattern("备案号 园审备〔20\\d\\d〕\\d+号").contains("第十三条");
    assertThat(cases.subjects(code)).filteredOn(s -> s.startsWith("【备案告知】")).hasSize(2);
    assertThatThrownBy(() -> projectService.withdraw(cases.project(code), "撤回", ProjectCases.ENTERPRISE_A))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("已备案");
  }

  @Test
  @DisplayName("review results are keyed by the review, not by the task's name: a renamed re-review replaces the return")
  void reviewResultsKeyedByReview() {
    String code = cases.apply(chemicalPlant());
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    cases.complete(cases.reviewNamed(code, "节能审查"), "return", "请补充节能报告。", "节能报告");
    cases.executeJobs(code);
    projectService.supplement(cases.project(code), "已补充节能报告", null, ProjectCases.ENTERPRISE_A);
    cases.executeJobs(code);
    Task again = cases.reviewNamed(code, "节能审查");
    again.setName("节能审查（复审）");
    taskService.saveTask(again);
    cases.approve(taskService.createTaskQuery().taskId(again.getId()).singleResult());

    String plan = (String) cases.variable(code, Variables.REVIEW_PLAN.name());
    assertThat(reviewResults.of(code, plan)).filteredOn(r -> r.name().contains("节能审查")).singleElement()
        .satisfies(r -> assertThat(r.decision()).isEqualTo("approve"));
  }
}
