package cn.parkflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.mail.Outbox;
import cn.parkflow.mail.OutboxProperties;
import cn.parkflow.mail.OutboxSender;
import cn.parkflow.mail.ReceivedMail;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.TestSmtp;
import cn.parkflow.time.EngineClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two application nodes on one PostgreSQL: a second process engine (another name, no job executor) on the same
 * database scans at the same moment as the application's engine, and two outbox senders deliver at the same time.
 * Every reminder is queued, recorded and delivered once.
 */
@IntegrationTest
class ReminderScanTwoNodesTest {
  static final Instant START = OffsetDateTime.parse("2026-12-08T09:00:00+08:00").toInstant();
  static final int CASES = 5;

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  static ProcessEngine nodeB;

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ReminderScan nodeAScan;
  @Autowired TaskNotices notices;
  @Autowired Deadlines deadlines;
  @Autowired EngineClock clock;
  @Autowired Outbox outbox;
  @Autowired CaseRecord caseRecord;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired OutboxSender nodeASender;
  @Autowired ObjectProvider<JavaMailSender> mailSender;
  @Autowired OutboxProperties outboxProperties;
  @Autowired JdbcTemplate jdbc;
  @Value("${parkflow.base-url}") String baseUrl;

  @BeforeAll
  static void startSecondNode(@Autowired DataSource dataSource, @Autowired PlatformTransactionManager tm,
      @Autowired ApplicationContext context) {
    SpringProcessEngineConfiguration conf = new SpringProcessEngineConfiguration();
    conf.setProcessEngineName("parkflow-node-b");
    conf.setApplicationContext(context);
    conf.setDataSource(dataSource);
    conf.setTransactionManager(tm);
    conf.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    conf.setDatabaseType("postgres");
    conf.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
    conf.setIdGenerator(new StrongUuidGenerator());
    conf.setJobExecutorActivate(false);
    conf.setMetricsEnabled(false);
    conf.setHistoryCleanupBatchWindowStartTime("22:00");
    conf.setHistoryCleanupBatchWindowEndTime("06:00");
    nodeB = conf.buildProcessEngine();
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("two engines scanning at once queue and record each reminder once; two senders deliver it once")
  void twoNodesSendEachReminderOnce() throws Exception {
    ReminderTestProcess.deploy(repositoryService);
    ReminderScan nodeBScan = new ReminderScan(nodeB, new TaskNotices(nodeB, baseUrl), outbox, caseRecord,
        transactionManager, deadlines, clock);
    WorkingDayCalendar calendar = deadlines.calendar();
    Instant due = calendar.due(START, DeadlineSpec.ofWorkingDays(2));

    ClockUtil.setCurrentTime(Date.from(START));
    List<String> caseCodes = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String caseCode = ReminderTestProcess.newCaseCode();
      caseCodes.add(caseCode);
      tasks.add(ReminderTestProcess.openTask(taskService,
          ReminderTestProcess.start(runtimeService, caseCode, due).getId()));
    }
    int drc = notices.groupEmails("drc").size();
    int drcAndSupervision = (int) java.util.stream.Stream.concat(notices.groupEmails("drc").stream(),
        notices.groupEmails("supervision").stream()).distinct().count();

    ClockUtil.setCurrentTime(Date.from(calendar.warnFrom(due, deadlines.beforeDue()).plusSeconds(60)));
    concurrently(nodeAScan::scanOnce, nodeBScan::scanOnce);
    for (int i = 0; i < CASES; i++) {
      Task task = tasks.get(i);
      assertThat(count("reminder:yellow:" + task.getId() + ":")).isEqualTo(drc);
      assertThat(noticesOf(caseCodes.get(i))).isEqualTo(1);
      assertThat(taskService.getVariableLocal(task.getId(), cn.parkflow.variable.CaseVariables.LIGHT.name())).isEqualTo("yellow");
    }

    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    concurrently(nodeAScan::scanOnce, nodeBScan::scanOnce);
    ClockUtil.setCurrentTime(Date.from(calendar.nthRepeat(due, deadlines.overdueEvery(), 1).plusSeconds(60)));
    concurrently(nodeAScan::scanOnce, nodeBScan::scanOnce);
    for (int i = 0; i < CASES; i++) {
      Task task = tasks.get(i);
      assertThat(count("overdue:" + task.getId() + ":" + due.toEpochMilli() + ":0|")).isEqualTo(drcAndSupervision);
      assertThat(count("overdue:" + task.getId() + ":" + due.toEpochMilli() + ":1|")).isEqualTo(drcAndSupervision);
      assertThat(noticesOf(caseCodes.get(i))).isEqualTo(3);
      assertThat(taskService.getVariableLocal(task.getId(), cn.parkflow.variable.CaseVariables.LIGHT.name())).isEqualTo("red");
    }

    ClockUtil.reset();
    OutboxSender nodeBSender = new OutboxSender(jdbc, transactionManager, mailSender, "localhost", outboxProperties);
    concurrently(nodeASender::sendDue, nodeBSender::sendDue);
    for (Task task : tasks) {
      Map<String, Long> received = ReceivedMail.countByReason(greenMail, "reminder:yellow:" + task.getId());
      received.putAll(ReceivedMail.countByReason(greenMail, "overdue:" + task.getId()));
      assertThat(received).hasSize(drc + 2 * drcAndSupervision);
      assertThat(received.values()).containsOnly(1L);
    }
  }

  private int count(String reasonPrefix) {
    return jdbc.queryForObject("select count(*) from pf_outbox where starts_with(reason_key, ?)", Integer.class,
        reasonPrefix);
  }

  private long noticesOf(String caseCode) {
    return caseRecord.of(caseCode).stream().filter(e -> CaseEvent.NOTICE_SENT.equals(e.kind())).count();
  }

  /** Runs both at the same moment on two threads and waits for both. */
  private static void concurrently(Callable<?> first, Callable<?> second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier barrier = new CyclicBarrier(2);
      List<Future<?>> results = new ArrayList<>();
      for (Callable<?> work : List.of(first, second)) {
        results.add(pool.submit(() -> {
          barrier.await(10, TimeUnit.SECONDS);
          return work.call();
        }));
      }
      for (Future<?> result : results) {
        result.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
