package cn.parkflow.land;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.CaseTasks;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Land cases for the tests: fresh parcels, each step completed with valid values, timers, notices. */
@Component
public class LandCases {
  static final String CREDIT_CODE_A = "91360124MA39PFL7XC";
  static final String CREDIT_CODE_B = "91360124MA3AQ0KD27";
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 50_000) + 1);

  @Autowired LandSupplyService service;
  @Autowired LandCaseRepository cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired EngineClock clock;

  /** A parcel code of this county not used yet. */
  static String newParcelCode() {
    return String.format("360124001003GB%05d", SEQ.incrementAndGet() % 99_999 + 1);
  }

  static ParcelFacts parcel(String code) {
    return new ParcelFacts(code, "进贤县经济开发区光明路 " + code.substring(14) + " 号", new java.math.BigDecimal("30"), 8,
        "39", "工业用地（电子元器件制造）");
  }

  /** A prepared parcel (标准地) put up by a natural-resources clerk: waiting at the designation. */
  String startParcel() {
    return service.startForParcel(parcel(newParcelCode()), "natural-resources-clerk", null);
  }

  /** A prepared parcel, available, planned, priced, approved, announced and listed: the listing result is open. */
  String listed() {
    String key = startParcel();
    designate(key, LandRules.AVAILABLE);
    toAnnouncement(key);
    listingPeriodsEnd(key);
    return key;
  }

  /** A listed parcel sold to enterprise A at 300 元/m²: the contract is open. */
  String soldToA() {
    String key = listed();
    sold(key, CREDIT_CODE_A, "赣江新材料有限公司", "300");
    return key;
  }

  public LandCase landCase(String key) {
    return cases.findByKey(key).orElseThrow();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.now(), Beijing.ZONE);
  }

  public List<Task> tasks(String key, String step) {
    return taskService.createTaskQuery().processInstanceId(landCase(key).processInstanceId()).taskDefinitionKey(step)
        .list();
  }

  Task task(String key, String step) {
    return CaseTasks.one(tasks(key, step), key, step);
  }

  List<String> groups(Task task) {
    return CaseTasks.groups(taskService, task);
  }

  public void complete(String key, String step, Map<String, Object> values) {
    taskService.complete(task(key, step).getId(), values);
  }

  void decide(String key, String step, String decision, String opinion, Map<String, Object> more) {
    CaseTasks.decide(taskService, task(key, step), decision, opinion, more);
  }

  public void designate(String key, String quota) {
    LandCase c = landCase(key);
    Map<String, Object> v = new HashMap<>();
    String code = c.parcelCode() != null ? c.parcelCode() : newParcelCode();
    v.put("parcelCode", code);
    v.put("location", c.location() != null ? c.location() : "进贤县经济开发区光明路 " + code.substring(14) + " 号");
    v.put("areaMu", c.areaMu().toPlainString());
    v.put("landGrade", "8");
    v.put("industryCode", "39");
    v.put("plannedUse", "工业用地（电子元器件制造）");
    v.put("quota", quota);
    complete(key, LandSupplyProcess.Elements.DESIGNATE_PARCEL, v);
  }

  /** Planning conditions as the table suggests them, a reserve price at the minimum, the plan approved. */
  public void toAnnouncement(String key) {
    complete(key, LandSupplyProcess.Elements.SET_PLANNING_CONDITIONS, Map.of());
    complete(key, LandSupplyProcess.Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "300", "prioritized", false,
        "landIntensive", false));
    decide(key, LandSupplyProcess.Elements.APPROVE_SUPPLY_PLAN, "approve", "同意。", Map.of());
  }

  /** The announcement and the listing periods end. */
  public void listingPeriodsEnd(String key) {
    fireTimer(key, LandSupplyProcess.Elements.ANNOUNCEMENT);
    fireTimer(key, LandSupplyProcess.Elements.LISTING);
  }

  public void sold(String key, String creditCode, String name, String price) {
    complete(key, LandSupplyProcess.Elements.RECORD_LISTING_RESULT, Map.of("listingResult", "sold",
        "winnerCreditCode", creditCode, "winnerName", name, "salePrice", price));
  }

  void unsold(String key) {
    complete(key, LandSupplyProcess.Elements.RECORD_LISTING_RESULT, Map.of("listingResult", "unsold"));
  }

  /** A valid contract: hand-over in 60 days, start 3 months after, half down in 20 days, the rest in 6 months. */
  Map<String, Object> contract(String key) {
    LandCase c = landCase(key);
    LocalDate today = today();
    Map<String, Object> v = new HashMap<>();
    v.put("contractNumber", "JXCR-" + c.parcelCode().substring(14));
    v.put("agreedHandOver", today.plusDays(60).toString());
    v.put("agreedStart", today.plusDays(150).toString());
    v.put("agreedCompletion", today.plusDays(700).toString());
    v.put("committedInvestment", "9000");
    v.put("investmentIntensity", "300");
    v.put("downPayment", LandSupplyService.contractPrice(c).divide(new java.math.BigDecimal(2)).toPlainString());
    v.put("downPaymentDue", today.plusDays(20).toString());
    v.put("balanceDue", today.plusDays(180).toString());
    return v;
  }

  public void signContract(String key) {
    complete(key, LandSupplyProcess.Elements.SIGN_CONTRACT, contract(key));
  }

  /** Confirms the open payment, paid in full on {@code paidOn}. */
  public void pay(String key, LocalDate paidOn) {
    Task t = task(key, LandSupplyProcess.Elements.CONFIRM_PAYMENT);
    int seq = Integer.parseInt(LandSupplyProcess.Variables.PAYMENT_SEQ.get(taskService, t.getId()));
    LandCaseRepository.Payment p = cases.payments(landCase(key).id()).stream().filter(x -> x.seq() == seq)
        .findFirst().orElseThrow();
    taskService.complete(t.getId(), Map.of("paidAmount", p.amount().toPlainString(), "paidOn", paidOn.toString()));
  }

  /** Runs every job of the case that is due now (timers the clock has passed). */
  public void executeJobs(String key) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(landCase(key).processInstanceId())
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new AssertionError("jobs of " + key + " do not settle");
  }

  void fireTimer(String key, String activityId) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(landCase(key).processInstanceId())
        .timers().activityId(activityId).list();
    assertThat(timers).as("timers at %s", activityId).isNotEmpty();
    timers.forEach(j -> managementService.executeJob(j.getId()));
  }

  /**
   * The notices queued for the case by kind ({@code land-supply:<case>:<kind>:…}), subject and body, to the enterprise
   * and the department clerks: a department's leaders ({@code <group>-leader}, members of the group too) get their own
   * copy, which these scenarios do not count.
   */
  List<String> notices(String key, String kind) {
    return jdbc.queryForList("select subject || E'\\n' || body from pf_outbox where reason_key like ?"
        + " and recipient not like '%-leader@%'", String.class,
        LandSupplyProcess.KEY + ":" + key + ":" + kind + ":%");
  }

  boolean ended(String key) {
    Long running = jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Long.class,
        landCase(key).processInstanceId());
    return running == 0;
  }
}
