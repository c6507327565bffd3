package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.onboarding.OnboardingProcess.Elements;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.task.DecisionRules;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code enterprise-onboarding} as the model runs it (issue 11). */
@IntegrationTest
class EnterpriseOnboardingProcessTest {
  @Autowired AdmissionCases cases;
  @Autowired TaskService taskService;
  @Autowired AdmissionService service;
  @Autowired ProgressScan scan;
  @Autowired AdmissionView view;

  private static Map<String, Object> agreement() {
    Map<String, Object> a = new HashMap<>();
    a.put("agreementNumber", "JXKF-RY-2026-017");
    a.put("committedInvestment", 3000L);
    a.put("committedIntensity", 160L);
    a.put("committedTaxPerMu", 9.5);
    a.put("startDate", "2027-03-01");
    a.put("completionDate", "2028-03-01");
    a.put("productionDate", "2028-06-30");
    a.put("fullOutputDate", "2029-06-30");
    a.put("safetyLetterSigned", true);
    a.put("safetyStandardLevel", "三级");
    a.put("drillFrequency", "half-yearly");
    a.put("certifiedOperators", true);
    a.put("yearlyReview", true);
    a.put("commitmentLetterSigned", true);
    return a;
  }

  @Test
  @DisplayName("refused at once by the negative list: 不予入园 with the row's reason, no task, the notice says whom to contact")
  void refusedByNegativeList() {
    ObjectNode body = cases.passing();
    body.put("productDescription", "独立电镀加工");
    String number = cases.apply(body);
    Admission a = cases.admission(number);
    assertThat(number).matches("RY-\\d{4}-\\d{4}");
    assertThat(a.status()).isEqualTo(AdmissionStatus.REFUSED);
    assertThat(a.screeningResult()).isEqualTo("refuse");
    assertThat(a.screeningReasons()).contains("电镀");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).list()).isEmpty();
    assertThat(cases.ended(number)).isTrue();
    assertThat(cases.notices(number, "refused")).singleElement().asString()
        .contains("不予入园").contains("独立电镀项目列入园区负面清单").contains("园区管委会经合局招商服务窗口");
  }

  @Test
  @DisplayName("review → assessments chosen by the table → approved → incentives escalated → agreement → liaison")
  void reviewToLiaison() {
    ObjectNode body = cases.passing();
    body.put("fixedAssetInvestment", 3000);
    body.put("totalInvestment", 3500);
    body.put("landArea", 30);
    body.put("annualEnergyTce", 1200);
    body.put("hazardousChemicals", true);
    body.putArray("pollutants").addObject().put("kind", "wastewater").put("amount", 1200).put("unit", "吨/年");
    String number = cases.apply(body);
    Admission screened = cases.admission(number);
    assertThat(screened.screeningResult()).isEqualTo("review");
    assertThat(screened.screeningReasons()).contains("投资强度低于园区标准 150 万元/亩");
    assertThat(screened.status()).isEqualTo(AdmissionStatus.PRELIMINARY);

    Task preliminary = cases.task(number, Elements.PRELIMINARY_ASSESSMENT);
    assertThat(cases.groups(preliminary)).containsExactly("investment-promotion");
    cases.decide(preliminary, DecisionRules.APPROVE, "实地考察现有工厂，产值和税收属实。",
        Map.of("siteVisit", "2026-11-20 考察投资方在南昌的现有工厂"));
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.ASSESSING);

    List<Task> assessments = cases.tasks(number, Elements.ADMISSION_ASSESSMENT);
    assertThat(assessments).flatExtracting(cases::groups).containsExactlyInAnyOrder("ecology-environment",
        "emergency-management", "natural-resources", "drc");
    assessments.forEach(cases::approve);

    Task decision = cases.task(number, Elements.ADMISSION_DECISION);
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.DECIDING);
    assertThat(OnboardingProcess.Variables.ASSESSMENT_OPINIONS.getLocal(taskService, decision.getId()))
        .contains("生态环境分局：同意").contains("应急管理局：同意").contains("发展和改革局：同意");
    cases.decide(decision, DecisionRules.APPROVE, "同意入园。",
        Map.of("incentiveAmount", 800L, "incentives", "前三年地方留成税收全额奖励", "oneFactoryOnePolicy", false));
    assertThat(cases.admission(number).incentivesEscalated()).isTrue();
    assertThat(cases.notices(number, "accepted")).singleElement().asString().contains("已报县人民政府审批");

    Task incentives = cases.task(number, Elements.APPROVE_INCENTIVES);
    assertThat(cases.groups(incentives)).containsExactly("county-government");
    cases.approve(incentives);
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.AGREEMENT);

    Task sign = cases.task(number, Elements.SIGN_AGREEMENT);
    Map<String, Object> incomplete = agreement();
    incomplete.remove("agreementNumber");
    incomplete.put("drillFrequency", "yearly");
    incomplete.put("safetyLetterSigned", false);
    assertThatThrownBy(() -> taskService.complete(sign.getId(), incomplete))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("agreementNumber")
        .hasMessageContaining("half-yearly").hasMessageContaining("safetyLetterSigned");
    assertThat(cases.tasks(number, Elements.SIGN_AGREEMENT)).hasSize(1);
    taskService.complete(sign.getId(), agreement());
    Admission signed = cases.admission(number);
    assertThat(signed.status()).isEqualTo(AdmissionStatus.SIGNED);
    assertThat(signed.agreement().path("agreementNumber").asText()).isEqualTo("JXKF-RY-2026-017");
    assertThat(signed.agreement().path("fullOutputDate").asText()).isEqualTo("2029-06-30");
    assertThat(cases.notices(number, "agreement")).singleElement().asString().contains("JXKF-RY-2026-017")
        .contains("2028-06-30");
    assertThatThrownBy(() -> service.withdraw(number, "不再投资", "enterprise-a"))
        .isInstanceOf(CaseStateException.class);

    Task liaison = cases.task(number, Elements.ASSIGN_LIAISON);
    assertThatThrownBy(() -> taskService.complete(liaison.getId(), Map.of("liaison", "enterprise-a")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("liaison");
    taskService.complete(liaison.getId(), Map.of("liaison", "investment-promotion-clerk"));
    Admission followed = cases.admission(number);
    assertThat(followed.liaison()).isEqualTo("investment-promotion-clerk");
    assertThat(followed.stage()).isEqualTo(AdmissionStage.FOLLOW_UP);
    assertThat(cases.ended(number)).isTrue();
  }

  @Test
  @DisplayName("two assessments for one department in one step (energy and chemical park, both drc): both open, the "
      + "department gets one read grant on the case")
  void twoAssessmentsForOneDepartment() {
    ObjectNode body = cases.passing();
    body.put("industryCode", "26");
    body.put("annualEnergyTce", 1200);
    String number = cases.apply(body);
    cases.approve(cases.task(number, Elements.PRELIMINARY_ASSESSMENT));
    assertThat(cases.tasks(number, Elements.ADMISSION_ASSESSMENT)).flatExtracting(cases::groups)
        .containsOnlyOnce("natural-resources").filteredOn("drc"::equals).hasSize(2);
    assertThat(cases.tasks(number, Elements.ADMISSION_ASSESSMENT)).extracting(Task::getName).contains(
        "入园评估：能耗评估（发展和改革局）", "入园评估：化工园区项目入园评估（发展和改革局）");
    Task energy = cases.tasks(number, Elements.ADMISSION_ASSESSMENT).stream()
        .filter(t -> t.getName().contains("能耗评估")).findFirst().orElseThrow();
    assertThat(OnboardingProcess.Variables.ASSESSMENT_TITLES.getLocal(taskService, energy.getId()))
        .contains("用地与规划符合性评估（自然资源和规划局）\n能耗评估（发展和改革局）");
    assertThat(cases.jdbc.queryForObject("select count(*) from act_ru_authorization where group_id_ = 'drc'"
        + " and resource_type_ = 8 and resource_id_ = ?", Integer.class, cases.admission(number).processInstanceId()))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a major project needs a county leader (包扶) besides the liaison")
  void majorProjectNeedsLeader() {
    ObjectNode body = cases.passing();
    body.put("fixedAssetInvestment", 12000);
    String number = cases.apply(body);
    assertThat(cases.admission(number).screeningResult()).isEqualTo("pass");
    cases.approve(cases.task(number, Elements.PRELIMINARY_ASSESSMENT));
    assertThat(cases.tasks(number, Elements.ADMISSION_ASSESSMENT)).singleElement()
        .satisfies(t -> assertThat(cases.groups(t)).containsExactly("natural-resources"));
    cases.approve(cases.task(number, Elements.ADMISSION_ASSESSMENT));
    cases.decide(cases.task(number, Elements.ADMISSION_DECISION), DecisionRules.APPROVE, "同意。",
        Map.of("incentiveAmount", 100L));
    assertThat(cases.admission(number).incentivesEscalated()).isFalse();
    taskService.complete(cases.task(number, Elements.SIGN_AGREEMENT).getId(), agreement());
    Task liaison = cases.task(number, Elements.ASSIGN_LIAISON);
    assertThatThrownBy(() -> taskService.complete(liaison.getId(), Map.of("liaison", "park-admin-clerk")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("leader");
    taskService.complete(liaison.getId(), Map.of("liaison", "park-admin-clerk", "leader", "county-government-clerk"));
    assertThat(cases.admission(number).leader()).isEqualTo("county-government-clerk");
  }

  @Test
  @DisplayName("the admission decision rejects with reasons: 不予入园, the notice gives them and whom to contact")
  void admissionRejected() {
    String number = cases.apply(cases.passing());
    cases.approve(cases.task(number, Elements.PRELIMINARY_ASSESSMENT));
    cases.approve(cases.task(number, Elements.ADMISSION_ASSESSMENT));
    cases.decide(cases.task(number, Elements.ADMISSION_DECISION), DecisionRules.REJECT,
        "园区现有用地指标已用完，暂不能安排新增用地。", Map.of());
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.REFUSED);
    assertThat(cases.ended(number)).isTrue();
    assertThat(cases.notices(number, "refused")).singleElement().asString().contains("主任办公会决定")
        .contains("园区现有用地指标已用完").contains("招商服务窗口");
  }

  @Test
  @DisplayName("the preliminary assessment rejects: 不予入园 with its reasons")
  void preliminaryRejected() {
    String number = cases.apply(cases.passing());
    cases.decide(cases.task(number, Elements.PRELIMINARY_ASSESSMENT), DecisionRules.REJECT,
        "实地考察发现现有工厂长期停产。", Map.of());
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.REFUSED);
    assertThat(cases.notices(number, "refused")).singleElement().asString().contains("初步评估")
        .contains("长期停产");
    assertThat(cases.tasks(number, Elements.ADMISSION_ASSESSMENT)).isEmpty();
  }

  @Test
  @DisplayName("withdrawal before the agreement closes every open task; a second one is refused")
  void withdrawal() {
    ObjectNode body = cases.passing();
    body.put("hazardousChemicals", true);
    String number = cases.apply(body);
    cases.approve(cases.task(number, Elements.PRELIMINARY_ASSESSMENT));
    assertThat(cases.tasks(number, Elements.ADMISSION_ASSESSMENT)).hasSize(2);
    service.withdraw(number, "企业决定调整投资计划", "enterprise-a");
    Admission a = cases.admission(number);
    assertThat(a.status()).isEqualTo(AdmissionStatus.WITHDRAWN);
    assertThat(a.withdrawalReason()).isEqualTo("企业决定调整投资计划");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).list()).isEmpty();
    assertThat(cases.ended(number)).isTrue();
    assertThat(cases.notices(number, "withdrawn")).singleElement().asString().contains("企业决定调整投资计划");
    assertThatThrownBy(() -> service.withdraw(number, "再次撤回", "enterprise-a")).isInstanceOf(CaseStateException.class);
  }

  @Test
  @DisplayName("monthly progress: not started after the agreed date → 红 with one reminder letter to liaison and leader; "
      + "a later milestone overdue → 黄; on track → 绿")
  void monthlyProgressColour() {
    String notStarted = cases.followed("2026-01-01", "2026-06-01", "2026-09-01", "2027-09-01");
    String slow = cases.signed("2026-01-01", "2026-06-01", "2026-09-01", "2027-09-01");
    service.milestoneReported(slow, Milestone.STARTED, java.time.LocalDate.of(2026, 1, 1),
        new java.math.BigDecimal("500"), null, "enterprise-a");
    String onTrack = cases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");

    service.monthlyProgress(java.time.LocalDate.of(2026, 12, 1));
    assertThat(cases.admission(notStarted).progressColour()).isEqualTo("红");
    assertThat(cases.admission(slow).progressColour()).isEqualTo("黄");
    assertThat(cases.admission(onTrack).progressColour()).isEqualTo("绿");
    assertThat(cases.notices(notStarted, "progress-red")).hasSize(2).allSatisfy(n -> assertThat(n)
        .contains("督办提醒函").contains("2026-01-01").contains("investment-promotion-clerk"));
    assertThat(cases.jdbc.queryForList("select recipient from pf_outbox where reason_key like ?", String.class,
        OnboardingProcess.KEY + ":" + notStarted + ":progress-red:%")).containsExactlyInAnyOrder(
        "investment-promotion-clerk@parkflow.local", "county-government-clerk@parkflow.local");
    assertThat(cases.notices(slow, "progress-red")).isEmpty();

    service.monthlyProgress(java.time.LocalDate.of(2026, 12, 2));
    assertThat(cases.notices(notStarted, "progress-red")).hasSize(2);
  }

  @Test
  @DisplayName("milestone warnings: 30 days before each agreed date the enterprise and the liaison are warned, once "
      + "each; a reported milestone is not warned of")
  void milestoneWarnings() {
    String number = cases.followed("2031-03-01", "2032-03-01", "2032-06-30", "2033-06-30");
    try {
      moveClockTo("2031-01-29");
      scan.warn();
      assertThat(cases.notices(number, "milestone-due")).isEmpty();

      moveClockTo("2031-01-30");
      scan.warn();
      assertThat(cases.notices(number, "milestone-due")).hasSize(2).allSatisfy(n -> assertThat(n)
          .contains("节点提醒").contains("开工").contains("2031-03-01").contains("30 日"));
      assertThat(recipients(number)).containsExactlyInAnyOrder("invest@ganjiang.example.com",
          "investment-promotion-clerk@parkflow.local");

      moveClockTo("2031-02-10");
      scan.warn();
      assertThat(cases.notices(number, "milestone-due")).hasSize(2);
      assertThat(cases.jdbc.queryForObject("select count(*) from pf_case_event where case_code = ? and detail like ?",
          Integer.class, number, "【节点提醒】%")).isEqualTo(2);

      service.milestoneReported(number, Milestone.STARTED, java.time.LocalDate.of(2031, 2, 20),
          new java.math.BigDecimal("2000"), null, "enterprise-a");
      moveClockTo("2032-02-15");
      scan.warn();
      assertThat(cases.notices(number, "milestone-due")).hasSize(4);
      assertThat(cases.notices(number, "milestone-due:completed")).hasSize(2).allSatisfy(n -> assertThat(n)
          .contains("竣工").contains("2032-03-01").contains("15 日"));
      assertThat(cases.notices(number, "milestone-due:production")).isEmpty();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  @DisplayName("the full-output report carries the first year's tax: actual tax per mu against the agreement, no "
      + "shortfall when it reaches the agreed figure")
  void fullOutputWithTax() {
    String number = cases.signed("2026-03-01", "2026-06-01", "2026-08-01", "2026-10-01");
    java.math.BigDecimal invested = new java.math.BigDecimal("20000");
    service.milestoneReported(number, Milestone.STARTED, java.time.LocalDate.of(2026, 3, 1), invested, null, "e");
    service.milestoneReported(number, Milestone.COMPLETED, java.time.LocalDate.of(2026, 6, 1), invested, null, "e");
    service.milestoneReported(number, Milestone.PRODUCTION, java.time.LocalDate.of(2026, 8, 1), invested, null, "e");
    service.milestoneReported(number, Milestone.FULL_OUTPUT, java.time.LocalDate.of(2026, 10, 1), invested,
        "达产首年", "e", new java.math.BigDecimal("1100.5"));
    TaxPerMu tax = view.of(cases.admission(number)).taxPerMu();
    assertThat(tax.actualTax()).isEqualByComparingTo("1100.5");
    assertThat(tax.actual()).isEqualByComparingTo("22.01");
    assertThat(tax.agreed()).isEqualByComparingTo("20");
    assertThat(tax.shortfall()).isEqualByComparingTo("0");
    assertThat(cases.admission(number).status()).isEqualTo(AdmissionStatus.FULL_OUTPUT);
    assertThatThrownBy(() -> service.milestoneReported(number, Milestone.FULL_OUTPUT,
        java.time.LocalDate.of(2026, 11, 1), invested, null, "e", new java.math.BigDecimal("1200")))
        .isInstanceOf(CaseStateException.class).hasMessageContaining("不能重复报告");
  }

  private static void moveClockTo(String date) {
    ClockUtil.setCurrentTime(Date.from(java.time.LocalDate.parse(date).atTime(8, 0)
        .atZone(WorkingDayCalendar.ZONE).toInstant()));
  }

  private List<String> recipients(String number) {
    return cases.jdbc.queryForList("select recipient from pf_outbox where reason_key like ?", String.class,
        OnboardingProcess.KEY + ":" + number + ":milestone-due:%");
  }
}
