package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectApprovalProcess.Variables.JOINT_REVIEW_DUE;
import static cn.parkflow.approval.ProjectApprovalProcess.Variables.PROJECT_CODE;
import static cn.parkflow.approval.ProjectApprovalProcess.Variables.REVIEW_KEY;
import static cn.parkflow.approval.ProjectApprovalProcess.Variables.REVIEW_NAME;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseItemNotFoundException;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.Light;
import cn.parkflow.identity.Department;
import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock pause of a department review (行政许可法 Art. 45): expert evaluation, testing, hearings and on-site
 * inspection do not count toward the limit. While a review is paused its due date, light and reminders stand still
 * (task-local {@link CaseVariables#CLOCK_PAUSED}), and so do the joint limit's timers while any review of the case is
 * paused; on resumption the review's due date moves by the working days it was paused, and the joint limit by the
 * working days some review of the case was paused. The applicant is told in writing both times; a pause past its
 * expected end is reported to 督查室 once.
 */
@Service
public class ReviewPauseService {
  static final String PAUSE_REASON = "行政许可法第四十五条";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ProjectRepository projects;
  private final ReviewPauseRepository pauses;
  private final CaseRecord caseRecord;
  private final ProjectNotices notices;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final TransactionTemplate afterCommit;

  public ReviewPauseService(TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService, ProjectRepository projects, ReviewPauseRepository pauses,
      CaseRecord caseRecord, ProjectNotices notices, Deadlines deadlines, EngineClock clock,
      PlatformTransactionManager transactionManager) {
    this.afterCommit = new TransactionTemplate(transactionManager);
    this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.projects = projects;
    this.pauses = pauses;
    this.caseRecord = caseRecord;
    this.notices = notices;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * An open department review as its department sees it.
   *
   * @param maxEvaluationDays the longest {@code expert-evaluation} pause still allowed (核准: {@code drc-evaluation-max}
   *     less what earlier evaluations took), or null when the review has no such ceiling
   */
  public record Review(String taskId, String processInstanceId, String projectCode, String reviewKey,
      String reviewName, String department, Integer maxEvaluationDays) {}

  /**
   * The open department review {@code taskId} if one of {@code groups} works it; otherwise (no such task, another
   * department's, or not a department review) {@link CaseItemNotFoundException}, so another's task is not confirmed.
   */
  @Transactional(readOnly = true)
  public Review review(String taskId, Collection<String> groups) {
    Task task = taskId == null || taskId.isBlank() || taskId.length() > 64 ? null
        : taskService.createTaskQuery().taskId(taskId).singleResult();
    String department = task == null ? null : taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).findFirst().orElse(null);
    if (task == null || !Elements.DEPARTMENT_REVIEW.equals(task.getTaskDefinitionKey())
        || !task.getProcessDefinitionId().startsWith(ProjectApprovalProcess.KEY + ":")
        || department == null || !groups.contains(department)) {
      throw new CaseItemNotFoundException("未找到本部门的部门审查任务 " + taskId);
    }
    String reviewKey = REVIEW_KEY.get(taskService, taskId);
    Integer max = null;
    if (ProjectApprovalProcess.Deadlines.DRC_APPROVAL.equals(reviewKey)) {
      max = Math.max(0, evaluationCeiling()
          - pauses.usedWorkingDays(task.getProcessInstanceId(), reviewKey, PauseKind.EXPERT_EVALUATION));
    }
    return new Review(taskId, task.getProcessInstanceId(), PROJECT_CODE.get(taskService, taskId), reviewKey,
        REVIEW_NAME.get(taskService, taskId), department, max);
  }

  /** The longest evaluation of a 核准 review, in working days ({@code drc-evaluation-max}). */
  public int evaluationCeiling() {
    return deadlines.spec(ProjectApprovalProcess.KEY, ProjectApprovalProcess.Deadlines.DRC_EVALUATION_MAX)
        .workingDays();
  }

  /**
   * Pauses the review's clock: the review and (unless another review of the case is paused already) the joint limit
   * stand still; the applicant gets the 暂停计时告知书 with the expected end.
   *
   * @throws CaseStateException when the review is paused already
   */
  @Transactional
  public ReviewPauseRepository.Row pause(Review review, PauseKind kind, String reason, int expectedWorkingDays,
      String user) {
    Project project = projects.lock(review.projectCode());
    if (project.status().closed()) {
      throw new CaseStateException("案件已办结（状态：" + project.status().label() + "），不能暂停计时");
    }
    ReviewPauseRepository.Row already = pauses.openOfTask(review.taskId()).orElse(null);
    if (already != null) {
      throw new CaseStateException("该审查已于 " + ProjectNotices.format(already.startedAt()) + " 暂停计时（"
          + already.kind().label() + "），须先恢复计时才能再次暂停");
    }
    Task task = taskService.createTaskQuery().taskId(review.taskId()).singleResult();
    Instant now = clock.now();
    List<ReviewPauseRepository.Row> others = pauses.openOfInstance(review.processInstanceId());
    Instant jointFrom = others.stream().map(ReviewPauseRepository.Row::jointPausedFrom).min(Instant::compareTo)
        .orElse(now);
    if (others.isEmpty()) {
      jointTimers(review.processInstanceId()).forEach(t -> managementService.suspendJobById(t.getId()));
    }
    Instant expectedEnd = deadlines.inWorkingDays(now, expectedWorkingDays);
    Instant dueBefore = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    ReviewPauseRepository.Row row = new ReviewPauseRepository.Row(0, review.projectCode(),
        review.processInstanceId(), review.taskId(), review.reviewKey(), review.reviewName(), review.department(),
        kind, reason, expectedWorkingDays, expectedEnd, now, user, jointFrom, dueBefore, null, null, null, null, null);
    long id = pauses.insert(row);
    if (CaseVariables.LIGHT.getLocal(taskService, review.taskId()) == null) {
      taskService.setVariableLocal(review.taskId(), CaseVariables.LIGHT.name(),
          Light.of(dueBefore, now, deadlines).value());
    }
    taskService.setVariableLocal(review.taskId(), CaseVariables.CLOCK_PAUSED.name(), true);
    caseRecord.add(event(review).by(user, now).detail("暂停计时（" + kind.label() + "，" + PAUSE_REASON + "）："
        + reason + "；预计 " + expectedWorkingDays + " 个工作日，至 " + ProjectNotices.format(expectedEnd)
        + "；审查时限（原至 " + ProjectNotices.format(dueBefore) + "）和联合审查时限暂停计算"));
    Map<String, Object> model = new HashMap<>();
    model.put("reviewName", review.reviewName());
    model.put("kindLabel", kind.label());
    model.put("reason", reason);
    model.put("expectedWorkingDays", expectedWorkingDays);
    model.put("pausedAt", ProjectNotices.format(now));
    model.put("expectedEnd", ProjectNotices.format(expectedEnd));
    model.put("evaluationMax", ProjectApprovalProcess.Deadlines.DRC_APPROVAL.equals(review.reviewKey())
        && kind == PauseKind.EXPERT_EVALUATION);
    model.put(ProjectNotices.ISSUER, review.department());
    notices.toApplicant(project, ProjectApprovalProcess.Notices.CLOCK_PAUSED, model, "pause:" + id);
    return pauses.openOfTask(review.taskId()).orElseThrow();
  }

  /**
   * Resumes the review's clock: its due date moves by the working days it was paused; when no other review of the
   * case stays paused the joint limit's timers move by the working days since the joint limit stopped and run again.
   * The applicant gets the 恢复计时告知书.
   *
   * @throws CaseStateException when the review is not paused
   */
  @Transactional
  public ReviewPauseRepository.Row resume(Review review, String user, String note) {
    Project project = projects.lock(review.projectCode());
    ReviewPauseRepository.Row open = pauses.openOfTask(review.taskId()).orElseThrow(() ->
        new CaseStateException("该审查未暂停计时，无需恢复"));
    Instant now = clock.now();
    int elapsed = deadlines.workingDaysElapsed(open.startedAt(), now);
    // 核准: the evaluation is not counted up to drc-evaluation-max in all (Order 673 Art. 10); beyond it, it counts.
    int days = review.maxEvaluationDays() != null && open.kind() == PauseKind.EXPERT_EVALUATION
        ? Math.min(elapsed, review.maxEvaluationDays()) : elapsed;
    Task task = taskService.createTaskQuery().taskId(review.taskId()).singleResult();
    Instant dueAfter = null;
    if (task.getDueDate() != null) {
      dueAfter = deadlines.moveBy(review.processInstanceId(), task.getDueDate().toInstant(), days);
      task.setDueDate(Date.from(dueAfter));
      taskService.saveTask(task);
      // the review's own limit (its extension and the late-extension check read it) moves with the task
      if (ProjectApprovalProcess.Variables.REVIEW_DUE.get(runtimeService, task.getExecutionId()) != null) {
        runtimeService.setVariable(task.getExecutionId(), ProjectApprovalProcess.Variables.REVIEW_DUE.name(),
            Date.from(dueAfter));
      }
    }
    taskService.removeVariableLocal(review.taskId(), CaseVariables.CLOCK_PAUSED.name());
    taskService.setVariableLocal(review.taskId(), CaseVariables.LIGHT.name(), Light.of(dueAfter, now, deadlines)
        .value());
    pauses.resume(open.id(), now, user, days, dueAfter);
    caseRecord.add(event(review).by(user, now).detail("恢复计时（" + open.kind().label() + "结束）：暂停 " + days
        + " 个工作日" + (days < elapsed ? "（实际 " + elapsed + " 个工作日，超出核准评估最长时间 " + evaluationCeiling()
        + " 个工作日的部分计入审查期限）" : "") + "，审查时限顺延至 " + ProjectNotices.format(dueAfter)
        + (note == null ? "" : "；" + note)));
    Instant jointDue = endJointPause(review.projectCode(), review.processInstanceId(), open.jointPausedFrom(), now,
        elapsed - days);
    Map<String, Object> model = new HashMap<>();
    model.put("reviewName", review.reviewName());
    model.put("kindLabel", open.kind().label());
    model.put("pausedAt", ProjectNotices.format(open.startedAt()));
    model.put("resumedAt", ProjectNotices.format(now));
    model.put("pausedWorkingDays", days);
    model.put("reviewDue", ProjectNotices.format(dueAfter));
    model.put("jointMoved", jointDue != null);
    model.put("jointDue", ProjectNotices.format(jointDue));
    model.put(ProjectNotices.ISSUER, review.department());
    notices.toApplicant(projects.get(project.projectCode()), ProjectApprovalProcess.Notices.CLOCK_RESUMED, model,
        "resume:" + open.id());
    return pauses.ofCase(review.projectCode()).stream().filter(r -> r.id() == open.id()).findFirst().orElseThrow();
  }

  /**
   * A paused review that is decided (completed) or ends with its case ends its pause too: the record says so and, if
   * it was the case's last pause and the case goes on, the joint limit runs again.
   */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "' or #task.eventName == '"
      + TaskListener.EVENTNAME_DELETE + "'")
  public void onReviewEnded(DelegateTask task) {
    if (!Elements.DEPARTMENT_REVIEW.equals(task.getTaskDefinitionKey())) {
      return;
    }
    ReviewPauseRepository.Row open = pauses.openOfTask(task.getId()).orElse(null);
    if (open == null) {
      return;
    }
    Instant now = clock.now();
    int days = deadlines.workingDaysElapsed(open.startedAt(), now);
    boolean completed = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
    pauses.resume(open.id(), now, ProjectService.SYSTEM, days, null);
    caseRecord.add(CaseEvent.of(open.projectCode(), ProjectApprovalProcess.KEY, open.processInstanceId(),
            CaseEvent.STATUS_CHANGED)
        .step(Elements.DEPARTMENT_REVIEW, open.reviewName(), open.taskId(), open.department())
        .detail((completed ? "审查在暂停计时期间作出结论" : "审查随案件结束") + "，暂停计时结束（暂停 " + days + " 个工作日）"));
    // The engine is completing the task in its own command: the joint timers are changed after it commits, in a
    // transaction of their own (a timer changed inside the command could not be deleted by it when the reviews end).
    if (completed && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          afterCommit.executeWithoutResult(status ->
              endJointPause(open.projectCode(), open.processInstanceId(), open.jointPausedFrom(), now, 0));
        }
      });
    }
  }

  /** Sends 督查室 one notice for each open pause past its expected end (red), and records it on the case. */
  @Transactional
  public int reportOverduePauses() {
    Instant now = clock.now();
    int sent = 0;
    for (ReviewPauseRepository.Row row : pauses.overdueUnnotified(now)) {
      Project project = projects.get(row.projectCode());
      pauses.markOverdueNotified(row.id(), now);
      caseRecord.add(CaseEvent.of(row.projectCode(), ProjectApprovalProcess.KEY, row.processInstanceId(),
              CaseEvent.STATUS_CHANGED)
          .step(Elements.DEPARTMENT_REVIEW, row.reviewName(), row.taskId(), Department.SUPERVISION.groupId())
          .detail("暂停计时已超过预计期限（" + ProjectNotices.format(row.expectedEnd()) + "，红灯）：" + row.reviewName()
              + "（" + Department.nameOf(row.department()) + "，" + row.kind().label() + "）；已告知督查室"));
      Map<String, Object> model = new HashMap<>();
      model.put("reviewName", row.reviewName());
      model.put("reviewer", notices.organ(row.department()));
      model.put("kindLabel", row.kind().label());
      model.put("reason", row.reason());
      model.put("pausedAt", ProjectNotices.format(row.startedAt()));
      model.put("expectedWorkingDays", row.expectedWorkingDays());
      model.put("expectedEnd", ProjectNotices.format(row.expectedEnd()));
      notices.toGroup(project, Department.SUPERVISION.groupId(), ProjectApprovalProcess.Notices.PAUSE_OVERDUE,
          model, "pause-overdue:" + row.id());
      sent++;
    }
    return sent;
  }

  /**
   * When no pause of the case stays open: the joint limit's timers (and the case's joint limit) move by the working
   * days since {@code from} and run again.
   *
   * @param counted working days of the pause that count all the same (a 核准 evaluation beyond its ceiling)
   * @return the joint limit after the move, or null when another pause still holds it or the case has none
   */
  private Instant endJointPause(String projectCode, String processInstanceId, Instant from, Instant now,
      int counted) {
    if (!pauses.openOfInstance(processInstanceId).isEmpty()) {
      return null;
    }
    int days = Math.max(0, deadlines.workingDaysElapsed(from, now) - counted);
    for (Job timer : jointTimers(processInstanceId)) {
      if (days > 0 && timer.getDuedate() != null) {
        managementService.setJobDuedate(timer.getId(),
            Date.from(deadlines.moveBy(processInstanceId, timer.getDuedate().toInstant(), days)));
      }
      managementService.activateJobById(timer.getId());
    }
    Project project = projects.get(projectCode);
    if (project.jointReviewDue() == null) {
      return null;
    }
    Instant moved = deadlines.moveBy(processInstanceId, project.jointReviewDue(), days);
    if (days > 0) {
      projects.moveJointReviewDue(projectCode, moved);
      if (JOINT_REVIEW_DUE.get(runtimeService, processInstanceId) != null) {
        runtimeService.setVariable(processInstanceId, JOINT_REVIEW_DUE.name(), Date.from(moved));
      }
      caseRecord.add(CaseEvent.of(projectCode, ProjectApprovalProcess.KEY, processInstanceId,
              CaseEvent.STATUS_CHANGED)
          .detail("联合审查时限扣除暂停计时的 " + days + " 个工作日（" + PAUSE_REASON + "），顺延至 "
              + ProjectNotices.format(moved)));
    }
    return moved;
  }

  private List<Job> jointTimers(String processInstanceId) {
    return Elements.JOINT_LIMIT_TIMERS.stream().flatMap(activity -> managementService.createJobQuery()
        .processInstanceId(processInstanceId).timers().activityId(activity).list().stream()).toList();
  }

  private static CaseEvent event(Review review) {
    return CaseEvent.of(review.projectCode(), ProjectApprovalProcess.KEY, review.processInstanceId(),
            CaseEvent.STATUS_CHANGED)
        .step(Elements.DEPARTMENT_REVIEW, review.reviewName(), review.taskId(), review.department());
  }
}
