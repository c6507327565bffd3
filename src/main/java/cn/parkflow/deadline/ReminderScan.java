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
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>Cost: the tasks are checked {@value #BATCH} to a transaction with a fixed number of reads per batch (the tasks,
 * their {@code light} and {@code clockPaused}, the notices already queued, the case variables of the notices to send),
 * plus each unclaimed yellow or red task's candidate links; group members' and assignees' addresses are read once per
 * scan ({@link TaskNotices#lookups()}). A green task whose light is current costs nothing else; only a notice to send
 * or a light to change writes. 10,000 tasks turning yellow at once: docs/benchmarks.md, "Reminder sweep".
 */
@Component
public class ReminderScan {
  public static final MailTemplate YELLOW_TEMPLATE = MailTemplate.task("reminder-yellow");
  public static final MailTemplate OVERDUE_TEMPLATE = MailTemplate.task("reminder-overdue");

  private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
  private static final int PAGE = 200;
  /** Tasks checked in one transaction. */
  private static final int BATCH = 100;
  private static final Date EPOCH = new Date(0);
  private static final DeadlineSpec ONE_WORKING_DAY = DeadlineSpec.ofWorkingDays(1);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TaskNotices notices;
  private final Outbox outbox;
  private final CaseRecord caseRecord;
  private final TransactionTemplate tx;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final int batchSize;

  @Autowired
  public ReminderScan(ProcessEngine engine, TaskNotices notices, Outbox outbox, CaseRecord caseRecord,
      PlatformTransactionManager transactionManager, Deadlines deadlines, EngineClock clock) {
    this(engine, notices, outbox, caseRecord, transactionManager, deadlines, clock, BATCH);
  }

  /** With {@code batchSize} tasks to a transaction instead of {@value #BATCH} (tests: several batches, few tasks). */
  ReminderScan(ProcessEngine engine, TaskNotices notices, Outbox outbox, CaseRecord caseRecord,
      PlatformTransactionManager transactionManager, Deadlines deadlines, EngineClock clock, int batchSize) {
    this.taskService = engine.getTaskService();
    this.runtimeService = engine.getRuntimeService();
    this.notices = notices;
    this.outbox = outbox;
    this.caseRecord = caseRecord;
    this.tx = new TransactionTemplate(transactionManager);
    this.deadlines = deadlines;
    this.clock = clock;
    this.batchSize = batchSize;
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

  /** What checking some tasks did; see {@link Report}. */
  private record Outcome(int messages, int lightsChanged, int upToDate) {
    static final Outcome NONE = new Outcome(0, 0, 0);

    Outcome plus(Outcome other) {
      return new Outcome(messages + other.messages, lightsChanged + other.lightsChanged, upToDate + other.upToDate);
    }
  }

  /** An open task as one check sees it: its light now, the light it shows, and the notice it is due, if any. */
  private record Check(Task task, Instant due, Light light, String shown, Notice notice) {}

  /** A reminder or overdue notice: its reason key, everyone it goes to, and which overdue notice it is. */
  private record Notice(String reason, Collection<String> to, int repeat) {}

  /** Looks at every open task with a due date once, at the engine clock's "now". */
  public Report scanOnce() {
    long start = System.nanoTime();
    Report report = scan(openTaskIds());
    log.debug("Reminder scan: {} in {} ms", report, (System.nanoTime() - start) / 1_000_000);
    return report;
  }

  /**
   * Looks at the given tasks once, at the engine clock's "now"; ids of tasks no longer open are skipped. The tasks
   * are checked {@value #BATCH} at a time, each batch in one transaction; when a batch fails (a task changed by
   * another node or a user at the same moment, or anything else), its work is rolled back and its tasks are checked
   * again one by one, each in a transaction of its own, so one task's trouble costs no other task its notice.
   */
  Report scan(List<String> ids) {
    Instant now = clock.now();
    TaskNotices.Lookups lookups = notices.lookups();
    Outcome total = Outcome.NONE;
    for (int from = 0; from < ids.size(); from += batchSize) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
      Outcome outcome = batch.size() > 1 ? checkBatch(batch, now, lookups) : null;
      if (outcome == null) {
        for (String id : batch) {
          total = total.plus(checkAlone(id, now, lookups));
        }
      } else {
        total = total.plus(outcome);
      }
    }
    return new Report(ids.size(), total.messages(), total.lightsChanged(), total.upToDate());
  }

  /** The batch in one transaction, or null when it failed and was rolled back. */
  private Outcome checkBatch(List<String> ids, Instant now, TaskNotices.Lookups lookups) {
    try {
      return tx.execute(status -> check(ids, now, lookups));
    } catch (RuntimeException e) {
      log.debug("Reminder scan: a batch of {} tasks failed, checking them one by one: {}", ids.size(), e.toString());
      return null;
    }
  }

  private Outcome checkAlone(String id, Instant now, TaskNotices.Lookups lookups) {
    try {
      return tx.execute(status -> check(List.of(id), now, lookups));
    } catch (OptimisticLockingException | ConcurrencyFailureException e) {
      // Another node or a user changed the task at the same moment; the next scan looks again.
      log.debug("Task {} changed during the reminder scan: {}", id, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Reminder scan skipped task {}", id, e);
    }
    return Outcome.NONE;
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

  /**
   * Some tasks, in the caller's transaction, with a fixed number of reads whatever their number: the open tasks in
   * one query, their {@code light} and {@code clockPaused} in one, which of their notices are queued already in one,
   * and the case variables of those still to be sent in one. Then per task, in the given order: its notice first (an
   * insert waits for another node's same insert), then its light. Only a task that is to be reminded costs writes.
   */
  private Outcome check(List<String> ids, Instant now, TaskNotices.Lookups lookups) {
    lookups.forgetTasks();
    String[] idArray = ids.toArray(String[]::new);
    Map<String, Task> open = new HashMap<>();
    taskService.createTaskQuery().taskIdIn(idArray).active().list().forEach(task -> open.put(task.getId(), task));
    Map<String, Map<String, Object>> locals = new HashMap<>();
    runtimeService.createVariableInstanceQuery().taskIdIn(idArray)
        .variableNameIn(CaseVariables.LIGHT.name(), CaseVariables.CLOCK_PAUSED.name())
        .disableBinaryFetching().disableCustomObjectDeserialization().list()
        .forEach(v -> locals.computeIfAbsent(v.getTaskId(), id -> new HashMap<>()).put(v.getName(), v.getValue()));

    List<Check> checks = new ArrayList<>();
    Map<String, Collection<String>> recipients = new LinkedHashMap<>();
    for (String id : ids) {
      Task task = open.get(id);
      if (task == null || task.getDueDate() == null) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      Light light = Light.of(due, now, deadlines);
      Map<String, Object> local = locals.getOrDefault(id, Map.of());
      String shown = CaseVariables.LIGHT.from(local);
      // A paused clock (Art. 45) stands still: no light change, no reminder.
      if ((light != Light.GREEN || !light.value().equals(shown))
          && Boolean.TRUE.equals(CaseVariables.CLOCK_PAUSED.from(local))) {
        continue;
      }
      Notice notice = switch (light) {
        case YELLOW -> yellowNotice(task, due, lookups);
        case RED -> overdueNotice(task, due, now, lookups);
        case GREEN -> null;
      };
      if (notice != null) {
        recipients.put(notice.reason(), notice.to());
      }
      checks.add(new Check(task, due, light, shown, notice));
    }
    Map<String, List<String>> missing = outbox.notQueued(recipients);
    lookups.readCaseVariables(checks.stream().filter(c -> c.notice() != null)
        .filter(c -> !missing.get(c.notice().reason()).isEmpty()).map(c -> c.task().getProcessInstanceId())
        .toList());

    Outcome outcome = Outcome.NONE;
    for (Check c : checks) {
      // Every scan on every node looks at every open task again, so a notice queued for everyone already is the
      // common case for a yellow or red task: found by the one query above, before facts are read or mail rendered.
      List<String> to = c.notice() == null ? List.of() : missing.get(c.notice().reason());
      boolean upToDate = c.notice() != null && to.isEmpty();
      int messages = to.isEmpty() ? 0 : c.light() == Light.YELLOW
          ? remind(c.task(), c.due(), c.notice(), to, lookups)
          : escalate(c.task(), c.due(), now, c.notice(), to, lookups);
      boolean changed = !c.light().value().equals(c.shown());
      if (changed) {
        taskService.setVariableLocal(c.task().getId(), CaseVariables.LIGHT.name(), c.light().value());
      }
      outcome = outcome.plus(new Outcome(messages, changed ? 1 : 0, upToDate ? 1 : 0));
    }
    return outcome;
  }

  private static Notice yellowNotice(Task task, Instant due, TaskNotices.Lookups lookups) {
    return new Notice("reminder:yellow:" + task.getId() + ":" + due.toEpochMilli(), lookups.handlerEmails(task), 0);
  }

  private Notice overdueNotice(Task task, Instant due, Instant now, TaskNotices.Lookups lookups) {
    int k = Math.max(0, deadlines.calendar().repeatsElapsed(due, deadlines.overdueEvery(), now));
    TreeSet<String> to = new TreeSet<>(lookups.handlerEmails(task));
    to.addAll(lookups.groupEmails(Department.SUPERVISION.groupId()));
    return new Notice("overdue:" + task.getId() + ":" + due.toEpochMilli() + ":" + k, to, k);
  }

  /** Queues the yellow reminder for {@code to} (those it is not yet queued for); how many were new. */
  private int remind(Task task, Instant due, Notice notice, List<String> to, TaskNotices.Lookups lookups) {
    TaskNotices.Facts facts = lookups.facts(task, Light.YELLOW);
    List<String> queued = outbox.enqueueEach(to, YELLOW_TEMPLATE, facts.model(), notice.reason(), facts.caseCode());
    if (!queued.isEmpty()) {
      record(facts, task, "黄灯提醒：" + facts.taskName() + " 将于 " + TaskNotices.format(due) + " 到期，已提醒 "
          + String.join("、", queued));
    }
    return queued.size();
  }

  /** Queues the overdue notice for {@code to} (those it is not yet queued for); how many were new. */
  private int escalate(Task task, Instant due, Instant now, Notice notice, List<String> to,
      TaskNotices.Lookups lookups) {
    int k = notice.repeat();
    TaskNotices.Facts facts = lookups.facts(task, Light.RED);
    String overdue = overdueText(due, now);
    Map<String, Object> model = facts.modelWith(Map.of(
        "overdueText", overdue,
        "firstNotice", k == 0,
        "repeat", k,
        "overdueEvery", inWords(deadlines.overdueEvery())));
    List<String> queued = outbox.enqueueEach(to, OVERDUE_TEMPLATE, model, notice.reason(), facts.caseCode());
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
