package cn.parkflow.construction;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.CompletionVerified;
import cn.parkflow.parcel.ParcelFoundIdle;
import cn.parkflow.parcel.TitleRegistered;
import cn.parkflow.support.CaseTasks;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.time.Beijing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watched parcels for the tests: a realistic sale contract for enterprise-a, its title registered as the land slice
 * does it (the event inside a transaction), tasks, jobs, notices, and every ParcelFoundIdle and CompletionVerified committed (with whether it was
 * published inside the transaction).
 */
@Component
class WatchCases {
  static final String HOLDER = "91360124MA39PFL7XC";
  static final String HOLDER_NAME = "赣江新材料有限公司";
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 80_000));

  @Autowired ApplicationEventPublisher publisher;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ConstructionRepository watches;
  @Autowired ConstructionService service;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired CaseRecord caseRecord;
  @Autowired JdbcTemplate jdbc;

  final List<ParcelFoundIdle> foundIdle = new CopyOnWriteArrayList<>();

  @EventListener
  void on(ParcelFoundIdle event) {
    foundIdle.add(event);
  }

  /** A CompletionVerified whose transaction committed, and whether it was published inside one. */
  record Verified(CompletionVerified event, boolean inTransaction) {}

  final List<Verified> completionVerified = new CopyOnWriteArrayList<>();

  /** Kept when its transaction commits (a refused completion rolls it back with the step), or at once without one. */
  @EventListener
  void on(CompletionVerified event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      completionVerified.add(new Verified(event, false));
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        completionVerified.add(new Verified(event, true));
      }
    });
  }

  List<Verified> completionVerified(String parcelCode) {
    return completionVerified.stream().filter(v -> v.event().parcelCode().equals(parcelCode)).toList();
  }

  List<ParcelFoundIdle> foundIdle(String parcelCode) {
    return foundIdle.stream().filter(e -> e.contract().parcelCode().equals(parcelCode)).toList();
  }

  static String newParcelCode() {
    return "360124001003GB" + String.format("%05d", NEXT.incrementAndGet());
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Beijing.ZONE);
  }

  /**
   * A 30 亩 (20,000 m²) grade-11 parcel sold for 432 万元, 9,000 万元 committed (300 万元/亩), plot ratio ≥ 1.0,
   * coverage ≥ 30 %, offices ≤ 7 %, green ≤ 20 %, start and completion as given.
   */
  static ParcelContract contract(String parcelCode, LocalDate agreedStart, LocalDate agreedCompletion) {
    LocalDate handOver = today().minusDays(20);
    return new ParcelContract(parcelCode, parcelCode, HOLDER, HOLDER_NAME, "2026-360124-39-03-000123", null,
        new BigDecimal("30"), 11, "39", "3601242026B00012", new BigDecimal("432"), handOver, handOver, agreedStart,
        agreedCompletion, new BigDecimal("9000"), "进贤县经济开发区创业大道以南、电子路以东", new BigDecimal("1.0"),
        new BigDecimal("0.30"), new BigDecimal("0.07"), new BigDecimal("0.20"), new BigDecimal("300"),
        "赣（2026）进贤县不动产权第00" + parcelCode.substring(14) + "号");
  }

  /** Registers the title as the land slice does: the event inside a transaction. */
  String register(ParcelContract contract) {
    new TransactionTemplate(transactionManager).executeWithoutResult(s ->
        publisher.publishEvent(new TitleRegistered(contract)));
    return contract.parcelCode();
  }

  /** A parcel registered today, start in two months, completion in two years. */
  String registered() {
    return register(contract(newParcelCode(), today().plusMonths(2), today().plusYears(2)));
  }

  ConstructionWatch watch(String parcelCode) {
    return watches.get(parcelCode);
  }

  void report(String parcelCode, ReportKind kind, LocalDate date, int builtAreaM2, int investedAmount) {
    service.report(parcelCode, kind, date, BigDecimal.valueOf(builtAreaM2), BigDecimal.valueOf(investedAmount), null,
        "enterprise-a");
  }

  List<Task> tasks(String parcelCode, String step) {
    return CaseTasks.ofBusinessKey(taskService, parcelCode, step);
  }

  Task task(String parcelCode, String step) {
    return CaseTasks.one(tasks(parcelCode, step), parcelCode, step);
  }

  List<String> groups(Task task) {
    return CaseTasks.groups(taskService, task);
  }

  void complete(Task task, String decision, String opinion, Map<String, Object> more) {
    CaseTasks.decide(taskService, task, decision, opinion, more);
  }

  /** Confirms the start with a permit and work on site. */
  void confirmStart(String parcelCode) {
    complete(task(parcelCode, ConstructionWatchProcess.Elements.CONFIRM_START), DecisionRules.APPROVE, null,
        Map.of("permitNumber", "360124202607150101", "workOnSite", true));
  }

  /** Executes the case's timer jobs that are due on the engine clock; answers how many ran. */
  int runDueTimers(String parcelCode) {
    String pid = watch(parcelCode).processInstanceId();
    List<Job> due = managementService.createJobQuery().processInstanceId(pid).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list();
    due.forEach(j -> managementService.executeJob(j.getId()));
    return due.size();
  }

  /** The notices queued for the case by kind, each as {@code recipient: subject + body}. */
  /**
   * The case's notices of one kind, to the holder and the department clerks: a department's leaders
   * ({@code <group>-leader}, members of the group too) get their own copy, which these scenarios do not count.
   */
  List<String> notices(String parcelCode, String kind) {
    return jdbc.queryForList("select recipient || ': ' || subject || E'\\n' || body from pf_outbox"
        + " where reason_key like ? and recipient not like '%-leader@%' order by id", String.class,
        ConstructionWatchProcess.KEY + ":" + parcelCode + ":" + kind + ":%");
  }

  List<String> record(String parcelCode) {
    return caseRecord.of(parcelCode).stream().map(CaseEvent::detail).filter(d -> d != null).toList();
  }

  boolean ended(String parcelCode) {
    Long running = jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ?", Long.class,
        parcelCode);
    return running == 0;
  }
}
