package cn.parkflow.supervision;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseItemNotFoundException;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.Light;
import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.mail.Outbox;
import cn.parkflow.time.EngineClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Urging (催办) by the supervision office: an e-mail to whoever works the task, a comment on the task that the
 * department reads in Tasklist, and an entry in the case record — all in one transaction, so either all three happen
 * or none. Each urging is its own notice: urging twice sends twice.
 */
@Component
public class Urging {
  public static final MailTemplate TEMPLATE = MailTemplate.task("urge");
  public static final String COMMENT_PREFIX = "【督查催办】";

  private final TaskService taskService;
  private final TaskNotices notices;
  private final Outbox outbox;
  private final CaseRecord caseRecord;
  private final TransactionTemplate tx;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public Urging(ProcessEngine engine, TaskNotices notices, Outbox outbox, CaseRecord caseRecord,
      PlatformTransactionManager transactionManager, Deadlines deadlines, EngineClock clock) {
    this.taskService = engine.getTaskService();
    this.notices = notices;
    this.outbox = outbox;
    this.caseRecord = caseRecord;
    this.tx = new TransactionTemplate(transactionManager);
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** What an urging did: who was e-mailed and the comment added to the task. */
  public record Result(String taskId, List<String> notified, String comment) {}

  /**
   * Urges an open task on behalf of {@code supervisorId}.
   *
   * @throws NotFoundException when no open task has this id
   * @throws CaseStateException when the task is suspended
   */
  public Result urge(String taskId, String supervisorId, String note) {
    return tx.execute(status -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessInstanceId() == null) {
        throw new CaseItemNotFoundException("任务不存在或已办结：" + taskId);
      }
      if (task.isSuspended()) {
        throw new CaseStateException("该任务所在案件已挂起，暂不能催办");
      }
      Instant now = clock.now();
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      TaskNotices.Facts facts = notices.facts(task, Light.of(due, now, deadlines));
      String supervisor = notices.displayName(supervisorId);
      String comment = COMMENT_PREFIX + note + "（" + supervisor + "，" + TaskNotices.format(now) + "）";

      String reason = "urge:" + task.getId() + ":" + UUID.randomUUID();
      Map<String, Object> model = facts.modelWith(Map.of(
          "note", note, "supervisor", supervisor, "urgedAtText", TaskNotices.format(now)));
      List<String> notified = outbox.enqueueEach(notices.handlerEmails(task), TEMPLATE, model, reason,
          facts.caseCode());
      taskService.createComment(task.getId(), task.getProcessInstanceId(), comment);
      caseRecord.add(CaseEvent.of(facts.caseCode(), facts.processKey(), facts.processInstanceId(), CaseEvent.URGED)
          .step(facts.taskKey(), facts.taskName(), task.getId(), facts.departmentGroup())
          .by(supervisorId, now)
          .detail(note));
      return new Result(task.getId(), List.copyOf(notified), comment);
    });
  }
}
