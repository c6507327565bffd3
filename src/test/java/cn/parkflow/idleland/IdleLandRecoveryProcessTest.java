package cn.parkflow.idleland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.idleland.IdleLandProcess.Elements;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code idle-land-recovery} as the model runs it (issue 12). */
@IntegrationTest
class IdleLandRecoveryProcessTest {
  @Autowired IdleLandCases cases;
  @Autowired IdleLandService service;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired CaseLinks caseLinks;
  @Autowired JdbcTemplate jdbc;

  private void statement(String parcel) {
    ObjectNode s = cases.mapper.createObjectNode();
    s.put("use", "已完成场地平整，未动工");
    s.put("reasons", "市场变化，资金未到位");
    service.statement(parcel, s, "enterprise-a");
  }

  @Test
  @DisplayName("started from construction-watch's ParcelFoundIdle: branch A with the contract's facts, linked from the watch; a second event starts nothing")
  void startedFromConstructionWatch() {
    LocalDate today = LocalDate.now();
    String parcel = cases.foundIdle(IdleLandCases.contract(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A,
        today.minusMonths(14), false), today);
    IdleLandCase c = cases.of(parcel);
    assertThat(c.branch()).isEqualTo("idle");
    assertThat(c.status()).isEqualTo(IdleLandStatus.INVESTIGATING);
    assertThat(c.startedFrom()).isEqualTo("construction-watch");
    assertThat(c.facts().get("price").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(c.facts().get("contractNumber").asText()).isEqualTo("3601242025B00017");
    assertThat(c.facts().get("reason").asText()).contains("第二条第一款");
    assertThat(c.facts().get("landGrade").asInt()).as("kept for a resupply").isEqualTo(10);
    assertThat(caseLinks.of(IdleLandProcess.KEY, parcel)).singleElement().satisfies(l -> {
      assertThat(l.process()).isEqualTo("construction-watch");
      assertThat(l.key()).isEqualTo(parcel);
      assertThat(l.outgoing()).isFalse();
    });
    Task open = cases.task(parcel, Elements.OPEN_INVESTIGATION);
    assertThat(cases.groups(open)).containsExactly("natural-resources");
    assertThat(ChronoUnit.DAYS.between(today, LocalDate.ofInstant(open.getDueDate().toInstant(),
        cn.parkflow.time.Beijing.ZONE))).isBetween(30L, 31L);

    cases.foundIdle(IdleLandCases.contract(parcel, IdleLandCases.HOLDER_A, today.minusMonths(15), false), today);
    assertThat(jdbc.queryForObject("select count(*) from pf_idle_land_case where parcel_code = ?", Long.class,
        parcel)).isEqualTo(1);
  }

  @Test
  @DisplayName("A, government-caused (late hand-over): holder cause and a fee are refused; plan → county approval → 已结案")
  void governmentCausedPlanApproved() {
    LocalDate today = LocalDate.now();
    String parcel = cases.foundIdle(IdleLandCases.contract(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A,
        today.minusMonths(20), true), today);
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.AWAITING_STATEMENT);
    assertThat(cases.notices(parcel, "investigation")).first().asString().contains("闲置土地调查通知书")
        .contains("进贤县自然资源和规划局").contains("自然资闲调〔").contains("30 日内");
    statement(parcel);
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.DETERMINING);

