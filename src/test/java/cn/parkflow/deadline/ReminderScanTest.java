package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.mail.OutboxSender;
import cn.parkflow.mail.ReceivedMail;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reminders, escalation and repeated overdue notices with the engine clock moved by hand. */
@IntegrationTest
class ReminderScanTest {
  /** A Tuesday morning in an ordinary week, so the limits below end on plain working days. */
  static final Instant START = OffsetDateTime.parse("2026-12-01T09:00:00+08:00").toInstant();
  static final DeadlineSpec LIMIT = DeadlineSpec.ofWorkingDays(2);

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ReminderScan scan;
  @Autowired TaskNotices notices;
  @Autowired Deadlines deadlines;
  @Autowired CaseRecord caseRecord;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;

  WorkingDayCalendar calendar;
  final List<String> usersToDelete = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    ReminderTestProcess.deploy(repositoryService);
    calendar = deadlines.calendar();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    usersToDelete.forEach(identityService::deleteUser);
  }

  record Row(String recipient, String reasonKey, String subject, String body) {}

  List<Row> outboxRows(String reasonPrefix) {
    return jdbc.query("select recipient, reason_key, subject, body from pf_outbox where reason_key like ? "
            + "order by recipient",
        (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        reasonPrefix.replace("_", "\\_") + "%");
  }

  List<String> recipients(String reasonPrefix) {
    return outboxRows(reasonPrefix).stream().map(Row::recipient).toList();
  }

  List<CaseEvent> notices(String caseCode) {
    return caseRecord.of(caseCode).stream().filter(e -> CaseEvent.NOTICE_SENT.equals(e.kind())).toList();
  }

  Object light(Task task) {
    return taskService.getVariableLocal(task.getId(), cn.parkflow.variable.CaseVariables.LIGHT.name());
  }

  static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  String yellowKey(Task task) {
    return "reminder:yellow:" + task.getId() + ":" + task.getDueDate().getTime() + "|";
  }

  String overdueKey(Task task, int k) {
    return "overdue:" + task.getId() + ":" + task.getDueDate().getTime() + ":" + k + "|";
  }

  User newUser(String name) {
    String id = "rt-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName(name);
    user.setEmail(id + "@example.cn");
    identityService.saveUser(user);
    usersToDelete.add(id);
    return user;
  }

  @Test
  @DisplayName("unclaimed task: a reminder when yellow, a notice when red, and again every overdue-every")
  void reminderEscalationAndRepeatedOverdueNotices() throws Exception {
    at(START);
    String caseCode = ReminderTestProcess.newCaseCode();
    Instant due = calendar.due(START, LIMIT);
    ProcessInstance instance = ReminderTestProcess.start(runtimeService, caseCode, due);
    Task task = ReminderTestProcess.openTask(taskService, instance.getId());
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
    assertThat(light(task)).isEqualTo("green");

    List<String> drc = notices.groupEmails("drc");
    List<String> supervision = notices.groupEmails("supervision");
    assertThat(drc).contains("drc-clerk@parkflow.local");
    assertThat(supervision).contains("supervisor@parkflow.local");

    Instant warnFrom = calendar.warnFrom(due, deadlines.beforeDue());
    at(warnFrom.minusSeconds(60));
    scan.scanOnce();
    assertThat(outboxRows("reminder:yellow:" + task.getId())).isEmpty();
    assertThat(light(task)).isEqualTo("green");

    at(warnFrom.plusSeconds(60));
    scan.scanOnce();
    assertThat(recipients(yellowKey(task))).containsExactlyInAnyOrderElementsOf(drc);
    assertThat(light(task)).isEqualTo("yellow");
    Row reminder = outboxRows(yellowKey(task)).get(0);
    assertThat(reminder.subject()).contains("即将到期", caseCode, ReminderTestProcess.REVIEW_NAME);
    assertThat(reminder.body()).contains(caseCode, ReminderTestProcess.ENTERPRISE, ReminderTestProcess.REVIEW_NAME,
        "发展和改革局", TaskNotices.format(due), "黄灯",
        "/camunda/app/tasklist/default/#/?task=" + task.getId(), "待认领");
    scan.scanOnce();
    assertThat(recipients(yellowKey(task))).hasSize(drc.size());
    assertThat(notices(caseCode)).hasSize(1);

    at(due.plusSeconds(60));
    scan.scanOnce();
    List<String> handlersAndSupervision = new java.util.ArrayList<>(drc);
    handlersAndSupervision.addAll(supervision);
    assertThat(recipients(overdueKey(task, 0)))
        .containsExactlyInAnyOrderElementsOf(handlersAndSupervision.stream().distinct().toList());
    assertThat(light(task)).isEqualTo("red");
    Row first = outboxRows(overdueKey(task, 0)).get(0);
    assertThat(first.subject()).startsWith("【超期督办】").contains(caseCode);
    assertThat(first.body()).contains("红灯", TaskNotices.format(due), "已超期：1 分钟");

    Instant secondNotice = calendar.nthRepeat(due, deadlines.overdueEvery(), 1);
    at(secondNotice.minusSeconds(60));
    scan.scanOnce();
    assertThat(outboxRows(overdueKey(task, 1))).isEmpty();
    at(secondNotice.plusSeconds(60));
    scan.scanOnce();
    scan.scanOnce();
    assertThat(recipients(overdueKey(task, 1))).hasSize(handlersAndSupervision.stream().distinct().toList().size());
    Row repeat = outboxRows(overdueKey(task, 1)).get(0);
    assertThat(repeat.subject()).startsWith("【超期催办·第1次】");
    assertThat(repeat.body()).contains("第 1 次催办", "已超期：1 个工作日");

    at(calendar.nthRepeat(due, deadlines.overdueEvery(), 2).plusSeconds(60));
    scan.scanOnce();
    assertThat(outboxRows(overdueKey(task, 2))).isNotEmpty();
    assertThat(outboxRows(overdueKey(task, 2)).get(0).body()).contains("已超期：2 个工作日");
    assertThat(outboxRows("overdue:" + task.getId() + ":")).hasSize(3 * recipients(overdueKey(task, 0)).size());

    assertThat(notices(caseCode)).hasSize(4).allSatisfy(e -> {
      assertThat(e.taskId()).isEqualTo(task.getId());
      assertThat(e.stepKey()).isEqualTo(ReminderTestProcess.REVIEW);
      assertThat(e.department()).isEqualTo("drc");
      assertThat(e.processKey()).isEqualTo(ReminderTestProcess.KEY);
    });
    assertThat(notices(caseCode).get(0).detail()).startsWith("黄灯提醒");
    assertThat(notices(caseCode).get(3).detail()).startsWith("超期第 2 次催办");

    ClockUtil.reset();
    while (sender.sendDue() > 0) {
      // deliver the whole backlog of the shared database, ours included
    }
    Map<String, Long> received = ReceivedMail.countByReason(greenMail, "reminder:yellow:" + task.getId());
    received.putAll(ReceivedMail.countByReason(greenMail, "overdue:" + task.getId()));
    assertThat(received).hasSize(outboxRows("reminder:yellow:" + task.getId()).size()
        + outboxRows("overdue:" + task.getId()).size());
    assertThat(received.values()).containsOnly(1L);
  }

  @Test
  @DisplayName("a task whose notice is already queued is found up to date: nothing is rendered or written again")
  void repeatedScansFindTheQueuedNotice() {
    at(START);
    Instant due = calendar.due(START, LIMIT);
    ProcessInstance instance = ReminderTestProcess.start(runtimeService, ReminderTestProcess.newCaseCode(), due);
    Task task = ReminderTestProcess.openTask(taskService, instance.getId());
    int handlers = notices.groupEmails("drc").size();
    int handlersAndSupervision = notices.handlerEmails(task).size() + notices.groupEmails("supervision").size();

    at(calendar.warnFrom(due, deadlines.beforeDue()).plusSeconds(60));
    assertThat(scan.scan(List.of(task.getId()))).isEqualTo(new ReminderScan.Report(1, handlers, 1, 0));
    // Every later scan, on this node or another, finds the reminder queued for everyone and leaves it.
    assertThat(scan.scan(List.of(task.getId()))).isEqualTo(new ReminderScan.Report(1, 0, 0, 1));

    // A recipient still missing (here: the row was removed) is queued again, and only that one.
    jdbc.update("delete from pf_outbox where reason_key = ?", yellowKey(task) + "drc-clerk@parkflow.local");
    assertThat(scan.scan(List.of(task.getId()))).isEqualTo(new ReminderScan.Report(1, 1, 0, 0));
    assertThat(recipients(yellowKey(task))).hasSize(handlers).contains("drc-clerk@parkflow.local");

    at(due.plusSeconds(60));
    assertThat(scan.scan(List.of(task.getId()))).extracting(ReminderScan.Report::upToDate).isEqualTo(0);
    assertThat(scan.scan(List.of(task.getId()))).isEqualTo(new ReminderScan.Report(1, 0, 0, 1));
    assertThat(outboxRows(overdueKey(task, 0))).hasSizeLessThanOrEqualTo(handlersAndSupervision).isNotEmpty();
  }

  @Test
  @DisplayName("a task completed before its reminder gets none")
  void completedBeforeTheReminder() {
    at(START);
    String caseCode = ReminderTestProcess.newCaseCode();
    Instant due = calendar.due(START, LIMIT);
    ProcessInstance instance = ReminderTestProcess.start(runtimeService, caseCode, due);
    Task task = ReminderTestProcess.openTask(taskService, instance.getId());

    at(START.plusSeconds(3600));
    taskService.complete(task.getId(), Map.of("decision", "approve"));

    at(calendar.nthRepeat(due, deadlines.overdueEvery(), 3).plusSeconds(60));
    scan.scanOnce();
    assertThat(outboxRows("reminder:yellow:" + task.getId())).isEmpty();
    assertThat(outboxRows("overdue:" + task.getId())).isEmpty();
    assertThat(notices(caseCode)).isEmpty();
  }

  @Test
  @DisplayName("a claimed task is reminded to its assignee; after reassignment the next notice goes to the new one")
  void reassignment() {
    User first = newUser("first");
    User second = newUser("second");
    at(START);
    Instant due = calendar.due(START, LIMIT);
    ProcessInstance instance = ReminderTestProcess.start(runtimeService, ReminderTestProcess.newCaseCode(), due);
    Task task = ReminderTestProcess.openTask(taskService, instance.getId());
    taskService.setAssignee(task.getId(), first.getId());

    at(calendar.warnFrom(due, deadlines.beforeDue()).plusSeconds(60));
    scan.scanOnce();
    assertThat(recipients(yellowKey(task))).containsExactly(first.getEmail());
    assertThat(outboxRows(yellowKey(task)).get(0).body()).contains("测试 first");

    taskService.setAssignee(task.getId(), second.getId());
    at(due.plusSeconds(60));
    scan.scanOnce();
    List<String> expected = new java.util.ArrayList<>(notices.groupEmails("supervision"));
    expected.add(second.getEmail());
    assertThat(recipients(overdueKey(task, 0))).containsExactlyInAnyOrderElementsOf(expected)
        .doesNotContain(first.getEmail(), "drc-clerk@parkflow.local");
    assertThat(recipients(yellowKey(task))).containsExactly(first.getEmail());
  }

  @Test
  @DisplayName("a returned and reopened task is a new task with a fresh due date and fresh reminders")
  void returnedAndReopened() {
    at(START);
    String caseCode = ReminderTestProcess.newCaseCode();
    Instant due = calendar.due(START, LIMIT);
    ProcessInstance instance = ReminderTestProcess.start(runtimeService, caseCode, due);
    Task firstRound = ReminderTestProcess.openTask(taskService, instance.getId());

    Instant yellow = calendar.warnFrom(due, deadlines.beforeDue()).plusSeconds(60);
    at(yellow);
    scan.scanOnce();
    assertThat(outboxRows(yellowKey(firstRound))).isNotEmpty();

    Instant freshDue = calendar.due(yellow, LIMIT);
    taskService.complete(firstRound.getId(), Map.of("decision", "return", "opinion", "材料不全",
        "missingItems", "项目申请报告", "due", Date.from(freshDue)));
    Task secondRound = ReminderTestProcess.openTask(taskService, instance.getId());
    assertThat(secondRound.getId()).isNotEqualTo(firstRound.getId());
    assertThat(secondRound.getDueDate().toInstant()).isEqualTo(freshDue);
    assertThat(light(secondRound)).isEqualTo("green");

    scan.scanOnce();
    assertThat(outboxRows("reminder:yellow:" + secondRound.getId())).isEmpty();

    at(calendar.warnFrom(freshDue, deadlines.beforeDue()).plusSeconds(60));
    assertThat(due).isBefore(calendar.warnFrom(freshDue, deadlines.beforeDue()));
    scan.scanOnce();
    assertThat(recipients(yellowKey(secondRound))).containsExactlyInAnyOrderElementsOf(notices.groupEmails("drc"));
    assertThat(outboxRows("overdue:" + firstRound.getId())).isEmpty();
    assertThat(notices(caseCode)).extracting(CaseEvent::taskId)
        .containsExactly(firstRound.getId(), secondRound.getId());
  }
}
