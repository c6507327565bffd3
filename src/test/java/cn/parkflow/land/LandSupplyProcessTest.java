package cn.parkflow.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.approval.ProjectApplication;
import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.land.LandSupplyProcess.Elements;
import cn.parkflow.parcel.CompletionVerified;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.ParcelResupplyRequested;
import cn.parkflow.parcel.TitleRegistered;
import cn.parkflow.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of {@code land-supply} as the model runs it (issue 10). */
@IntegrationTest
@RecordApplicationEvents
class LandSupplyProcessTest {
  @Autowired LandCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProjectService projectService;
  @Autowired CaseLinks caseLinks;
  @Autowired CaseRecord caseRecord;
  @Autowired ParcelView view;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEvents events;
  @Autowired cn.parkflow.approval.ProjectView projectView;
  @Autowired cn.parkflow.approval.ProjectRepository projects;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A project of enterprise A needing {@code landArea} 亩, driven through every step to approval. */
  private String approvedProject(String landArea) {
    BigDecimal total = new BigDecimal("20000");
    String code = projectService.apply(new ProjectApplication("赣江新材料有限公司", LandCases.CREDIT_CODE_A,
        "电子元器件项目 " + UUID.randomUUID().toString().substring(0, 6), "39", "进贤县经济开发区光明路 8 号", total,
        new BigDecimal("16000"), new BigDecimal(landArea), new BigDecimal("800"), false, new BigDecimal("800"),
        "apply@ganjiang.example.com", "新建生产厂房 2 万平方米", true, new BigDecimal("120")), "enterprise-a");
    for (int round = 0; round < 20; round++) {
      String pid = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
          .processDefinitionKey(ProjectApprovalProcess.KEY).singleResult() == null ? null
          : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
              .processDefinitionKey(ProjectApprovalProcess.KEY).singleResult().getId();
      if (pid == null) {
        return code;
      }
      var jobs = cases.managementService.createJobQuery().processInstanceId(pid).executable().list();
      jobs.forEach(j -> cases.managementService.executeJob(j.getId()));
      for (Task t : taskService.createTaskQuery().processInstanceId(pid).list()) {
        taskService.complete(t.getId(), Map.of("decision", "approve", "opinion", "同意。"));
      }
    }
    throw new AssertionError("project " + code + " does not end");
  }

  @Test
  @DisplayName("approved project → land case by project code → parcel designated (rekeyed) → sold → paid → handed over"
      + " → title: TitleRegistered with the contract's facts")
  void approvedProjectToTitle() {
    String project = approvedProject("30");
    LandCase started = cases.cases.findByProject(project).orElseThrow();
    assertThat(started.caseKey()).isEqualTo(project);
    assertThat(started.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(started.creditCode()).isEqualTo(LandCases.CREDIT_CODE_A);
    assertThat(started.areaMu()).isEqualByComparingTo("30");
    assertThat(caseLinks.of(ProjectApprovalProcess.KEY, project)).anySatisfy(l -> {
      assertThat(l.process()).isEqualTo(LandSupplyProcess.KEY);
      assertThat(l.key()).isEqualTo(project);
    });
    Task designate = cases.task(project, Elements.DESIGNATE_PARCEL);
    assertThat(cases.groups(designate)).containsExactly("natural-resources");

    cases.designate(project, LandRules.AVAILABLE);
    LandCase designated = cases.cases.get(started.id());
    String code = designated.parcelCode();
    assertThat(designated.caseKey()).isEqualTo(code);
    assertThat(designated.status()).isEqualTo(LandStatus.PLANNING);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId())
        .singleResult().getBusinessKey()).isEqualTo(code);
    assertThat(caseLinks.of(ProjectApprovalProcess.KEY, project)).anySatisfy(l -> assertThat(l.key()).isEqualTo(code));
    assertThat(caseLinks.of(LandSupplyProcess.KEY, code)).anySatisfy(l -> assertThat(l.key()).isEqualTo(project));
    assertThat(caseRecord.of(code)).anyMatch(e -> Elements.DESIGNATE_PARCEL.equals(e.stepKey()));

