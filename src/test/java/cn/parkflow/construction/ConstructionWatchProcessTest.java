package cn.parkflow.construction;

import static cn.parkflow.construction.WatchCases.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.casefile.CaseLink;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.construction.ConstructionWatchProcess.Elements;
import cn.parkflow.mail.OutboxSender;
import cn.parkflow.mail.ReceivedMail;
import cn.parkflow.parcel.IdleLandTest;
import cn.parkflow.parcel.ParcelFoundIdle;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import cn.parkflow.task.DecisionRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code construction-watch} as the model runs it (issue 10). */
@IntegrationTest
class ConstructionWatchProcessTest {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired OutboxSender sender;
  @Autowired WatchCases cases;
  @Autowired ConstructionService service;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseLinks caseLinks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8))));
  }

  private static Map<String, Object> measured(String plotRatio, String coverage, String office, String green,
      String intensity) {
    Map<String, Object> m = new HashMap<>();
    m.put("measuredPlotRatio", Double.valueOf(plotRatio));
    m.put("measuredCoverage", Double.valueOf(coverage));
    m.put("measuredOfficeShare", Double.valueOf(office));
    m.put("measuredGreenShare", Double.valueOf(green));
    m.put("measuredIntensity", Double.valueOf(intensity));
    return m;
  }

  /** A parcel whose start is confirmed on the day of registration. */
  private String building() {
    String parcel = cases.registered();
    cases.report(parcel, ReportKind.STARTED, today(), 0, 500);
    cases.confirmStart(parcel);
    return parcel;
  }

  @Test
  @DisplayName("TitleRegistered starts the watch keyed by the parcel code, linked from its land case; 待开工, no task")
  void startedByTheTitle() {
    String parcel = cases.registered();
    ConstructionWatch w = cases.watch(parcel);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ConstructionWatchProcess.KEY).processInstanceBusinessKey(parcel).singleResult();
    assertThat(instance).isNotNull();
    assertThat(w.processInstanceId()).isEqualTo(instance.getId());
    assertThat(w.status()).isEqualTo(ConstructionStatus.NOT_STARTED);
    assertThat(w.titleRegisteredOn()).isEqualTo(today());
    assertThat(w.contract().price()).isEqualByComparingTo("432");
    assertThat(runtimeService.getActivityInstance(instance.getId()).getChildActivityInstances())
        .extracting(a -> a.getActivityId()).containsExactly(Elements.AWAIT_COMPLETION);
    assertThat(caseLinks.of(ConstructionWatchProcess.KEY, parcel)).singleElement().satisfies(l -> {
      assertThat(l.process()).isEqualTo(ConstructionWatchProcess.LAND_SUPPLY);
      assertThat(l.key()).isEqualTo(w.contract().landCaseKey());
      assertThat(l.outgoing()).isFalse();
    });
    assertThat(caseLinks.of(ConstructionWatchProcess.LAND_SUPPLY, parcel)).extracting(CaseLink::process)
        .contains(ConstructionWatchProcess.KEY);
    assertThat(cases.record(parcel)).anySatisfy(d -> assertThat(d).contains("开始供后监管").contains("待开工"));

    cases.register(w.contract());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parcel).count())
        .as("the same title registered again starts nothing").isEqualTo(1);
  }

  @Test
  @DisplayName("warnings 30 days before the agreed start and completion go to the holder and park-admin, once each")
  void warningsBeforeTheAgreedDates() {
    LocalDate start = today().plusDays(60);
    LocalDate completion = today().plusDays(400);
    String parcel = cases.register(WatchCases.contract(WatchCases.newParcelCode(), start, completion));

    moveClockTo(start.minusDays(31));
    assertThat(cases.runDueTimers(parcel)).isZero();
    assertThat(cases.notices(parcel, "start-warning")).isEmpty();

    moveClockTo(start.minusDays(30));
    assertThat(cases.runDueTimers(parcel)).isEqualTo(1);
    List<String> warnings = cases.notices(parcel, "start-warning");
    assertThat(warnings).hasSize(2);
    assertThat(warnings).anySatisfy(n -> assertThat(n).startsWith("enterprise-a@parkflow.local: 【开工提示书】")
        .contains(start.toString()).contains("自然资监〔").contains("第二条"));
    assertThat(warnings).anySatisfy(n -> assertThat(n).startsWith("park-admin-clerk@parkflow.local: "));
    service.startWarning(parcel);
    assertThat(cases.notices(parcel, "start-warning")).as("exactly once").hasSize(2);
    while (sender.sendDue() > 0) {
      // deliver everything queued
    }
    // the holder, park-admin-clerk and park-admin-leader (a member of park-admin too)
    assertThat(ReceivedMail.withReason(greenMail, ConstructionWatchProcess.KEY + ":" + parcel + ":start-warning:"))
        .hasSize(3).allSatisfy(m -> assertThat(ReceivedMail.subject(m)).startsWith("【开工提示书】宗地 " + parcel));

    cases.report(parcel, ReportKind.STARTED, today(), 0, 100);
    cases.confirmStart(parcel);
    moveClockTo(completion.minusDays(30));
    assertThat(cases.runDueTimers(parcel)).isEqualTo(1);
    assertThat(cases.notices(parcel, "completion-warning")).hasSize(2).anySatisfy(n ->
        assertThat(n).startsWith("enterprise-a@parkflow.local: 【竣工提示书】").contains(completion.toString())
            .contains("建设中"));
    service.completionWarning(parcel);
    assertThat(cases.notices(parcel, "completion-warning")).hasSize(2);
  }

  @Test
  @DisplayName("the recovered parcel to be supplied again (ParcelResupplyRequested) ends its watch: no more warnings to the former holder")
  void resupplyRequestedEndsTheWatch() {
    LocalDate start = today().plusDays(60);
    String parcel = cases.register(WatchCases.contract(WatchCases.newParcelCode(), start, start.plusYears(1)));
    String instance = cases.watch(parcel).processInstanceId();
    new org.springframework.transaction.support.TransactionTemplate(cases.transactionManager).executeWithoutResult(
        s -> cases.publisher.publishEvent(new cn.parkflow.parcel.ParcelResupplyRequested(parcel, parcel,
            new java.math.BigDecimal("30"), 11, "39", "进贤县经济开发区创业大道以南")));
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.SUPERSEDED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(cases.record(parcel)).anySatisfy(d -> assertThat(d).contains("重新供应").contains("原供后监管终止"));
    assertThat(service.dailyCheck(parcel, start.plusMonths(12))).isEmpty();
  }

  @Test
  @DisplayName("a new title for a watched parcel (supplied again) ends the old watch; the new one warns again")
  void parcelSuppliedAgain() {
    LocalDate start = today().plusDays(60);
    String parcel = cases.register(WatchCases.contract(WatchCases.newParcelCode(), start, start.plusYears(1)));
    String oldInstance = cases.watch(parcel).processInstanceId();
    long oldId = cases.watch(parcel).id();
    moveClockTo(start.minusDays(30));
    cases.runDueTimers(parcel);
    assertThat(cases.notices(parcel, "start-warning")).hasSize(2);

    LocalDate newStart = start.plusDays(40);
    var resupplied = WatchCases.contract(parcel, newStart, newStart.plusYears(1));
    resupplied = new cn.parkflow.parcel.ParcelContract(parcel, parcel, resupplied.holderCreditCode(),
        resupplied.holderName(), null, null, resupplied.areaMu(), resupplied.landGrade(), resupplied.industryCode(),
        "3601242027B00003", resupplied.price(), resupplied.agreedHandOver(), resupplied.actualHandOver(), newStart,
        newStart.plusYears(1), resupplied.committedInvestment(), resupplied.location(), resupplied.plotRatio(),
        resupplied.buildingCoverage(), resupplied.officeShare(), resupplied.greenShare(),
        resupplied.investmentIntensity(), "赣（2027）进贤县不动产权第0009999号");
    cases.register(resupplied);
    ConstructionWatch current = cases.watch(parcel);
    assertThat(current.id()).isNotEqualTo(oldId);
    assertThat(current.contract().contractNumber()).isEqualTo("3601242027B00003");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(oldInstance).count()).isZero();
    assertThat(cases.record(parcel)).anySatisfy(d -> assertThat(d).contains("原供后监管终止"));
    assertThat(cases.jdbc.queryForObject("select status from pf_construction_watch where id = ?", String.class,
        oldId)).isEqualTo(ConstructionStatus.SUPERSEDED.label());

    moveClockTo(newStart.minusDays(30));
    assertThat(cases.runDueTimers(parcel)).isEqualTo(1);
    assertThat(cases.notices(parcel, "start-warning")).as("the new watch's own warning").hasSize(4)
        .anySatisfy(n -> assertThat(n).contains(newStart.toString()));
  }

  @Test
  @DisplayName("a reported start opens 确认开工 for natural-resources; confirmation needs the permit and work on site")
  void startReportedAndConfirmed() {
    String parcel = cases.registered();
    cases.report(parcel, ReportKind.STARTED, today(), 0, 800);
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.START_REPORTED);
    var confirm = cases.task(parcel, Elements.CONFIRM_START);
    assertThat(cases.groups(confirm)).containsExactly("natural-resources");
    assertThat((List<?>) service.milestones(parcel).get("openSteps")).singleElement().asString().contains("确认开工");

    assertThatThrownBy(() -> cases.complete(confirm, DecisionRules.APPROVE, null, Map.of("workOnSite", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("permitNumber")
        .hasMessageContaining("workOnSite");
    assertThat(cases.tasks(parcel, Elements.CONFIRM_START)).hasSize(1);

    cases.complete(confirm, DecisionRules.REJECT, "现场尚未进场施工，仅完成场地平整。", Map.of());
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.NOT_STARTED);
    assertThat(cases.notices(parcel, "start-not-confirmed")).singleElement().asString()
        .contains("不予确认开工").contains("仅完成场地平整");
    assertThatThrownBy(() -> cases.report(parcel, ReportKind.PROGRESS, today(), 100, 900))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("待开工");

    cases.report(parcel, ReportKind.STARTED, today(), 0, 900);
    cases.confirmStart(parcel);
    ConstructionWatch w = cases.watch(parcel);
    assertThat(w.status()).isEqualTo(ConstructionStatus.BUILDING);
    assertThat(w.confirmedStart()).isEqualTo(today());
    assertThat(w.permitNumber()).isEqualTo("360124202607150101");
    assertThat(cases.record(parcel)).anySatisfy(d -> assertThat(d).contains("确认开工").contains("360124202607150101"));

    cases.report(parcel, ReportKind.STOPPED, today(), 3000, 2000);
    assertThatThrownBy(() -> cases.report(parcel, ReportKind.COMPLETED, today(), 3000, 2000))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("停工中");
    cases.report(parcel, ReportKind.RESUMED, today(), 3000, 2000);
    assertThatThrownBy(() -> cases.report(parcel, ReportKind.RESUMED, today(), 3000, 2000))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("复工只能在停工后报告");
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.BUILDING);
    assertThat(service.milestones(parcel)).satisfies(m -> {
      assertThat(m.get("confirmedStart")).isEqualTo(today());
      assertThat(m.get("reportedStart")).isEqualTo(today());
      assertThat((List<?>) m.get("reports")).hasSize(4);
      assertThat(m.get("watchStatus")).isEqualTo("建设中");
      assertThat((List<?>) m.get("openSteps")).isEmpty();
    });
  }

  @Test
  @DisplayName("the scheduled check classifies every open watch on the engine clock's day and records the result")
  void scheduledCheck() {
    String parcel = cases.registered();
    LocalDate day = today().plusMonths(3).plusDays(1);
    moveClockTo(day);
    new IdleCheckScan(service, cases.watches, new cn.parkflow.time.EngineClock()).checkAll();
    ConstructionWatch w = cases.watch(parcel);
    assertThat(w.idleCheckedOn()).isEqualTo(day);
    assertThat(w.idleResult()).isEqualTo("watch");
    assertThat(w.idleReason()).contains("已超过约定动工开发日期");
  }

  @Test
  @DisplayName("Art. 2 ¶1: not started a year after the agreed start → watch (park-admin told once), then idle")
  void idleNotStarted() {
    LocalDate start = today().plusMonths(1);
    String parcel = cases.register(WatchCases.contract(WatchCases.newParcelCode(), start, start.plusYears(1)));
    assertThat(service.dailyCheck(parcel, start.minusDays(1))).hasValueSatisfying(r ->
        assertThat(r.result()).isEqualTo("ok"));
    assertThat(service.dailyCheck(parcel, start.plusMonths(3))).hasValueSatisfying(r ->
        assertThat(r.result()).isEqualTo("watch"));
    service.dailyCheck(parcel, start.plusMonths(3).plusDays(1));
    assertThat(cases.notices(parcel, "idle-watch")).as("park-admin once").singleElement().asString()
        .startsWith("park-admin-clerk@parkflow.local: 【供后监管预警】").contains("预警跟踪");
    assertThat(cases.foundIdle(parcel)).isEmpty();

    // A start reported but not yet confirmed does not count (the local rule: permit and work on site).
    cases.report(parcel, ReportKind.STARTED, today(), 0, 100);
    LocalDate yearPast = start.plusMonths(12);
    assertThat(service.dailyCheck(parcel, yearPast.minusDays(1))).hasValueSatisfying(r ->
        assertThat(r.result()).isEqualTo("watch"));
    assertThat(service.dailyCheck(parcel, yearPast)).hasValueSatisfying(r -> assertThat(r.idle()).isTrue());
    assertThat(cases.foundIdle(parcel)).singleElement().satisfies(e -> {
      assertThat(e.contract()).isEqualTo(cases.watch(parcel).contract());
      assertThat(e.state().startedOn()).isNull();
      assertThat(e.reason()).contains("第二条第一款");
      assertThat(e.discoveredOn()).isEqualTo(yearPast);
    });
    ConstructionWatch w = cases.watch(parcel);
    assertThat(w.idleResult()).isEqualTo("idle");
    assertThat(w.status()).as("the watch goes on").isEqualTo(ConstructionStatus.START_REPORTED);
    assertThat(cases.record(parcel)).anySatisfy(d -> assertThat(d).contains("疑似闲置土地").contains("移交"));
    assertThat(cases.notices(parcel, "found-idle")).hasSize(2).anySatisfy(n ->
        assertThat(n).startsWith("natural-resources-clerk@parkflow.local: 【疑似闲置土地移交函】"));

    service.dailyCheck(parcel, yearPast.plusDays(1));
    assertThat(cases.foundIdle(parcel)).as("published once, on the change").hasSize(1);
  }

  @Test
  @DisplayName("Art. 2 ¶2: started, less than a third built and stopped a year → idle, with the parcel's facts")
  void idleLittleBuiltAndStopped() {
    String parcel = building();
    LocalDate stopped = today().plusMonths(2);
    cases.report(parcel, ReportKind.PROGRESS, today().plusMonths(1), 5000, 3000);
    cases.report(parcel, ReportKind.STOPPED, stopped, 5000, 3000);
    assertThat(service.dailyCheck(parcel, stopped.plusMonths(11))).hasValueSatisfying(r ->
        assertThat(r.result()).isEqualTo("watch"));
    assertThat(service.dailyCheck(parcel, stopped.plusMonths(12))).hasValueSatisfying(r -> {
      assertThat(r.idle()).isTrue();
      assertThat((double) r.inputs().get("builtShare")).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-6));
      assertThat((double) r.inputs().get("investedShare")).isGreaterThan(0.25);
    });
    ParcelFoundIdle e = cases.foundIdle(parcel).get(0);
    assertThat(cases.foundIdle(parcel)).hasSize(1);
    assertThat(e.reason()).contains("开发建设用地面积不足").contains("第二条第二款");
    assertThat(e.state().stoppedOn()).isEqualTo(stopped);
    assertThat(e.state().startedOn()).isEqualTo(cases.watch(parcel).confirmedStart());
    assertThat(e.state().builtAreaM2()).isEqualByComparingTo("5000");
    assertThat(e.contract().holderCreditCode()).isEqualTo(WatchCases.HOLDER);
    assertThat(e.contract().parcelCode()).isEqualTo(parcel);
  }

  @Test
  @DisplayName("Art. 2 ¶2: started, less than 25 % invested and stopped a year → idle; resumed in time → ok")
  void idleLittleInvestedAndStopped() {
    String parcel = building();
    LocalDate stopped = today().plusMonths(1);
    cases.report(parcel, ReportKind.STOPPED, stopped, 8000, 1000);
    assertThat(service.dailyCheck(parcel, stopped.plusMonths(12))).hasValueSatisfying(r ->
        assertThat(r.idle()).isTrue());
    assertThat(cases.foundIdle(parcel)).singleElement().satisfies(e -> {
      assertThat(e.reason()).contains("已投资额不足").contains("第二条第二款");
      assertThat(e.state().investedAmount()).isEqualByComparingTo("1000");
    });

    String other = building();
    cases.report(other, ReportKind.STOPPED, stopped, 8000, 1000);
    cases.report(other, ReportKind.RESUMED, stopped.plusMonths(6), 8000, 1000);
    assertThat(service.dailyCheck(other, stopped.plusMonths(12))).hasValueSatisfying(r ->
        assertThat(r.result()).isEqualTo("ok"));
    assertThat(cases.foundIdle(other)).isEmpty();
  }

  @Test
  @DisplayName("completion verified without a shortfall: 已竣工核验, no penalty, the holder told, the case ends")
  void completionWithoutShortfall() {
    String parcel = building();
    cases.report(parcel, ReportKind.COMPLETED, today(), 20000, 9500);
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.COMPLETION_REPORTED);
    var verify = cases.task(parcel, Elements.VERIFY_COMPLETION);
    assertThat(cases.groups(verify)).containsExactly("natural-resources");

    Map<String, Object> missing = measured("1.2", "35", "6", "15", "320");
    missing.remove("measuredIntensity");
    missing.put("measuredCoverage", 130.0);
    assertThatThrownBy(() -> cases.complete(verify, DecisionRules.APPROVE, null, missing))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("measuredIntensity")
        .hasMessageContaining("measuredCoverage");

    cases.complete(verify, DecisionRules.APPROVE, "各项指标达到出让合同约定。", measured("1.2", "35", "6", "15", "320"));
    ConstructionWatch w = cases.watch(parcel);
    assertThat(w.status()).isEqualTo(ConstructionStatus.VERIFIED);
    assertThat(w.penalty()).isEqualByComparingTo("0");
    assertThat(w.verifiedOn()).isEqualTo(today());
    assertThat(cases.ended(parcel)).isTrue();
    assertThat(cases.notices(parcel, "verified")).anySatisfy(n ->
        assertThat(n).startsWith("enterprise-a@parkflow.local: 【竣工核验结果通知】").contains("容积率 1.2，达到约定"));
    assertThat(cases.notices(parcel, "shortfall")).isEmpty();
    assertThat(service.dailyCheck(parcel, today())).as("a verified watch is not checked").isEmpty();
    assertThat(cases.completionVerified(parcel)).as("published in the verifying transaction, committed once (not by the refused attempt)").singleElement()
        .satisfies(v -> {
          assertThat(v.inTransaction()).isTrue();
          assertThat(v.event().landCaseKey()).isEqualTo(parcel);
          assertThat(v.event().shortfall()).isFalse();
          assertThat(v.event().penalty()).isEqualByComparingTo("0");
          assertThat(v.event().verifiedOn()).isEqualTo(today());
        });
  }

  @Test
  @DisplayName("completion with a shortfall: the contract's proportional penalty is recorded and the holder told")
  void completionWithShortfall() {
    String parcel = building();
    cases.report(parcel, ReportKind.COMPLETED, today(), 20000, 7200);
    // intensity 240 of 300 (20 % short → 86.4 万元), plot ratio 0.9 of 1.0 (10 % → 43.2 万元), office 9 % > 7 %
    cases.complete(cases.task(parcel, Elements.VERIFY_COMPLETION), DecisionRules.APPROVE, null,
        measured("0.9", "32", "9", "18", "240"));
    ConstructionWatch w = cases.watch(parcel);
    assertThat(w.status()).isEqualTo(ConstructionStatus.VERIFIED);
    assertThat(w.penalty()).isEqualByComparingTo(new BigDecimal("129.6"));
    assertThat(w.verification()).contains("\"shortfall\":true");
    assertThat(cases.notices(parcel, "shortfall")).anySatisfy(n ->
        assertThat(n).startsWith("enterprise-a@parkflow.local: 【竣工核验结果及违约金通知】").contains("129.6000 万元")
            .contains("投资强度 240 万元/亩，低于约定 300 万元/亩，差额比例 20.00%，违约金 86.4000 万元")
            .contains("行政办公及生活服务设施用地比重 9%，超过约定上限 7%"));
    assertThat(cases.ended(parcel)).isTrue();
    assertThat(service.milestones(parcel).get("penalty")).isEqualTo(new BigDecimal("129.600000"));
    assertThat(cases.completionVerified(parcel)).singleElement().satisfies(v -> {
      assertThat(v.event().shortfall()).isTrue();
      assertThat(v.event().penalty()).isEqualByComparingTo("129.6");
      assertThat(v.event().summary()).contains("违约金合计");
    });
  }

  @Test
  @DisplayName("completion not verified (not complete): building again, the holder told, a new report is verified")
  void completionRefused() {
    String parcel = building();
    cases.report(parcel, ReportKind.COMPLETED, today(), 15000, 8000);
    cases.complete(cases.task(parcel, Elements.VERIFY_COMPLETION), DecisionRules.REJECT, "厂房主体未封顶，未达到竣工条件。",
        Map.of());
    assertThat(cases.watch(parcel).status()).isEqualTo(ConstructionStatus.BUILDING);
    assertThat(cases.notices(parcel, "completion-refused")).singleElement().asString().contains("未封顶");
    assertThat(cases.ended(parcel)).isFalse();
    assertThat(cases.completionVerified(parcel)).as("not verified: nothing goes back to the land case").isEmpty();
    cases.report(parcel, ReportKind.COMPLETED, today(), 20000, 9000);
    assertThat(cases.tasks(parcel, Elements.VERIFY_COMPLETION)).hasSize(1);
    assertThat(IdleLandTest.inputs(cases.watch(parcel).contract(), service.state(cases.watch(parcel)), today())
        .get("completed")).isEqualTo(true);
  }
}
