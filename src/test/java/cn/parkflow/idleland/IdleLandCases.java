package cn.parkflow.idleland;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.parcel.ConstructionState;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.ParcelFoundIdle;
import cn.parkflow.parcel.ParcelResupplyRequested;
import cn.parkflow.support.CaseTasks;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Idle-land cases for the tests: realistic contracts, starts, tasks by step, timers fired by hand, notices. */
@Component
public class IdleLandCases {
  static final String HOLDER_A = "91360124MA39PFL7XC";
  static final String HOLDER_B = "91360124MA3AQ0KD27";

  @Autowired ObjectMapper mapper;
  @Autowired IdleLandValidator validator;
  @Autowired IdleLandService service;
  @Autowired IdleLandRepository repository;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate transactions;

  /** Every resupply request published, in order (the land-supply slice listens to them). */
  final List<ParcelResupplyRequested> resupplies = new ArrayList<>();

  @EventListener
  void on(ParcelResupplyRequested event) {
    resupplies.add(event);
  }

  /** A fresh parcel code of county 360124. */
  static String parcelCode() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("360124%03d%03dGB%05d", r.nextInt(1, 1000), r.nextInt(1, 1000), r.nextInt(1, 100000));
  }

  /**
   * A sale contract as land-supply records it: 50 亩 at 1,500 万元, handed over on time, to start {@code monthsAgo}
   * months before {@code today}, with 20,000 万元 committed.
   */
  static ParcelContract contract(String parcelCode, String holder, LocalDate agreedStart, boolean handedOverLate) {
    LocalDate agreedHandOver = agreedStart.minusMonths(6);
    return new ParcelContract(parcelCode, parcelCode, holder, "赣江新材料有限公司", "360124-26-01-000001-X",
        "RY-2026-0001", new BigDecimal("50"), 10, "39", "3601242025B00017", new BigDecimal("1500.00"),
        agreedHandOver, handedOverLate ? agreedHandOver.plusMonths(8) : agreedHandOver, agreedStart,
        agreedStart.plusYears(2), new BigDecimal("20000"), "进贤经济开发区兴业大道 88 号", new BigDecimal("1.2"),
        new BigDecimal("0.40"), new BigDecimal("0.07"), new BigDecimal("0.15"), new BigDecimal("400"),
        "赣(2025)进贤县不动产权第0001234号");
  }

  /** The construction watch finds the parcel idle, inside a transaction as the watch's check does. */
  String foundIdle(ParcelContract contract, LocalDate today) {
    transactions.executeWithoutResult(s -> publisher.publishEvent(new ParcelFoundIdle(contract,
        ConstructionState.notStarted(), "超过出让合同约定的动工开发日期满一年未动工开发，构成闲置土地（《闲置土地处置办法》第二条第一款）",
        today)));
    return contract.parcelCode();
  }

  /** A clerk's start body: an idle parcel whose agreed start was {@code monthsAgo} months ago. */
  ObjectNode idleBody(String parcelCode, String holder, int monthsAgo) {
    ObjectNode b = mapper.createObjectNode();
    b.put("parcelCode", parcelCode);
    b.put("kind", "idle");
    b.put("holderCreditCode", holder);
    b.put("holderName", "赣江新材料有限公司");
    ObjectNode f = b.putObject("facts");
    f.put("contractNumber", "3601242024B00031");
    f.put("location", "进贤经济开发区创业路 6 号");
    f.put("price", new BigDecimal("1234.50"));
    f.put("areaMu", new BigDecimal("42.5"));
    f.put("agreedStart", LocalDate.now().minusMonths(monthsAgo).toString());
    f.put("agreedHandOver", LocalDate.now().minusMonths(monthsAgo + 6).toString());
    f.put("actualHandOver", LocalDate.now().minusMonths(monthsAgo + 6).toString());
    f.put("committedInvestment", new BigDecimal("15000"));
    f.put("mortgagee", "中国银行进贤支行");
    f.put("mortgageeEmail", "credit@boc-jinxian.example.com");
    return b;
  }

  /** A stopped plant: built, 40 % invested, stopped producing 8 months ago. */
  ObjectNode stoppedPlantBody(String parcelCode, String holder, String admissionNumber) {
    ObjectNode b = mapper.createObjectNode();
    b.put("parcelCode", parcelCode);
    b.put("kind", "stopped-plant");
    b.put("holderCreditCode", holder);
    b.put("holderName", "赣江新材料有限公司");
    ObjectNode f = b.putObject("facts");
    f.put("areaMu", new BigDecimal("30"));
    f.put("price", new BigDecimal("900"));
    f.put("agreedStart", LocalDate.now().minusYears(5).toString());
    f.put("startedOn", LocalDate.now().minusYears(5).toString());
    f.put("completedOn", LocalDate.now().minusYears(3).toString());
    f.put("productionStoppedOn", LocalDate.now().minusMonths(8).toString());
    f.put("committedInvestment", new BigDecimal("10000"));
    f.put("investedAmount", new BigDecimal("4000"));
    if (admissionNumber != null) {
      f.put("admissionNumber", admissionNumber);
    }
    return b;
  }

  String start(ObjectNode body) {
    FieldErrors errors = new FieldErrors();
    IdleLandValidator.Start s = validator.validate(body, errors);
    assertThat(errors.list()).isEmpty();
    return service.start(s, "natural-resources-clerk", IdleLandService.FROM_API, null);
  }

  public IdleLandCase of(String parcelCode) {
    return repository.latest(parcelCode).orElseThrow();
  }

  public IdleLandStatus status(String parcelCode) {
    return of(parcelCode).status();
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

  public void complete(String parcelCode, String step, String decision, Object... more) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(DecisionRules.DECISION, decision);
    vars.put(DecisionRules.OPINION, "经审查，" + decision + "。");
    for (int i = 0; i < more.length; i += 2) {
      vars.put((String) more[i], more[i + 1]);
    }
    taskService.complete(task(parcelCode, step).getId(), vars);
  }

  /** Fires the case's timer at {@code activityId} by hand (the test profile runs no job executor). */
  public void fire(String parcelCode, String activityId) {
    String instance = of(parcelCode).processInstanceId();
    Job job = managementService.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
    assertThat(job).as("timer %s of %s", activityId, parcelCode).isNotNull();
    managementService.executeJob(job.getId());
  }

  /** The notices queued for the case, by kind, with their bodies. */
  List<String> notices(String parcelCode, String kind) {
    return jdbc.queryForList("select subject || E'\\n' || body from pf_outbox where reason_key like ?", String.class,
        IdleLandProcess.KEY + ":" + parcelCode + ":" + kind + ":%");
  }

  List<String> recipients(String parcelCode, String kind) {
    return jdbc.queryForList("select recipient from pf_outbox where reason_key like ?", String.class,
        IdleLandProcess.KEY + ":" + parcelCode + ":" + kind + ":%");
  }

  /** Whether the case's own instance ended (a land-supply case the reuse started has the same business key). */
  boolean ended(String parcelCode) {
    Long running = jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Long.class,
        of(parcelCode).processInstanceId());
    return running == 0;
  }
}
