package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.mail.Outbox;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.time.EngineClock;
import cn.parkflow.variable.CaseVariables;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * The scan checks many tasks per transaction: a mix of green, yellow, red, paused, reassigned, already reminded and
 * failing tasks spread over several batches gets exactly the notices and lights that checking each task alone gives,
 * once, and a failing task costs the others in its batch nothing.
 */
@IntegrationTest
class ReminderScanBatchTest {
  /** A Tuesday morning in an ordinary week. */
  static final Instant START = OffsetDateTime.parse("2026-12-15T09:00:00+08:00").toInstant();
  static final int BATCH = 3;

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired TaskNotices notices;
  @Autowired Outbox outbox;
  @Autowired CaseRecord caseRecord;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Deadlines deadlines;
  @Autowired EngineClock clock;
  @Autowired JdbcTemplate jdbc;

  final List<String> usersToDelete = new ArrayList<>();

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    usersToDelete.forEach(identityService::deleteUser);
  }

  /** The transaction manager, counting the transactions the scan begins. */
  static final class CountingTransactions implements PlatformTransactionManager {
    final PlatformTransactionManager delegate;
    final AtomicInteger begun = new AtomicInteger();

    CountingTransactions(PlatformTransactionManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
      TransactionStatus status = delegate.getTransaction(definition);
      if (status.isNewTransaction()) {
        begun.incrementAndGet();
      }
      return status;
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
      delegate.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
      delegate.rollback(status);
    }
  }

  @Test
  @DisplayName("several batches of mixed tasks: each due notice queued once, every light current, a failing task "
      + "alone left out")
  void mixedTasksOverSeveralBatches() {
    WorkingDayCalendar calendar = deadlines.calendar();
    ReminderTestProcess.deploy(repositoryService);
    ClockUtil.setCurrentTime(Date.from(START));
    Instant yellowDue = calendar.due(START, DeadlineSpec.ofWorkingDays(2));
    Instant now = calendar.warnFrom(yellowDue, deadlines.beforeDue()).plusSeconds(60);
    Instant greenDue = calendar.due(START, DeadlineSpec.ofWorkingDays(10));
    Instant redDue = now.minus(Duration.ofMinutes(30));
    assertThat(redDue).isAfter(START);

    User first = newUser("first", null);
    User second = newUser("second", null);
    User candidate = newUser("candidate", null);
    // the reason key "reminder:yellow:<task>:<due>|<address>" no longer fits pf_outbox: queueing fails
    User unreachable = newUser("unreachable", "u".repeat(240) + "@example.cn");

    Map<String, Task> tasks = new LinkedHashMap<>();
    tasks.put("green", open(greenDue));
    tasks.put("yellow", open(yellowDue));
    tasks.put("reminded", open(yellowDue));
    tasks.put("red", open(redDue));
    tasks.put("paused", open(yellowDue));
    tasks.put("reassigned", open(yellowDue));
    tasks.put("failing", open(yellowDue));
    tasks.put("withCandidate", open(yellowDue));
    tasks.put("pausedGreen", open(greenDue));
    tasks.put("redClaimed", open(redDue));
    taskService.setVariableLocal(id(tasks, "paused"), CaseVariables.CLOCK_PAUSED.name(), true);
    taskService.setVariableLocal(id(tasks, "pausedGreen"), CaseVariables.CLOCK_PAUSED.name(), true);
    taskService.setAssignee(id(tasks, "reassigned"), first.getId());
    taskService.setAssignee(id(tasks, "failing"), unreachable.getId());
    taskService.addCandidateUser(id(tasks, "withCandidate"), candidate.getId());
    taskService.setAssignee(id(tasks, "redClaimed"), second.getId());

    ClockUtil.setCurrentTime(Date.from(now));
    ReminderScan scan = new ReminderScan(engine, notices, outbox, caseRecord, transactionManager, deadlines, clock,
        BATCH);
    assertThat(scan.scan(List.of(id(tasks, "reminded"))).messages()).isPositive();
    taskService.setAssignee(id(tasks, "reassigned"), second.getId());
    tasks.replaceAll((name, task) -> taskService.createTaskQuery().taskId(task.getId()).singleResult());

    CountingTransactions counting = new CountingTransactions(transactionManager);
    ReminderScan batched = new ReminderScan(engine, notices, outbox, caseRecord, counting, deadlines, clock, BATCH);
    List<String> ids = tasks.values().stream().map(Task::getId).toList();
    ReminderScan.Report report = batched.scan(ids);

    List<String> drc = notices.groupEmails("drc");
    TreeSet<String> drcAndSupervision = new TreeSet<>(drc);
    drcAndSupervision.addAll(notices.groupEmails("supervision"));
    TreeSet<String> secondAndSupervision = new TreeSet<>(notices.groupEmails("supervision"));
    secondAndSupervision.add(second.getEmail());
    TreeSet<String> drcAndCandidate = new TreeSet<>(drc);
    drcAndCandidate.add(candidate.getEmail());

    assertThat(recipients(yellowKey(tasks.get("yellow")))).containsExactlyElementsOf(drc);
    assertThat(recipients(yellowKey(tasks.get("reminded")))).containsExactlyElementsOf(drc);
    assertThat(recipients(overdueKey(tasks.get("red")))).containsExactlyElementsOf(drcAndSupervision);
    assertThat(recipients(yellowKey(tasks.get("reassigned")))).containsExactly(second.getEmail());
    assertThat(recipients(yellowKey(tasks.get("withCandidate")))).containsExactlyElementsOf(drcAndCandidate);
    assertThat(recipients(overdueKey(tasks.get("redClaimed")))).containsExactlyElementsOf(secondAndSupervision);
    for (String quiet : List.of("green", "paused", "failing", "pausedGreen")) {
      assertThat(rowsOf(tasks.get(quiet))).as(quiet).isZero();
    }
    assertThat(outboxRow(yellowKey(tasks.get("reassigned")) + second.getEmail()))
        .contains("测试 second", ReminderTestProcess.REVIEW_NAME, "黄灯");
    assertThat(outboxRow(overdueKey(tasks.get("redClaimed")) + second.getEmail()))
        .contains("测试 second", "已超期：30 分钟", "红灯");

    Map<String, String> lights = new LinkedHashMap<>();
    tasks.forEach((name, task) -> lights.put(name, light(task)));
    assertThat(lights).isEqualTo(Map.of(
        "green", "green", "yellow", "yellow", "reminded", "yellow", "red", "red", "paused", "green",
        "reassigned", "yellow", "failing", "green", "withCandidate", "yellow", "pausedGreen", "green",
        "redClaimed", "red"));

    for (String reminded : List.of("yellow", "reminded", "red", "reassigned", "withCandidate", "redClaimed")) {
      assertThat(noticesOf(tasks.get(reminded))).as(reminded).isEqualTo(1);
    }
    int expectedMessages = drc.size() + drcAndSupervision.size() + 1 + drcAndCandidate.size()
        + secondAndSupervision.size();
    // "reminded" was queued before, and "reminded" had its light set then: 5 lights change now
    assertThat(report).isEqualTo(new ReminderScan.Report(ids.size(), expectedMessages, 5, 1));
    // four batches of at most three, and the failing task's batch once more task by task
    assertThat(counting.begun.get()).isEqualTo(4 + BATCH);

    // Another scan finds everything queued and every light current; the failing task fails alone again.
    counting.begun.set(0);
    assertThat(batched.scan(ids)).isEqualTo(new ReminderScan.Report(ids.size(), 0, 0, 6));
    assertThat(counting.begun.get()).isEqualTo(4 + BATCH);
    for (String reminded : List.of("yellow", "reminded", "red", "reassigned", "withCandidate", "redClaimed")) {
      assertThat(noticesOf(tasks.get(reminded))).as(reminded).isEqualTo(1);
    }
  }

  private Task open(Instant due) {
    return ReminderTestProcess.openTask(taskService,
        ReminderTestProcess.start(runtimeService, ReminderTestProcess.newCaseCode(), due).getId());
  }

  private static String id(Map<String, Task> tasks, String name) {
    return tasks.get(name).getId();
  }

  private User newUser(String name, String email) {
    String id = "rb-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName(name);
    user.setEmail(email != null ? email : id + "@example.cn");
    identityService.saveUser(user);
    usersToDelete.add(id);
    return user;
  }

  private String light(Task task) {
    return CaseVariables.LIGHT.getLocal(taskService, task.getId());
  }

  private static String yellowKey(Task task) {
    return "reminder:yellow:" + task.getId() + ":" + task.getDueDate().getTime() + "|";
  }

  private static String overdueKey(Task task) {
    return "overdue:" + task.getId() + ":" + task.getDueDate().getTime() + ":0|";
  }

  private List<String> recipients(String reasonPrefix) {
    return jdbc.queryForList("select recipient from pf_outbox where starts_with(reason_key, ?) order by recipient",
        String.class, reasonPrefix);
  }

  private String outboxRow(String reasonKey) {
    return jdbc.queryForObject("select body from pf_outbox where reason_key = ?", String.class, reasonKey);
  }

  private int rowsOf(Task task) {
    return jdbc.queryForObject("select count(*) from pf_outbox where strpos(reason_key, ?) > 0", Integer.class,
        ":" + task.getId() + ":");
  }

  private long noticesOf(Task task) {
    String caseCode = CaseVariables.CASE_CODE.get(runtimeService, task.getProcessInstanceId());
    return caseRecord.of(caseCode).stream().filter(e -> CaseEvent.NOTICE_SENT.equals(e.kind()))
        .filter(e -> task.getId().equals(e.taskId())).count();
  }
}
