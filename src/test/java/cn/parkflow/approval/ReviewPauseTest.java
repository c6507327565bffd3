package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.ReminderScan;
import cn.parkflow.identity.Department;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.variable.CaseVariables;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 9 item 3: a department review's clock pause (行政许可法 Art. 45), in the engine with the clock moved by hand. */
@IntegrationTest
class ReviewPauseTest {
  private static final List<String> DRC = List.of(Department.DRC.groupId());

  @Autowired ProjectCases cases;
  @Autowired ReviewPauseService pauses;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired CaseRecord caseRecord;
  @Autowired ReminderScan reminderScan;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void clock(String beijing) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing).toInstant()));
  }

  private static Instant at(String beijing) {
    return OffsetDateTime.parse(beijing).toInstant();
  }

  /** A 核准 project (industry 25) accepted at {@code acceptedAt}: the drc-approval review is open. */
  private String acceptedApprovalProject(String acceptedAt) {
    clock(acceptedAt);
    String code = cases.apply(ProjectCases.application("25", "20000", "0", "100", false));
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    return code;
  }

  private int remindersOf(String taskId) {
    Integer n = jdbc.queryForObject("select count(*) from pf_outbox where reason_key like ? or reason_key like ?",
        Integer.class, "reminder:yellow:" + taskId + ":%", "overdue:" + taskId + ":%");
    return n == null ? 0 : n;
  }

  @Test
  @DisplayName("a 10-working-day pause over the National Day holiday moves the review's due date and the joint limit"
      + " by exactly 10 working days, and the applicant is told in writing both times")
  void pauseMovesTheReviewAndTheJointLimit() {
    String code = acceptedApprovalProject("2026-09-21T09:00+08:00");
    Task drc = cases.review(code, Department.DRC.groupId());
    assertThat(drc.getDueDate().toInstant()).isEqualTo(at("2026-10-26T17:30+08:00"));
    assertThat(cases.project(code).jointReviewDue()).isEqualTo(at("2026-11-30T17:30+08:00"));
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).getDuedate().toInstant())
        .isEqualTo(at("2026-11-23T17:30+08:00"));

    clock("2026-09-24T10:00+08:00");
    ReviewPauseService.Review review = pauses.review(drc.getId(), DRC);
    ReviewPauseRepository.Row paused = pauses.pause(review, PauseKind.EXPERT_EVALUATION, "委托工程咨询机构评估项目申请报告",
        10, "drc-clerk");
    // 25–27 Sep (Mid-Autumn) and 1–7 Oct are days off, 10 Oct a make-up working day: Monday–Friday would say 8 Oct.
    assertThat(paused.expectedEnd()).isEqualTo(at("2026-10-15T17:30+08:00"));
    assertThat(CaseVariables.CLOCK_PAUSED.getLocal(taskService, drc.getId())).isTrue();
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).isSuspended()).isTrue();
    assertThat(cases.view(code).openSteps()).filteredOn(s -> s.taskId().equals(drc.getId()))
        .singleElement().satisfies(s -> assertThat(s.paused()).isTrue());
    assertThat(cases.bodies(code, "【暂停计时告知】")).singleElement().satisfies(body -> assertThat(body)
        .contains("进贤县发展和改革局", "专家评审", "10 个工作日", "2026年10月15日 17:30", "第四十五条", "园审停〔2026〕")
        .contains("最长 30 个工作日"));

    clock("2026-10-15T17:30+08:00");
    ReviewPauseRepository.Row resumed = pauses.resume(review, "drc-clerk", null);
    assertThat(resumed.pausedWorkingDays()).isEqualTo(10);
    assertThat(taskService.createTaskQuery().taskId(drc.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(at("2026-11-09T17:30+08:00"));
    Job warning = cases.timer(code, Elements.JOINT_REVIEW_WARNING);
    assertThat(warning.getDuedate().toInstant()).isEqualTo(at("2026-12-07T17:30+08:00"));
    assertThat(warning.isSuspended()).isFalse();
    assertThat(ProjectApprovalProcess.Variables.JOINT_REVIEW_DUE.get(runtimeService, cases.instanceId(code)))
        .isEqualTo(java.util.Date.from(at("2026-12-14T17:30+08:00")));
    assertThat(cases.project(code).jointReviewDue()).isEqualTo(at("2026-12-14T17:30+08:00"));
    assertThat(CaseVariables.CLOCK_PAUSED.getLocal(taskService, drc.getId())).isNull();

    ProjectView.CaseView view = cases.view(code);
    assertThat(view.pauses()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo("expert-evaluation");
      assertThat(p.pausedWorkingDays()).isEqualTo(10);
      assertThat(p.resumedAt()).isNotNull();
      assertThat(p.dueAfter().toInstant()).isEqualTo(at("2026-11-09T17:30+08:00"));
    });
    assertThat(caseRecord.of(code)).extracting(CaseEvent::detail).anyMatch(d -> d != null && d.startsWith("暂停计时"))
        .anyMatch(d -> d != null && d.startsWith("恢复计时") && d.contains("暂停 10 个工作日"))
        .anyMatch(d -> d != null && d.startsWith("联合审查时限扣除暂停计时的 10 个工作日"));
    assertThat(cases.bodies(code, "【恢复计时告知】")).singleElement().satisfies(body -> assertThat(body)
        .contains("共 10 个工作日", "2026年11月9日 17:30", "2026年12月14日 17:30", "园审续〔2026〕"));
  }

  @Test
  @DisplayName("a paused review keeps its light and gets no reminder past its old due date; past the expected end"
      + " 督查室 is told once (red); pausing twice or resuming a running review is refused")
  void pausedReviewsGetNoRemindersAndLatePausesTurnRed() {
    String code = acceptedApprovalProject("2026-09-21T09:00+08:00");
    Task drc = cases.review(code, Department.DRC.groupId());
    ReviewPauseService.Review review = pauses.review(drc.getId(), DRC);
    assertThatThrownBy(() -> pauses.resume(review, "drc-clerk", null)).isInstanceOf(CaseStateException.class);
    pauses.pause(review, PauseKind.TESTING, "委托检测机构检测", 5, "drc-clerk");
    assertThatThrownBy(() -> pauses.pause(review, PauseKind.HEARING, "听证", 5, "drc-clerk"))
        .isInstanceOf(CaseStateException.class);

    clock("2026-10-28T10:00+08:00");
    reminderScan.scanOnce();
    assertThat(remindersOf(drc.getId())).isZero();
    assertThat(CaseVariables.LIGHT.getLocal(taskService, drc.getId())).isEqualTo("green");
    assertThat(cases.view(code).pauses()).singleElement().satisfies(p -> assertThat(p.light()).isEqualTo("red"));

    assertThat(pauses.reportOverduePauses()).isGreaterThanOrEqualTo(1);
    pauses.reportOverduePauses();
    assertThat(cases.recipients(code, "暂停计时超过预计期限")).contains("supervisor@parkflow.local")
        .doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("a review decided while paused ends its pause, and the joint limit runs again")
  void decidingEndsThePause() {
    String code = acceptedApprovalProject("2026-09-21T09:00+08:00");
    Task drc = cases.review(code, Department.DRC.groupId());
    pauses.pause(pauses.review(drc.getId(), DRC), PauseKind.INSPECTION, "现场核查", 3, "drc-clerk");
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).isSuspended()).isTrue();
    cases.approve(drc);
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).isSuspended()).isFalse();
    assertThat(cases.view(code).pauses()).singleElement().satisfies(p -> assertThat(p.resumedAt()).isNotNull());
  }

  @Test
  @DisplayName("another department's review is not found for a clerk")
  void anotherDepartmentsReviewIsNotFound() {
    String code = acceptedApprovalProject("2026-09-21T09:00+08:00");
    Task drc = cases.review(code, Department.DRC.groupId());
    assertThatThrownBy(() -> pauses.review(drc.getId(), List.of(Department.ECOLOGY_ENVIRONMENT.groupId())))
        .isInstanceOf(cn.parkflow.casefile.CaseItemNotFoundException.class);
  }

  @Test
  @DisplayName("the only review decided while paused: the reviews end and the joint decision opens")
  void decidingTheLastReviewWhilePaused() {
    clock("2026-09-21T09:00+08:00");
    // Tobacco (16), small, no land: 核准 is the only department review.
    String code = cases.apply(ProjectCases.application("16", "3000", "0", "100", false));
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    Task drc = cases.task(code, Elements.DEPARTMENT_REVIEW);
    pauses.pause(pauses.review(drc.getId(), DRC), PauseKind.EXPERT_EVALUATION, "专家评审", 5, "drc-clerk");
    cases.approve(drc);
    cases.executeJobs(code);
    assertThat(cases.tasks(code, Elements.JOINT_DECISION)).hasSize(1);
    // the joint limit covers the joint decision (行政许可法 Art. 42 ¶2): its warning runs again
    assertThat(cases.timer(code, Elements.JOINT_REVIEW_WARNING).isSuspended()).isFalse();
    assertThat(cases.view(code).pauses()).singleElement().satisfies(p -> assertThat(p.resumedBy()).isEqualTo("system"));
  }

  @Test
  @DisplayName("核准's evaluation is not counted up to 30 working days (Order 673 Art. 10): a 35-day evaluation moves"
      + " the review by 30, and the record says why")
  void drcEvaluationBeyondItsCeilingCounts() {
    String code = acceptedApprovalProject("2026-09-21T09:00+08:00");
    Task drc = cases.review(code, Department.DRC.groupId());
    clock("2026-09-24T10:00+08:00");
    ReviewPauseService.Review review = pauses.review(drc.getId(), DRC);
    assertThat(review.maxEvaluationDays()).isEqualTo(30);
    pauses.pause(review, PauseKind.EXPERT_EVALUATION, "委托评估", 30, "drc-clerk");
    clock("2026-11-19T17:30+08:00");
    ReviewPauseRepository.Row resumed = pauses.resume(pauses.review(drc.getId(), DRC), "drc-clerk", null);
    assertThat(resumed.pausedWorkingDays()).isEqualTo(30);
    assertThat(resumed.dueAfter()).isEqualTo(at("2026-12-07T17:30+08:00"));
    assertThat(pauses.review(drc.getId(), DRC).maxEvaluationDays()).isZero();
    assertThat(caseRecord.of(code)).extracting(CaseEvent::detail)
        .anyMatch(d -> d != null && d.contains("实际 35 个工作日"));
  }
}