    assertThat(projectView.of(projects.get(project)).linkedCases()).singleElement().satisfies(l -> {
      assertThat(l.process()).isEqualTo(LandSupplyProcess.KEY);
      assertThat(l.key()).isEqualTo(code);
      assertThat(l.status()).isEqualTo("规划条件拟定中");
    });
    cases.toAnnouncement(code);
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.ANNOUNCED);
    cases.fireTimer(code, Elements.ANNOUNCEMENT);
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.LISTED);
    cases.fireTimer(code, Elements.LISTING);
    assertThat(cases.groups(cases.task(code, Elements.RECORD_LISTING_RESULT))).containsExactly("trading-centre");
    cases.sold(code, LandCases.CREDIT_CODE_A, "赣江新材料有限公司", "320");
    LandCase sold = cases.landCase(code);
    assertThat(sold.status()).isEqualTo(LandStatus.CONTRACT);
    assertThat(sold.winnerIsApplicant()).isTrue();
    assertThat(sold.resultsPublishBy()).isAfter(cases.today());
    assertThat(cases.notices(code, "sold")).singleElement().asString().contains("成交确认书").contains("320 元/平方米");

    cases.signContract(code);
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.PAYING);
    cases.executeJobs(code);
    assertThat(cases.notices(code, "payment-reminder")).singleElement().asString().contains("价款缴纳提示书")
        .contains("首付款").contains("1‰").contains("资规价提〔");
    cases.pay(code, cases.today());
    cases.executeJobs(code);
    cases.pay(code, cases.today());
    LandCase paid = cases.landCase(code);
    assertThat(paid.status()).isEqualTo(LandStatus.HAND_OVER);
    Task handOver = cases.task(code, Elements.HAND_OVER_LAND);
    assertThat(handOver.getDueDate()).isNotNull();
    cases.complete(code, Elements.HAND_OVER_LAND, Map.of("actualHandOver", cases.today().toString()));
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.REGISTRATION);
    cases.complete(code, Elements.REGISTER_TITLE, Map.of("titleNumber", "赣（2026）进贤县不动产权第0000123号"));

    LandCase titled = cases.landCase(code);
    assertThat(titled.status()).isEqualTo(LandStatus.WATCHED);
    assertThat(cases.ended(code)).isTrue();
    assertThat(events.stream(TitleRegistered.class)).filteredOn(e -> code.equals(e.contract().parcelCode()))
        .singleElement().satisfies(e -> {
          ParcelContract k = e.contract();
          assertThat(k.holderCreditCode()).isEqualTo(LandCases.CREDIT_CODE_A);
          assertThat(k.projectCode()).isEqualTo(project);
          assertThat(k.areaMu()).isEqualByComparingTo("30");
          assertThat(k.landGrade()).isEqualTo(8);
          assertThat(k.price()).isEqualByComparingTo("640");
          assertThat(k.agreedStart()).isEqualTo(cases.today().plusDays(150));
          assertThat(k.actualHandOver()).isEqualTo(cases.today());
          assertThat(k.handedOverLate()).isFalse();
          assertThat(k.plotRatio()).isEqualByComparingTo("1.0");
          assertThat(k.buildingCoverage()).isEqualByComparingTo("0.30");
          assertThat(k.investmentIntensity()).isEqualByComparingTo("300");
          assertThat(k.titleNumber()).isEqualTo("赣（2026）进贤县不动产权第0000123号");
        });
    Map<String, Object> v = view.of(titled);
    assertThat(v.get("status")).isEqualTo("供后监管中");
    assertThat(v.get("projectCode")).isEqualTo(project);
    assertThat((List<?>) v.get("payments")).hasSize(2);
    assertThat((List<?>) v.get("finishedSteps")).hasSizeGreaterThanOrEqualTo(9);
  }

  @Test
  @DisplayName("requisition path: pre-announcement and posting checked from the dates, county approves, upper"
      + " approval recorded")
  void requisitionPath() {
    String key = cases.startParcel();
    cases.designate(key, LandRules.REQUISITION);
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.REQUISITION);
    LocalDate today = cases.today();
    Map<String, Object> tooEarly = new HashMap<>(Map.of("preAnnouncementDate", today.minusDays(50).toString(),
        "postingDate", today.minusDays(10).toString(), "farmlandBalanceConfirmed", true));
    assertThatThrownBy(() -> cases.complete(key, Elements.PREPARE_REQUISITION, tooEarly))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("postingDate").hasMessageContaining("30 日");
    Map<String, Object> preTooShort = new HashMap<>(Map.of("preAnnouncementDate", today.minusDays(45).toString(),
        "postingDate", today.minusDays(44).toString(), "farmlandBalanceConfirmed", true));
    assertThatThrownBy(() -> cases.complete(key, Elements.PREPARE_REQUISITION, preTooShort))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("postingDate").hasMessageContaining("10 个工作日");
    Map<String, Object> noOffset = new HashMap<>(Map.of("preAnnouncementDate", today.minusDays(70).toString(),
        "postingDate", today.minusDays(40).toString(), "farmlandBalanceConfirmed", false));
    assertThatThrownBy(() -> cases.complete(key, Elements.PREPARE_REQUISITION, noOffset))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("farmlandBalanceConfirmed");
    noOffset.put("farmlandBalanceConfirmed", true);
    cases.complete(key, Elements.PREPARE_REQUISITION, noOffset);
    assertThat(cases.groups(cases.task(key, Elements.APPROVE_REQUISITION))).containsExactly("county-government");
    cases.decide(key, Elements.APPROVE_REQUISITION, "approve", "同意上报。", Map.of());
    cases.complete(key, Elements.RECORD_REQUISITION_APPROVAL, Map.of("approvalNumber", "赣府土征〔2026〕15号",
        "approvalDate", today.toString()));
    LandCase c = cases.landCase(key);
    assertThat(c.status()).isEqualTo(LandStatus.PLANNING);
    assertThat(c.requisition().path("expropriationNoticeBy").asText()).isGreaterThan(today.toString());
    assertThat(cases.tasks(key, Elements.SET_PLANNING_CONDITIONS)).hasSize(1);
  }

  @Test
  @DisplayName("requisition refused by the county government: the case ends, 待落实用地")
  void requisitionRefused() {
    String key = cases.startParcel();
    cases.designate(key, LandRules.REQUISITION);
    LocalDate today = cases.today();
    cases.complete(key, Elements.PREPARE_REQUISITION, Map.of("preAnnouncementDate", today.minusDays(70).toString(),
        "postingDate", today.minusDays(40).toString(), "farmlandBalanceConfirmed", true));
    cases.decide(key, Elements.APPROVE_REQUISITION, "reject", "规划不符，不同意。", Map.of());
    assertThat(cases.ended(key)).isTrue();
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(cases.landCase(key).endedAt()).isNotNull();
  }

  @Test
  @DisplayName("unsold → relisted → sold")
  void unsoldThenSold() {
    String key = cases.listed();
    cases.unsold(key);
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.ANNOUNCED);
    assertThat(cases.landCase(key).listings()).isEqualTo(1);
    cases.listingPeriodsEnd(key);
    assertThat(cases.landCase(key).listings()).isEqualTo(2);
    cases.sold(key, LandCases.CREDIT_CODE_B, "瑞洪电子科技有限公司", "300");
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.CONTRACT);
    assertThat(cases.landCase(key).creditCode()).isEqualTo(LandCases.CREDIT_CODE_B);
  }

  @Test
  @DisplayName("unsold twice → 流拍, park-admin told")
  void unsoldTwice() {
    String key = cases.listed();
    cases.unsold(key);
    cases.listingPeriodsEnd(key);
    cases.unsold(key);
    LandCase c = cases.landCase(key);
    assertThat(c.status()).isEqualTo(LandStatus.UNSOLD);
    assertThat(c.status().label()).isEqualTo("流拍");
    assertThat(cases.ended(key)).isTrue();
    assertThat(cases.notices(key, "unsold")).singleElement().asString().contains("挂牌 2 次").contains("园区管委会");
  }

  @Test
  @DisplayName("the winner is another enterprise: the project's record says so, park-admin is told, the case goes on"
      + " with the winner")
  void otherWinner() {
    String project = approvedProject("20");
    cases.designate(project, LandRules.AVAILABLE);
    String code = cases.cases.findByProject(project).orElseThrow().parcelCode();
    cases.toAnnouncement(code);
    cases.listingPeriodsEnd(code);
    cases.sold(code, LandCases.CREDIT_CODE_B, "瑞洪电子科技有限公司", "310");
    LandCase c = cases.landCase(code);
    assertThat(c.winnerIsApplicant()).isFalse();
    assertThat(c.creditCode()).isEqualTo(LandCases.CREDIT_CODE_B);
    assertThat(c.status()).isEqualTo(LandStatus.CONTRACT);
    assertThat(caseRecord.of(project)).anyMatch(e -> ProjectApprovalProcess.KEY.equals(e.processKey())
        && e.detail() != null && e.detail().contains("瑞洪电子科技有限公司") && e.detail().contains("非本项目申请单位"));
    assertThat(cases.notices(code, "other-winner")).singleElement().asString().contains("瑞洪电子科技有限公司")
        .contains(project);
    assertThat(cases.tasks(code, Elements.SIGN_CONTRACT)).hasSize(1);
  }

  @Test
  @DisplayName("each enforced rule refused on its own, naming its field; the task stays open")
  void rulesRefusedOneByOne() {
    String key = cases.startParcel();
    cases.designate(key, LandRules.AVAILABLE);
    // planning conditions looser than the table
    for (var loose : List.of(Map.entry("plotRatio", "0.9"), Map.entry("buildingCoverage", "0.25"),
        Map.entry("officeShare", "0.08"), Map.entry("greenShare", "0.25"), Map.entry("investmentIntensity", "100"))) {
      assertThatThrownBy(() -> cases.complete(key, Elements.SET_PLANNING_CONDITIONS,
          Map.of(loose.getKey(), loose.getValue()))).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(loose.getKey());
    }
    cases.complete(key, Elements.SET_PLANNING_CONDITIONS, Map.of("plotRatio", "1.2"));
    // grade 8: 252 元/m²; 70 % = 176.4 only with both flags
    assertThatThrownBy(() -> cases.complete(key, Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "251",
        "prioritized", false, "landIntensive", false))).hasMessageContaining("reservePrice")
        .hasMessageContaining("252");
    assertThatThrownBy(() -> cases.complete(key, Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "200",
        "prioritized", true, "landIntensive", false))).hasMessageContaining("reservePrice");
    assertThatThrownBy(() -> cases.complete(key, Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "176",
        "prioritized", true, "landIntensive", true))).hasMessageContaining("reservePrice")
        .hasMessageContaining("176.4");
    cases.complete(key, Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "176.4", "prioritized", true,
        "landIntensive", true));
    assertThat(cases.landCase(key).reservePrice()).isEqualByComparingTo("176.4");
    cases.decide(key, Elements.APPROVE_SUPPLY_PLAN, "return", "底价偏低，请重新测算。", Map.of("missingItems", "底价"));
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.PRICING);
    cases.complete(key, Elements.SET_RESERVE_PRICE, Map.of("reservePrice", "280", "prioritized", false,
        "landIntensive", false));
    cases.decide(key, Elements.APPROVE_SUPPLY_PLAN, "approve", "同意。", Map.of());
    cases.listingPeriodsEnd(key);
    // a sale price below the reserve
    assertThatThrownBy(() -> cases.sold(key, LandCases.CREDIT_CODE_A, "赣江新材料有限公司", "279"))
        .hasMessageContaining("salePrice").hasMessageContaining("底价");
    assertThatThrownBy(() -> cases.sold(key, "91360124MA39PFL7XD", "赣江新材料有限公司", "280"))
        .hasMessageContaining("winnerCreditCode");
    cases.sold(key, LandCases.CREDIT_CODE_A, "赣江新材料有限公司", "280");
    LocalDate today = cases.today();
    Map<String, Object> good = cases.contract(key);
    // a start more than a year after the hand-over
    Map<String, Object> lateStart = new HashMap<>(good);
    lateStart.put("agreedStart", today.plusDays(60).plusYears(1).plusDays(1).toString());
    lateStart.put("agreedCompletion", today.plusYears(3).toString());
    assertThatThrownBy(() -> cases.complete(key, Elements.SIGN_CONTRACT, lateStart))
        .hasMessageContaining("agreedStart").hasMessageContaining("一年");
    // a down payment below half the price (280 元/m² × 20000 m² = 560 万元)
    Map<String, Object> smallDown = new HashMap<>(good);
    smallDown.put("downPayment", "279.99");
    assertThatThrownBy(() -> cases.complete(key, Elements.SIGN_CONTRACT, smallDown))
        .hasMessageContaining("downPayment").hasMessageContaining("50%");
    // dates in the wrong order
    Map<String, Object> completionFirst = new HashMap<>(good);
    completionFirst.put("agreedCompletion", today.plusDays(100).toString());
    assertThatThrownBy(() -> cases.complete(key, Elements.SIGN_CONTRACT, completionFirst))
        .hasMessageContaining("agreedCompletion");
    Map<String, Object> balanceFirst = new HashMap<>(good);
    balanceFirst.put("balanceDue", today.plusDays(10).toString());
    assertThatThrownBy(() -> cases.complete(key, Elements.SIGN_CONTRACT, balanceFirst))
        .hasMessageContaining("balanceDue");
    Map<String, Object> startBeforeHandOver = new HashMap<>(good);
    startBeforeHandOver.put("agreedStart", today.plusDays(30).toString());
    assertThatThrownBy(() -> cases.complete(key, Elements.SIGN_CONTRACT, startBeforeHandOver))
        .hasMessageContaining("agreedStart");
    assertThat(cases.tasks(key, Elements.SIGN_CONTRACT)).hasSize(1);
    cases.complete(key, Elements.SIGN_CONTRACT, good);
    assertThat(cases.landCase(key).status()).isEqualTo(LandStatus.PAYING);
  }

  /** Sold, contract signed (down payment due in 20 days), reminder sent: the first payment open. */
  private String signed() {
    String code = cases.soldToA();
    cases.signContract(code);
    cases.executeJobs(code);
    return code;
  }

  private LandCaseRepository.Payment firstPayment(String code) {
    return cases.cases.payments(cases.landCase(code).id()).get(0);
  }

  private void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(10, 0).atZone(cn.parkflow.time.Beijing.ZONE).toInstant()));
  }

  @Test
  @DisplayName("late payment → 催缴通知 with the penalty → beyond 60 days the county government rescinds")
  void latePaymentRescinded() {
    String code = signed();
    LocalDate due = firstPayment(code).dueOn();
    moveClockTo(due.plusDays(2));
    cases.executeJobs(code);
    BigDecimal amount = firstPayment(code).amount();
    String penalty = amount.multiply(new BigDecimal("0.002")).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
    assertThat(cases.notices(code, "payment-demand")).singleElement().asString().contains("催缴通知")
        .contains("违约金为 " + penalty + " 万元").contains("1‰");
    Map<String, Object> v = view.of(cases.landCase(code));
    @SuppressWarnings("unchecked")
    List<ParcelView.PaymentView> payments = (List<ParcelView.PaymentView>) v.get("payments");
    assertThat(payments).first().satisfies(p -> {
      assertThat(p.daysLate()).isEqualTo(2);
      assertThat(p.penalty()).isEqualByComparingTo(penalty);
    });
    assertThat(cases.tasks(code, Elements.DECIDE_RESCISSION)).isEmpty();

    moveClockTo(due.plusDays(61));
    cases.executeJobs(code);
    Task decide = cases.task(code, Elements.DECIDE_RESCISSION);
    assertThat(cases.groups(decide)).containsExactly("county-government");
    assertThat(cases.landCase(code).stage()).isEqualTo(LandStage.RESCISSION);
    assertThat(cases.tasks(code, Elements.CONFIRM_PAYMENT)).isEmpty();
    assertThatThrownBy(() -> cases.decide(code, Elements.DECIDE_RESCISSION, "rescind", null, Map.of()))
        .hasMessageContaining("opinion");
    cases.decide(code, Elements.DECIDE_RESCISSION, "rescind", "逾期 61 日未缴首付款，解除合同。", Map.of());
    LandCase c = cases.landCase(code);
    assertThat(c.status()).isEqualTo(LandStatus.RESCINDED);
    assertThat(c.status().label()).isEqualTo("已解除合同");
    assertThat(cases.ended(code)).isTrue();
    assertThat(cases.notices(code, "rescinded")).singleElement().asString().contains("解除国有建设用地使用权出让合同通知书");
  }

  @Test
  @DisplayName("late payment beyond 60 days, more time allowed: paid later with the penalty from the original date")
  void latePaymentExtended() {
    String code = signed();
    LandCaseRepository.Payment first = firstPayment(code);
    moveClockTo(first.dueOn().plusDays(61));
    cases.executeJobs(code);
    assertThatThrownBy(() -> cases.decide(code, Elements.DECIDE_RESCISSION, "extend", "给予宽限。", Map.of()))
        .hasMessageContaining("newDueDate");
    String newDue = first.dueOn().plusDays(75).toString();
    cases.decide(code, Elements.DECIDE_RESCISSION, "extend", "企业资金已落实，给予宽限。", Map.of("newDueDate", newDue));
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.PAYING);
    assertThat(cases.landCase(code).stage()).isEqualTo(LandStage.PAYMENT);
    assertThat(firstPayment(code).extendedTo()).isEqualTo(LocalDate.parse(newDue));
    LocalDate paidOn = first.dueOn().plusDays(65);
    moveClockTo(paidOn);
    cases.pay(code, paidOn);
    BigDecimal expected = first.amount().multiply(new BigDecimal("0.065")).setScale(2, java.math.RoundingMode.HALF_UP);
    assertThat(firstPayment(code).penalty()).isEqualByComparingTo(expected);
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().contains("逾期 65 日"));
    assertThat(cases.tasks(code, Elements.CONFIRM_PAYMENT)).hasSize(1);
  }

  @Test
  @DisplayName("late hand-over by the government is recorded and reaches the contract facts")
  void lateHandOver() {
    String code = signed();
    cases.pay(code, cases.today());
    cases.executeJobs(code);
    cases.pay(code, cases.today());
    LocalDate agreed = LocalDate.parse(cases.landCase(code).contract().path("agreedHandOver").asText());
    moveClockTo(agreed.plusDays(10));
    cases.complete(code, Elements.HAND_OVER_LAND, Map.of("actualHandOver", agreed.plusDays(9).toString()));
    LandCase c = cases.landCase(code);
    assertThat(c.actualHandOver()).isEqualTo(agreed.plusDays(9));
    assertThat(cases.service.contractOf(c).handedOverLate()).isTrue();
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().contains("政府逾期交地 9 日"));
    assertThat(cases.notices(code, "handed-over")).singleElement().asString().contains("交地确认书")
        .contains("晚于合同约定日期");
    @SuppressWarnings("unchecked")
    Map<String, Object> contract = (Map<String, Object>) view.of(c).get("contract");
    assertThat(contract).containsEntry("handedOverLate", true);
  }

  @Test
  @DisplayName("CompletionVerified from the construction watch moves the parcel's land case 供后监管中 → 已竣工核验;"
      + " a case not under watch is left as it is")
  void completionVerifiedByTheWatch() {
    String code = signed();
    cases.pay(code, cases.today());
    cases.executeJobs(code);
    cases.pay(code, cases.today());
    String paying = signed();
    cases.complete(code, Elements.HAND_OVER_LAND, Map.of("actualHandOver", cases.today().toString()));
    cases.complete(code, Elements.REGISTER_TITLE, Map.of("titleNumber", "赣（2026）进贤县不动产权第0000456号"));
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.WATCHED);

    transactions.executeWithoutResult(s -> publisher.publishEvent(new CompletionVerified(code, code, true,
        new BigDecimal("43.2"), "容积率 0.9，低于约定 1.0；违约金合计 43.2 万元", cases.today())));
    LandCase verified = cases.landCase(code);
    assertThat(verified.status()).isEqualTo(LandStatus.VERIFIED);
    assertThat(verified.stage()).isEqualTo(LandStage.CLOSED);
    assertThat(view.of(verified).get("status")).isEqualTo("已竣工核验");
    assertThat(caseRecord.of(code)).anyMatch(e -> e.detail() != null && e.detail().contains("竣工核验通过")
        && e.detail().contains("违约金合计 43.2 万元"));

    transactions.executeWithoutResult(s -> publisher.publishEvent(new CompletionVerified(paying, paying, false,
        BigDecimal.ZERO, "各项指标达到约定", cases.today())));
    assertThat(cases.landCase(paying).status()).as("not under watch: unchanged").isEqualTo(LandStatus.PAYING);
  }

  @Test
  @DisplayName("no quota: the case ends and park-admin is told")
  void noQuota() {
    String key = cases.startParcel();
    cases.designate(key, LandRules.UNAVAILABLE);
    assertThat(cases.ended(key)).isTrue();
    assertThat(cases.landCase(key).endedAt()).isNotNull();
    assertThat(cases.notices(key, "unsold")).singleElement().asString().contains("无新增建设用地指标");
  }

  @Test
  @DisplayName("ParcelResupplyRequested starts a land case for the parcel, linked from the idle-land case as resupply")
  void resupply() {
    String code = LandCases.newParcelCode();
    transactions.executeWithoutResult(s -> publisher.publishEvent(new ParcelResupplyRequested(code, code,
        new BigDecimal("12.5"), 9, "34", "进贤县经济开发区创业路 3 号")));
    LandCase c = cases.landCase(code);
    assertThat(c.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(c.areaMu()).isEqualByComparingTo("12.5");
    assertThat(caseLinks.of(LandSupplyProcess.KEY, code)).anySatisfy(l -> {
      assertThat(l.process()).isEqualTo("idle-land-recovery");
      assertThat(l.relation()).isEqualTo("resupply");
      assertThat(l.outgoing()).isFalse();
    });
    assertThat(cases.tasks(code, Elements.DESIGNATE_PARCEL)).hasSize(1);
  }

  @Test
  @DisplayName("ParcelResupplyRequested without the parcel's grade (an idle-land case opened by hand) still starts the case; the designation names the grade")
  void resupplyWithoutGrade() {
    String code = LandCases.newParcelCode();
    transactions.executeWithoutResult(s -> publisher.publishEvent(new ParcelResupplyRequested(code, code,
        new BigDecimal("12.5"), null, "34", null)));
    LandCase c = cases.landCase(code);
    assertThat(c.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(c.landGrade()).isNull();
    cases.designate(code, LandRules.AVAILABLE);
    assertThat(cases.landCase(code).landGrade()).isEqualTo(8);
    assertThat(cases.landCase(code).status()).isEqualTo(LandStatus.PLANNING);
  }

  @Test
  @DisplayName("the land case started by an approved project carries the project's admission number")
  void projectsAdmissionCarriedOn() {
    String project = "2026-360124-39-03-" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current()
        .nextInt(1_000_000));
    transactions.executeWithoutResult(s -> publisher.publishEvent(new cn.parkflow.approval.ProjectApprovedEvent(
        project, LandCases.CREDIT_CODE_A, "赣江新材料有限公司", "电子元器件项目", new BigDecimal("12"), true,
        "RY-2026-0042")));
    LandCase c = cases.cases.findByProject(project).orElseThrow();
    assertThat(c.admissionNumber()).isEqualTo("RY-2026-0042");
    assertThat(view.of(c).get("admissionNumber")).isEqualTo("RY-2026-0042");
  }

  @Test
  @DisplayName("designation refuses a bad parcel code and a code another running case holds")
  void designationRefusals() {
    String project = approvedProject("10");
    Map<String, Object> v = new HashMap<>(Map.of("parcelCode", "360125001003GB00001", "location", "光明路 1 号",
        "areaMu", "10", "landGrade", "8", "industryCode", "39", "plannedUse", "工业用地", "quota", "available"));
    assertThatThrownBy(() -> cases.complete(project, Elements.DESIGNATE_PARCEL, v)).hasMessageContaining("360124");
    v.put("parcelCode", cases.startParcel());
    assertThatThrownBy(() -> cases.complete(project, Elements.DESIGNATE_PARCEL, v))
        .hasMessageContaining("已有正在办理的供地案件");
    v.put("parcelCode", LandCases.newParcelCode());
    v.put("quota", "maybe");
    assertThatThrownBy(() -> cases.complete(project, Elements.DESIGNATE_PARCEL, v)).hasMessageContaining("quota");
    assertThat(cases.landCase(project).status()).isEqualTo(LandStatus.DESIGNATING);
  }

  @Test
  @DisplayName("the status table refuses a move it does not hold")
  void statusTable() {
    assertThat(LandStatus.LISTED.mayMoveTo(LandStatus.SOLD)).isTrue();
    assertThatThrownBy(() -> LandStatus.DESIGNATING.checkMoveTo(LandStatus.WATCHED))
        .isInstanceOf(IllegalStateException.class);
    assertThat(java.util.Arrays.stream(LandStatus.values()).map(LandStatus::label).toList()).containsExactly(
        "待落实用地", "征收报批中",
        "规划条件拟定中", "底价确定中", "供地方案审批中", "公告中", "挂牌中", "已成交", "流拍", "合同签订中", "价款缴纳中", "待交地",
        "待登记", "供后监管中", "已解除合同", "已竣工核验");
  }
}
