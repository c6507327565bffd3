package cn.parkflow.deadline;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.identity.Department;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.mail.Outbox;
import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and escalation for every open user task with a due date, by a scan over due dates (see
 * {@link ReminderSchedule}).
 *
 * <ul>
 *   <li>yellow (due within {@code parkflow.reminders.before-due}): one reminder to the assignee, or to the candidate
 *       groups' members while the task is unclaimed;
 *   <li>red (overdue): a notice to the same people and to the supervision office at the due date, then again every
 *       {@code parkflow.reminders.overdue-every} while it stays overdue.
 * </ul>
 *
 * <p>Every notice has a reason key derived from the task, its due date and the engine clock
 * ({@code reminder:yellow:<taskId>:<dueMillis>}, {@code overdue:<taskId>:<dueMillis>:<k>}), and the outbox stores a
 * reason once per recipient. So a repeated scan, a restart or a second node scanning at the same time adds nothing
 * twice, and a scan that was down catches up with one current notice. A task completed before its reminder is no
 * longer open and gets none; a reassigned task's next notice goes to the new assignee; a task that is returned and
 * reopened is a new task with its own due date and its own reminders. A changed due date starts fresh reminders.
 * A task whose clock is paused ({@link CaseVariables#CLOCK_PAUSED}) keeps its light and gets no reminder until it
 * resumes.
 *
 * <p>The scan also keeps the task-local variable {@code light} current, which Tasklist's 即将到期 filters read.
 */
@Component
public class ReminderScan {
  /** Task-local variable holding the task's light ({@code green}, {@code yellow}, {@code red}). */
  public static final MailTemplate YELLOW_TEMPLATE = MailTemplate.task("reminder-yellow");
  public static final MailTemplate OVERDUE_TEMPLATE = MailTemplate.task("reminder-overdue");

  private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
  private static final int PAGE = 200;
  private static final Date EPOCH = new Date(0);
  private static final DeadlineSpec ONE_WORKING_DAY = DeadlineSpec.ofWorkingDays(1);
  /**
   * What {@link #remind} and {@link #escalate} answer when the notice is already queued for every recipient. Every
   * scan on every node looks at every open task again, so this is the common case for a yellow or red task: it is
   * found with one query, before the case's facts are read and the mail is rendered.
   */
  private static final int ALREADY_QUEUED = -1;

  private final TaskService taskService;
  private final TaskNotices notices;
  private final Outbox outbox;
  private final CaseRecord caseRecord;
  private final TransactionTemplate tx;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public ReminderScan(ProcessEngine engine, TaskNotices notices, Outbox outbox, CaseRecord caseRecord,
      PlatformTransactionManager transactionManager, Deadlines deadlines, EngineClock clock) {
    this.taskService = engine.getTaskService();
    this.notices = notices;
    this.outbox = outbox;
    this.caseRecord = caseRecord;
    this.tx = new TransactionTemplate(transactionManager);
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * What one scan did.
   *
   * @param tasks         open tasks with a due date looked at
   * @param messages      e-mails newly queued
   * @param lightsChanged tasks whose {@code light} variable was changed
   * @param upToDate      yellow or red tasks whose current notice was already queued for everyone: nothing was
   *                      rendered or written for them
   */
  public record Report(int tasks, int messages, int lightsChanged, int upToDate) {}

  private record Outcome(int messages, boolean lightChanged, boolean upToDate) {}

  /** Looks at every open task with a due date once, at the engine clock's "now". */
  public Report scanOnce() {
    return scan(openTaskIds());
  }

  /** Looks at the given tasks once, at the engine clock's "now"; ids of tasks no longer open are skipped. */
  Report scan(List<String> ids) {
    Instant now = clock.now();
    int messages = 0;
    int lights = 0;
    int upToDate = 0;
    for (String id : ids) {
      try {
        Outcome outcome = tx.execute(status -> check(id, now));
        if (outcome != null) {
          messages += outcome.messages();
          lights += outcome.lightChanged() ? 1 : 0;
          upToDate += outcome.upToDate() ? 1 : 0;
        }
      } catch (OptimisticLockingException | ConcurrencyFailureException e) {
        // Another node or a user changed the task at the same moment; the next scan looks again.
        log.debug("Task {} changed during the reminder scan: {}", id, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("Reminder scan skipped task {}", id, e);
      }
    }
    return new Report(ids.size(), messages, lights, upToDate);
  }

  private List<String> openTaskIds() {
    List<String> ids = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = taskService.createTaskQuery().active().dueAfter(EPOCH).orderByTaskId().asc()
          .listPage(first, PAGE);
      page.stream().filter(t -> t.getProcessInstanceId() != null).map(Task::getId).forEach(ids::add);
      if (page.size() < PAGE) {
        return ids;
      }
    }
  }

  /** One task, in one transaction: notices first (they wait for another node's), then the light. */
  private Outcome check(String taskId, Instant now) {
    Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
    if (task == null || task.getDueDate() == null) {
      return new Outcome(0, false, false);
    }
    Instant due = task.getDueDate().toInstant();
    Light light = Light.of(due, now, deadlines);
    String shown = CaseVariables.LIGHT.getLocal(taskService, taskId);
    // A paused clock (Art. 45) stands still: no light change, no reminder. Only a task that would change or be
    // reminded is asked, so the common green task costs no extra read.
    if ((light != Light.GREEN || !light.value().equals(shown))
        && Boolean.TRUE.equals(CaseVariables.CLOCK_PAUSED.getLocal(taskService, taskId))) {
      return new Outcome(0, false, false);
    }
    int messages = switch (light) {
      case YELLOW -> remind(task, due);
      case RED -> escalate(task, due, now);
      case GREEN -> 0;
    };
    boolean changed = !light.value().equals(shown);
    if (changed) {
      taskService.setVariableLocal(taskId, CaseVariables.LIGHT.name(), light.value());
    }
    return new Outcome(Math.max(0, messages), changed, messages == ALREADY_QUEUED);
  }

  private int remind(Task task, Instant due) {
    List<String> to = notices.handlerEmails(task);
    String reason = "reminder:yellow:" + task.getId() + ":" + due.toEpochMilli();
    if (outbox.allQueued(to, reason)) {
      return ALREADY_QUEUED;
    }
    TaskNotices.Facts facts = notices.facts(task, Light.YELLOW);
    List<String> queued = outbox.enqueueEach(to, YELLOW_TEMPLATE, facts.model(), reason, facts.caseCode());
    if (!queued.isEmpty()) {
      record(facts, task, "黄灯提醒：" + facts.taskName() + " 将于 " + TaskNotices.format(due) + " 到期，已提醒 "
          + String.join("、", queued));
    }
    return queued.size();
  }

  private int escalate(Task task, Instant due, Instant now) {
    WorkingDayCalendar calendar = deadlines.calendar();
    int k = Math.max(0, calendar.repeatsElapsed(due, deadlines.overdueEvery(), now));
    TreeSet<String> to = new TreeSet<>(notices.handlerEmails(task));
    to.addAll(notices.groupEmails(Department.SUPERVISION.groupId()));
    String reason = "overdue:" + task.getId() + ":" + due.toEpochMilli() + ":" + k;
    if (outbox.allQueued(to, reason)) {
      return ALREADY_QUEUED;
    }
    TaskNotices.Facts facts = notices.facts(task, Light.RED);
    String overdue = overdueText(due, now);
    Map<String, Object> model = facts.modelWith(Map.of(
        "overdueText", overdue,
        "firstNotice", k == 0,
        "repeat", k,
        "overdueEvery", inWords(deadlines.overdueEvery())));
    List<String> queued = outbox.enqueueEach(to, OVERDUE_TEMPLATE, model, reason, facts.caseCode());
    if (!queued.isEmpty()) {
      String what = k == 0 ? "红灯超期督办" : "超期第 " + k + " 次催办";
      record(facts, task, what + "：" + facts.taskName() + " 已于 " + TaskNotices.format(due) + " 到期，已超期 "
          + overdue + "，已通知 " + String.join("、", queued));
    }
    return queued.size();
  }

  private void record(TaskNotices.Facts facts, Task task, String detail) {
    caseRecord.add(CaseEvent.of(facts.caseCode(), facts.processKey(), facts.processInstanceId(), CaseEvent.NOTICE_SENT)
        .step(facts.taskKey(), facts.taskName(), task.getId(), facts.departmentGroup())
        .detail(detail));
  }

  private static String inWords(DeadlineSpec spec) {
    return spec.isWorkingDays() ? spec.workingDays() + " 个工作日" : spec.toString();
  }

  /** How long a task is overdue, in words: {@code 2 个工作日（共 4 天 3 小时）}, {@code 3 小时 5 分钟}. */
  String overdueText(Instant due, Instant now) {
    Duration d = Duration.between(due, now);
    String calendarTime;
    if (d.toDays() > 0) {
      calendarTime = d.toDays() + " 天" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " 小时" : "");
    } else if (d.toHoursPart() > 0) {
      calendarTime = d.toHoursPart() + " 小时" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " 分钟" : "");
    } else {
      calendarTime = d.toMinutesPart() > 0 ? d.toMinutesPart() + " 分钟" : "不足 1 分钟";
    }
    int workingDays = Math.max(0, deadlines.calendar().repeatsElapsed(due, ONE_WORKING_DAY, now));
    return workingDays > 0 ? workingDays + " 个工作日（共 " + calendarTime + "）" : calendarTime;
  }
}
