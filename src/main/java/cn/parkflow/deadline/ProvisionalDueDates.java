package cn.parkflow.deadline;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working-day due dates computed while a year they count through had no official notice (Monday–Friday fallback) are
 * provisional (ADR 0012). Each is kept in {@code pf_provisional_due} with the process instance, the start and the
 * limit it was computed from; when a notice is loaded ({@link CalendarReloader}) each is computed again, and the open
 * tasks, timers and date variables of that instance that still hold the old value get the new one, the case record
 * notes each change, and {@link DueDateRecomputed} tells the slices (which keep copies, e.g. the joint limit).
 */
@Component
public class ProvisionalDueDates {
  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final EngineClock clock;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final CaseRecord caseRecord;
  private final ApplicationEventPublisher events;

  public ProvisionalDueDates(JdbcTemplate jdbc, WorkingDayCalendar calendar, EngineClock clock,
      @Lazy RuntimeService runtimeService, @Lazy TaskService taskService, @Lazy ManagementService managementService,
      @Lazy RepositoryService repositoryService, CaseRecord caseRecord, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.caseRecord = caseRecord;
    this.events = events;
  }

  /** A due date moved because its year's notice arrived; published in the recomputing transaction. */
  public record DueDateRecomputed(String processInstanceId, Instant oldDue, Instant newDue) {}

  /**
   * Keeps {@code due} for recomputation when it counted through a year without a notice. The process instance is the
   * one whose step is being evaluated (a task's due date, a timer, a delegate's call), or {@code processInstanceId}.
   */
  void noteIfProvisional(String processInstanceId, Instant start, DeadlineSpec spec, Instant due) {
    if (!spec.isWorkingDays() || calendar.officialThrough(start, due)) {
      return;
    }
    String instance = processInstanceId != null ? processInstanceId : currentProcessInstance();
    if (instance == null) {
      return;
    }
    jdbc.update("""
        insert into pf_provisional_due (process_instance_id, start_at, spec, due_at, computed_at)
        values (?, ?, ?, ?, ?) on conflict do nothing""", instance, Timestamp.from(start), spec.toString(),
        Timestamp.from(due), Timestamp.from(clock.now()));
  }

  // The engine's current execution while it evaluates a model expression (an impl class, as EngineClock's).
  private static String currentProcessInstance() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null || context.getExecution() == null ? null
        : context.getExecution().getProcessInstanceId();
  }

  private record Row(long id, String processInstanceId, Instant start, String spec, Instant due) {}

  /**
   * Computes every provisional due date again with the notices in force: what changed is moved, what no longer
   * counts through a year without a notice is settled.
   *
   * @return how many tasks, timers and variables got a new due date
   */
  @Transactional
  public int recompute() {
    List<Row> rows = jdbc.query("select * from pf_provisional_due where settled_at is null order by id",
        (rs, n) -> new Row(rs.getLong("id"), rs.getString("process_instance_id"),
            rs.getTimestamp("start_at").toInstant(), rs.getString("spec"), rs.getTimestamp("due_at").toInstant()));
    int changed = 0;
    Instant now = clock.now();
    for (Row row : rows) {
      Instant newDue = calendar.due(row.start(), DeadlineSpec.parse(row.spec()));
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processInstanceId(row.processInstanceId()).singleResult();
      boolean settled = instance == null || calendar.officialThrough(row.start(), newDue);
      if (instance != null && !newDue.equals(row.due())) {
        changed += move(instance, row, newDue);
        try {
          jdbc.update("update pf_provisional_due set due_at = ? where id = ?", Timestamp.from(newDue), row.id());
        } catch (DuplicateKeyException sameComputation) {
          jdbc.update("delete from pf_provisional_due where id = ?", row.id());
          continue;
        }
      }
      if (settled) {
        jdbc.update("update pf_provisional_due set settled_at = ? where id = ?", Timestamp.from(now), row.id());
      }
    }
    return changed;
  }

  private int move(ProcessInstance instance, Row row, Instant newDue) {
    String pi = instance.getId();
    Date old = Date.from(row.due());
    Date next = Date.from(newDue);
    List<String> what = new ArrayList<>();
    String caseCode = CaseVariables.CASE_CODE.get(runtimeService, pi);
    String processKey = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
    for (Task task : taskService.createTaskQuery().processInstanceId(pi).dueDate(old).list()) {
      task.setDueDate(next);
      taskService.saveTask(task);
      what.add(task.getName());
      caseRecord.add(CaseEvent.of(caseCode, processKey, pi, CaseEvent.STATUS_CHANGED)
          .step(task.getTaskDefinitionKey(), task.getName(), task.getId(), null)
          .detail(note(task.getName(), row, newDue)));
    }
    for (Job timer : managementService.createJobQuery().processInstanceId(pi).timers().list()) {
      if (old.equals(timer.getDuedate())) {
        managementService.setJobDuedate(timer.getId(), next);
        what.add("计时器");
        caseRecord.add(CaseEvent.of(caseCode, processKey, pi, CaseEvent.STATUS_CHANGED)
            .detail(note("期限计时器", row, newDue)));
      }
    }
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).list()) {
      if (variable.getValue() instanceof Date date && date.equals(old)) {
        runtimeService.setVariableLocal(variable.getExecutionId(), variable.getName(), next);
        what.add(variable.getName());
      }
    }
    events.publishEvent(new DueDateRecomputed(pi, row.due(), newDue));
    return what.size();
  }

  private static String note(String what, Row row, Instant newDue) {
    return "节假日安排已载入，按官方工作日重新计算期限：" + what + "（" + row.spec() + "，自 " + TaskNotices.format(row.start())
        + " 起算）由 " + TaskNotices.format(row.due()) + " 改为 " + TaskNotices.format(newDue)
        + "（原期限按周一至周五推算，为暂定期限）";
  }
}