    assertThatThrownBy(() -> cases.complete(parcel, Elements.DETERMINE_CAUSE, "holder"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("逾期交地");
    assertThatThrownBy(() -> cases.complete(parcel, Elements.DETERMINE_CAUSE, "government"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("article8Item")
        .hasMessageContaining("faultDepartment");
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "government", "article8Item", "1", "faultDepartment",
        "县自然资源和规划局（土地储备中心）");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.NEGOTIATING);
    assertThat(cases.notices(parcel, "determination")).first().asString().contains("政府原因（第八条第1项）")
        .contains("不征缴土地闲置费");

    assertThatThrownBy(() -> cases.complete(parcel, Elements.AGREE_DISPOSAL_PLAN, "fee", "agreementNumber", "BC-1"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("decision");
    assertThatThrownBy(() -> cases.complete(parcel, Elements.AGREE_DISPOSAL_PLAN, "extend-start",
        "agreementNumber", "BC-2026-007")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("newStartDate");
    cases.complete(parcel, Elements.AGREE_DISPOSAL_PLAN, "extend-start", "agreementNumber", "BC-2026-007",
        "newStartDate", today.plusMonths(6).toString());
    cases.complete(parcel, Elements.APPROVE_DISPOSAL_PLAN, "return", "missingItems", "补充协议未写明新的竣工日期");
    cases.complete(parcel, Elements.AGREE_DISPOSAL_PLAN, "extend-start", "agreementNumber", "BC-2026-007",
        "newStartDate", today.plusMonths(6).toString());
    assertThat(cases.groups(cases.task(parcel, Elements.APPROVE_DISPOSAL_PLAN))).containsExactly("county-government");
    cases.complete(parcel, Elements.APPROVE_DISPOSAL_PLAN, "approve");
    IdleLandCase c = cases.of(parcel);
    assertThat(c.status()).isEqualTo(IdleLandStatus.CLOSED);
    assertThat(c.open()).isFalse();
    assertThat(cases.ended(parcel)).isTrue();
    assertThat(cases.notices(parcel, "plan-approved")).first().asString().contains("延长动工开发期限")
        .contains("BC-2026-007").contains("进贤县人民政府");
    assertThat(cases.notices(parcel, "fee-decision")).isEmpty();
    assertThat(cases.notices(parcel, "recovery-decision")).isEmpty();
  }

  @Test
  @DisplayName("A, government-caused: a fee is refused even when the draft task is reached by a Cockpit modification")
  void governmentCausedNeverGetsAFee() {
    LocalDate today = LocalDate.now();
    String parcel = cases.foundIdle(IdleLandCases.contract(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A,
        today.minusMonths(30), true), today);
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    statement(parcel);
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "government", "article8Item", "1", "faultDepartment", "县土地储备中心");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    runtimeService.createProcessInstanceModification(cases.of(parcel).processInstanceId())
        .startBeforeActivity(Elements.DRAFT_DECISION).execute();
    for (String kind : List.of("fee", "recovery")) {
      assertThatThrownBy(() -> cases.complete(parcel, Elements.DRAFT_DECISION, kind))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("政府原因").hasMessageContaining("第八条");
    }
    assertThat(cases.of(parcel).draft()).isNull();
  }

  @Test
  @DisplayName("A, holder-caused 1–2 years: recovery refused → fee 20 % → hearing requested → held → reviewed → decided → paid (已征缴)")
  void holderCausedFeePaid() {
    String parcel = cases.start(cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 18));
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    statement(parcel);
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "holder");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.DETERMINED);
    assertThat(cases.of(parcel).cause().get("idleMonths").asInt()).isEqualTo(18);

    assertThatThrownBy(() -> cases.complete(parcel, Elements.DRAFT_DECISION, "recovery"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未满两年")
        .hasMessageContaining("办理结论（decision）");
    cases.complete(parcel, Elements.DRAFT_DECISION, "fee");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.HEARING_NOTICE);
    assertThat(cases.of(parcel).draft().get("fee").asText()).isEqualTo("246.9");
    assertThat(cases.notices(parcel, "hearing-right")).first().asString().contains("听证告知书")
        .contains("246.9 万元").contains("5 个工作日");

    service.hearingRequest(parcel, "对闲置原因有异议", "enterprise-a");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.HEARING);
    LocalDate served = LocalDate.now();
    assertThatThrownBy(() -> cases.complete(parcel, Elements.HOLD_HEARING, "uphold", "noticeServedOn",
        served.toString(), "hearingDate", served.plusDays(3).toString(), "hearingRecord", "企业陈述资金困难"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("7 日前");
    assertThatThrownBy(() -> cases.complete(parcel, Elements.HOLD_HEARING, "uphold", "noticeServedOn",
        served.plusDays(30).toString(), "hearingDate", served.plusDays(40).toString(), "hearingRecord", "企业陈述"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("20 个工作日内");
    cases.complete(parcel, Elements.HOLD_HEARING, "uphold", "noticeServedOn", served.toString(), "hearingDate",
        served.plusDays(10).toString(), "hearingRecord", "企业陈述资金困难，未提出第八条政府原因的证据");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.DECIDING);
    assertThat(cases.groups(cases.task(parcel, Elements.LEGAL_REVIEW))).containsExactly("justice");
    cases.complete(parcel, Elements.LEGAL_REVIEW, "approve");
    cases.complete(parcel, Elements.APPROVE_DECISION, "approve");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.PERFORMING);
    assertThat(cases.notices(parcel, "fee-decision")).first().asString().contains("征缴土地闲置费决定书")
        .contains("246.9 万元").contains("出让价款 1234.5 万元的 20%").contains("进贤县自然资源和规划局").contains("自然资闲征〔")
        .contains("六十日内向进贤县人民政府申请行政复议").contains("六个月内向进贤县人民法院提起行政诉讼");
    assertThat(cases.of(parcel).id()).satisfies(id -> assertThat(jdbc.queryForList(
        "select kind from pf_idle_land_document where case_id = ? order by id", String.class, id))
        .containsExactly("investigation", "determination", "hearing-right", "hearing-notice", "fee-decision"));

    Task compliance = cases.task(parcel, Elements.CONFIRM_COMPLIANCE);
    assertThat(cases.groups(compliance)).containsExactly("finance");
    cases.complete(parcel, Elements.CONFIRM_COMPLIANCE, "complied");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.FEE_COLLECTED);
    assertThat(cases.ended(parcel)).isTrue();
  }

  @Test
  @DisplayName("A, ≥ 2 years: no statement → recovery (mortgagee copied) → no hearing → no compliance → enforcement → reuse resupply publishes ParcelResupplyRequested")
  void recoveryEnforcedAndResupplied() {
    String parcel = cases.start(cases.idleBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, 30));
    cases.complete(parcel, Elements.OPEN_INVESTIGATION, "approve");
    cases.fire(parcel, Elements.STATEMENT_DEADLINE);
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.DETERMINING);
    cases.complete(parcel, Elements.DETERMINE_CAUSE, "holder");
    cases.complete(parcel, Elements.ISSUE_DETERMINATION, "approve");
    cases.complete(parcel, Elements.DRAFT_DECISION, "recovery");
    assertThat(cases.recipients(parcel, "hearing-right")).contains("credit@boc-jinxian.example.com");
    cases.fire(parcel, Elements.HEARING_REQUEST_DEADLINE);
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.DECIDING);
    assertThat(cases.tasks(parcel, Elements.HOLD_HEARING)).isEmpty();
    assertThatThrownBy(() -> service.hearingRequest(parcel, null, "enterprise-a"))
        .isInstanceOf(CaseStateException.class);
    cases.complete(parcel, Elements.LEGAL_REVIEW, "approve");
    cases.complete(parcel, Elements.APPROVE_DECISION, "approve");
    assertThat(cases.notices(parcel, "recovery-decision")).first().asString().contains("无偿收回")
        .contains("中国银行进贤支行").contains("申请行政复议").contains("提起行政诉讼");
    assertThat(cases.recipients(parcel, "recovery-decision")).contains("credit@boc-jinxian.example.com");

    Task compliance = cases.task(parcel, Elements.CONFIRM_COMPLIANCE);
    assertThat(cases.groups(compliance)).containsExactly("natural-resources");
    cases.complete(parcel, Elements.CONFIRM_COMPLIANCE, "not-complied");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.PERFORMING);
    cases.fire(parcel, Elements.APPEAL_PERIODS_END);
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.ENFORCING);
    assertThatThrownBy(() -> cases.complete(parcel, Elements.APPLY_FOR_ENFORCEMENT, "enforced"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("courtCaseNumber");
    cases.complete(parcel, Elements.APPLY_FOR_ENFORCEMENT, "enforced", "courtCaseNumber", "（2027）赣0124行审12号");
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.RECOVERED);

    int before = cases.resupplies.size();
    cases.complete(parcel, Elements.DECIDE_REUSE, "resupply");
    assertThat(cases.resupplies.subList(before, cases.resupplies.size())).singleElement().satisfies(e -> {
      assertThat(e.parcelCode()).isEqualTo(parcel);
      assertThat(e.idleCaseKey()).isEqualTo(parcel);
      assertThat(e.areaMu()).isEqualByComparingTo("42.5");
    });
    IdleLandCase c = cases.of(parcel);
    assertThat(c.status()).isEqualTo(IdleLandStatus.RECOVERED);
    assertThat(c.outcome().get("reuse").asText()).isEqualTo("resupply");
    assertThat(c.open()).isFalse();
    assertThat(cases.ended(parcel)).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("land-supply")
        .processInstanceBusinessKey(parcel).count()).as("the land-supply case the reuse started").isEqualTo(1);
  }

  private String admissionWithLeader(String holder) {
    String number = String.format("RY-2026-%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10000));
    jdbc.update("delete from pf_admission where admission_number = ?", number);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("""
        insert into pf_admission (admission_number, credit_code, enterprise_name, project_name, application, status,
          stage, created_by, created_at, updated_at, leader)
        values (?, ?, '赣江新材料有限公司', '停产厂房盘活测试', '{}', '已投产', '跟踪服务', 'enterprise-a', ?, ?,
          'county-government-clerk')""", number, holder, now, now);
    return number;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"state-acquisition", "lease-back", "lease-conversion", "paid-recovery", "bankruptcy",
      "judicial-auction"})
  @DisplayName("B, each route to 已盘活 with the new holder and the freed 亩; the county leader is told of each step")
  void stoppedPlantRoute(String route) {
    String admission = admissionWithLeader(IdleLandCases.HOLDER_A);
    String parcel = cases.start(cases.stoppedPlantBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A,
        admission));
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.INVESTIGATING);
    assertThat(cases.groups(cases.task(parcel, Elements.ASSESS_STOPPED_PLANT))).containsExactly("park-admin");
    assertThatThrownBy(() -> cases.complete(parcel, Elements.ASSESS_STOPPED_PLANT, "approve"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("holderPlan")
        .hasMessageContaining("insolvent");
    String plan = switch (route) {
      case "lease-conversion" -> "lease";
      case "lease-back" -> "co-manage";
      case "state-acquisition" -> "sell";
      default -> "recover";
    };
    cases.complete(parcel, Elements.ASSESS_STOPPED_PLANT, "approve", "equipment", "两条生产线，设备完好",
        "debts", "银行贷款 3000 万元", "mortgages", "厂房抵押给中国银行", "litigation", "无",
        "insolvent", "bankruptcy".equals(route) ? "true" : "false",
        "courtSeized", "judicial-auction".equals(route) ? "true" : "false", "holderPlan", plan);
    assertThat(runtimeService.getVariable(cases.of(parcel).processInstanceId(), "suggestedRoute")).isEqualTo(route);
    cases.complete(parcel, Elements.CHOOSE_ROUTE, route);
    assertThat(cases.status(parcel)).isEqualTo(IdleLandStatus.NEGOTIATING);
    String newHolder = IdleLandCases.HOLDER_B;
    switch (route) {
      case "state-acquisition" -> {
        cases.complete(parcel, Elements.VALUE_PLANT, "approve", "valuation", "3200");
        cases.complete(parcel, Elements.APPROVE_ACQUISITION, "approve");
        assertThat(cases.groups(cases.task(parcel, Elements.REGISTER_TRANSFER))).containsExactly("natural-resources");
        cases.complete(parcel, Elements.REGISTER_TRANSFER, "approve");
      }
      case "lease-back" -> cases.complete(parcel, Elements.AGREE_LEASE_BACK, "approve", "rent", 120L, "terms",
          "平台公司统一招租，收益按比例分配");
      case "lease-conversion" -> {
        assertThat(cases.groups(cases.task(parcel, Elements.FIND_PRODUCER))).containsExactly("investment-promotion");
        assertThatThrownBy(() -> cases.complete(parcel, Elements.FIND_PRODUCER, "approve", "admissionNumber",
            "RY-1999-0001")).isInstanceOf(ProcessEngineException.class).hasMessageContaining("admissionNumber");
        String producer = admissionWithLeader(IdleLandCases.HOLDER_B);
        cases.complete(parcel, Elements.FIND_PRODUCER, "approve", "admissionNumber", producer);
        assertThat(caseLinks.of(IdleLandProcess.KEY, parcel)).anySatisfy(l -> {
          assertThat(l.process()).isEqualTo("enterprise-onboarding");
          assertThat(l.key()).isEqualTo(producer);
          assertThat(l.outgoing()).isTrue();
        });
        cases.complete(parcel, Elements.SIGN_LEASE, "approve", "leaseNumber", "ZL-2026-03", "rent", "150.5");
      }
      case "paid-recovery" -> {
        cases.complete(parcel, Elements.AGREE_PAID_RECOVERY, "approve", "valuation", 2800L, "agreementNumber",
            "SH-2026-02");
        cases.complete(parcel, Elements.APPROVE_PAID_RECOVERY, "approve");
        newHolder = "state";
      }
      default -> {
        cases.complete(parcel, Elements.RECORD_COURT_STEP, "step", "courtCaseNumber", "（2026）赣0124破1号",
            "courtStep", "法院受理，指定管理人");
        cases.complete(parcel, Elements.RECORD_COURT_STEP, "concluded", "courtCaseNumber", "（2026）赣0124破1号",
            "courtStep", "拍卖成交，裁定确认");
      }
    }
    assertThatThrownBy(() -> cases.complete(parcel, Elements.RECORD_REVIVAL, "approve", "newHolder", "nobody",
        "freedMu", "0")).isInstanceOf(ProcessEngineException.class).hasMessageContaining("newHolder")
        .hasMessageContaining("freedMu");
    cases.complete(parcel, Elements.RECORD_REVIVAL, "approve", "newHolder", newHolder, "newHolderName",
        "state".equals(newHolder) ? null : "赣江智造有限公司", "freedMu", "30");
    IdleLandCase c = cases.of(parcel);
    assertThat(c.status()).isEqualTo(IdleLandStatus.REVIVED);
    assertThat(c.outcome().get("route").asText()).isEqualTo(route);
    assertThat(c.outcome().get("newHolder").asText()).isEqualTo(newHolder);
    assertThat(c.outcome().get("freedMu").decimalValue()).isEqualByComparingTo("30");
    assertThat(cases.ended(parcel)).isTrue();
    assertThat(cases.notices(parcel, "revived")).first().asString().contains("30 亩");
    List<String> told = new ArrayList<>(cases.recipients(parcel, "leader-step"));
    assertThat(told).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("county-government-clerk@parkflow.local"));
    assertThat(cases.notices(parcel, "leader-step")).anySatisfy(n -> assertThat(n).contains("确定盘活路径"));
  }

  @Test
  @DisplayName("B, state acquisition of a plant with less than 25 % invested: the transfer is refused (城市房地产管理法 Art. 39, verify)")
  void transferNeedsAQuarterInvested() {
    ObjectNode body = cases.stoppedPlantBody(IdleLandCases.parcelCode(), IdleLandCases.HOLDER_A, null);
    ((ObjectNode) body.get("facts")).put("investedAmount", 1000);
    String parcel = cases.start(body);
    cases.complete(parcel, Elements.ASSESS_STOPPED_PLANT, "approve", "equipment", "无", "debts", "无", "insolvent",
        "false", "courtSeized", "false", "holderPlan", "sell");
    assertThat(runtimeService.getVariable(cases.of(parcel).processInstanceId(), "suggestedRoute"))
        .isEqualTo("paid-recovery");
    cases.complete(parcel, Elements.CHOOSE_ROUTE, "state-acquisition");
    cases.complete(parcel, Elements.VALUE_PLANT, "approve", "valuation", 900L);
    cases.complete(parcel, Elements.APPROVE_ACQUISITION, "approve");
    assertThatThrownBy(() -> cases.complete(parcel, Elements.REGISTER_TRANSFER, "approve"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("第三十九条").hasMessageContaining("10.0%");
  }
}
