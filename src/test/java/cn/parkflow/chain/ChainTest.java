package cn.parkflow.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.approval.ProjectCases;
import cn.parkflow.approval.ProjectService;
import cn.parkflow.approval.ProjectView;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.construction.ConstructionRepository;
import cn.parkflow.construction.ConstructionService;
import cn.parkflow.construction.ConstructionStatus;
import cn.parkflow.construction.ConstructionWatch;
import cn.parkflow.construction.ConstructionWatchProcess;
import cn.parkflow.idleland.IdleLandCase;
import cn.parkflow.idleland.IdleLandCases;
import cn.parkflow.idleland.IdleLandProcess;
import cn.parkflow.idleland.IdleLandRepository;
import cn.parkflow.idleland.IdleLandStatus;
import cn.parkflow.idleland.IdleLandView;
import cn.parkflow.land.LandCase;
import cn.parkflow.land.LandCaseRepository;
import cn.parkflow.land.LandCases;
import cn.parkflow.land.LandRules;
import cn.parkflow.land.LandStatus;
import cn.parkflow.land.LandSupplyProcess;
import cn.parkflow.land.ParcelView;
import cn.parkflow.onboarding.AdmissionCases;
import cn.parkflow.onboarding.AdmissionRepository;
import cn.parkflow.onboarding.AdmissionView;
import cn.parkflow.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole chain for one enterprise (CONTRACT "Processes"; ADR 0010): admission → project → land → watch → idle
 * land → land again, each case started by the step before it and each case's view listing its neighbours.
 */
@IntegrationTest
class ChainTest {
  private static final String ENTERPRISE = "赣江新材料有限公司";
  private static final String CREDIT_CODE = "91360124MA39PFL7XC";

  @Autowired AdmissionCases admissionCases;
  @Autowired AdmissionRepository admissions;
  @Autowired AdmissionView admissionView;
  @Autowired ProjectCases projectCases;
  @Autowired ProjectService projectService;
  @Autowired LandCases landCases;
  @Autowired LandCaseRepository landRepository;
  @Autowired ParcelView parcelView;
  @Autowired ConstructionService constructionService;
  @Autowired ConstructionRepository watches;
  @Autowired IdleLandCases idleCases;
  @Autowired IdleLandRepository idleRepository;
  @Autowired IdleLandView idleView;
  @Autowired CaseRecord caseRecord;
  @Autowired JdbcTemplate jdbc;
  @Autowired FailingIdleStart failing;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void moveClockTo(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8))));
  }

  /** A project of the enterprise naming its admission, needing 30 亩, driven through every step to approval. */
  private String approvedProject(String admissionNumber) {
    String code = projectService.apply(ProjectCases.application("39", "20000", "30", "800", false), "enterprise-a",
        null, admissionNumber);
    for (int round = 0; round < 30; round++) {
      projectCases.executeJobs(code);
      List<Task> open = projectCases.tasks(code);
      if (open.isEmpty()) {
        return code;
      }
      open.forEach(projectCases::approve);
    }
    throw new AssertionError("project " + code + " does not end");
  }

  /** A land case from its designation to the registered title, sold to the enterprise. */
  private String suppliedToTheEnterprise(String key) {
    landCases.designate(key, LandRules.AVAILABLE);
    String parcel = landRepository.findByKey(key).map(LandCase::parcelCode)
        .orElseGet(() -> landRepository.findByProject(key).orElseThrow().parcelCode());
    landCases.toAnnouncement(parcel);
    landCases.listingPeriodsEnd(parcel);
    landCases.sold(parcel, CREDIT_CODE, ENTERPRISE, "320");
    landCases.signContract(parcel);
    landCases.executeJobs(parcel);
    landCases.pay(parcel, landCases.today());
    landCases.executeJobs(parcel);
    landCases.pay(parcel, landCases.today());
    landCases.complete(parcel, LandSupplyProcess.Elements.HAND_OVER_LAND,
        Map.of("actualHandOver", landCases.today().toString()));
    landCases.complete(parcel, LandSupplyProcess.Elements.REGISTER_TITLE,
        Map.of("titleNumber", "赣（2026）进贤县不动产权第00" + parcel.substring(14) + "号"));
    return parcel;
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("admission → project (admissionNumber) → land (project, rekeyed to the parcel) → title → watch → idle a year past the start → recovery → resupply → land again; every view lists its neighbours")
  void wholeChain() {
    // Admission, agreement signed: the enterprise may apply for its project with the admission number.
    String admission = admissionCases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    assertThat(admissions.get(admission).status().admitted()).isTrue();

    // Project approved with land: a land case starts, keyed by the project code, with the project's facts.
    String project = approvedProject(admission);
    assertThat(projectCases.view(project).status()).isEqualTo("已批准");
    LandCase land = landRepository.findByProject(project).orElseThrow(() ->
        new AssertionError("no land-supply case for approved project " + project));
    assertThat(land.caseKey()).isEqualTo(project);
    assertThat(land.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(land.creditCode()).isEqualTo(CREDIT_CODE);
    assertThat(land.areaMu()).isEqualByComparingTo("30");
    assertThat(land.admissionNumber()).as("the land case carries the project's admission").isEqualTo(admission);

    // Land: designated (rekeyed to the parcel code), sold to the enterprise, paid, handed over, title registered.
    String parcel = suppliedToTheEnterprise(project);
    LandCase titled = landRepository.get(land.id());
    assertThat(titled.caseKey()).isEqualTo(parcel);
    assertThat(titled.status()).isEqualTo(LandStatus.WATCHED);

    // The title starts the construction watch with the contract's facts; one watch only.
    ConstructionWatch watch = watches.get(parcel);
    assertThat(watch.status()).isEqualTo(ConstructionStatus.NOT_STARTED);
    assertThat(watch.contract().landCaseKey()).isEqualTo(parcel);
    assertThat(watch.contract().projectCode()).isEqualTo(project);
    assertThat(watch.contract().admissionNumber()).isEqualTo(admission);
    assertThat(watch.contract().holderCreditCode()).isEqualTo(CREDIT_CODE);
    assertThat(watch.contract().price()).isEqualByComparingTo(titled.contract().path("price").decimalValue());
    assertThat(jdbc.queryForObject("select count(*) from pf_construction_watch where parcel_code = ?", Long.class,
        parcel)).isEqualTo(1);

    // No start a year after the agreed start: the daily check says idle, an idle-land case (branch A) starts.
    LocalDate agreedStart = watch.contract().agreedStart();
    LocalDate yearPast = agreedStart.plusMonths(12);
    moveClockTo(yearPast);
    assertThat(constructionService.dailyCheck(parcel, yearPast)).hasValueSatisfying(r ->
        assertThat(r.idle()).isTrue());
    IdleLandCase idle = idleCases.of(parcel);
    assertThat(idle.branch()).isEqualTo(IdleLandProcess.Branches.IDLE);
    assertThat(idle.status()).isEqualTo(IdleLandStatus.INVESTIGATING);
    assertThat(idle.holderCreditCode()).isEqualTo(CREDIT_CODE);
    assertThat(idle.facts().get("price").decimalValue()).isEqualByComparingTo(watch.contract().price());
    assertThat(idle.facts().get("agreedStart").asText()).isEqualTo(agreedStart.toString());
    assertThat(idle.facts().get("actualHandOver").asText()).isEqualTo(watch.contract().actualHandOver().toString());
    assertThat(idle.facts().get("discoveredOn").asText()).isEqualTo(yearPast.toString());
    assertThat(idle.facts().get("admissionNumber").asText()).isEqualTo(admission);
    assertThat(idle.facts().get("projectCode").asText()).isEqualTo(project);

    // Holder-caused and idle two years: recovery, complied, reuse by supplying the parcel again.
    idleCases.complete(parcel, IdleLandProcess.Elements.OPEN_INVESTIGATION, "approve");
    idleCases.fire(parcel, IdleLandProcess.Elements.STATEMENT_DEADLINE);
    moveClockTo(agreedStart.plusMonths(24).plusDays(1));
    idleCases.complete(parcel, IdleLandProcess.Elements.DETERMINE_CAUSE, "holder");
    idleCases.complete(parcel, IdleLandProcess.Elements.ISSUE_DETERMINATION, "approve");
    idleCases.complete(parcel, IdleLandProcess.Elements.DRAFT_DECISION, "recovery");
    idleCases.fire(parcel, IdleLandProcess.Elements.HEARING_REQUEST_DEADLINE);
    idleCases.complete(parcel, IdleLandProcess.Elements.LEGAL_REVIEW, "approve");
    idleCases.complete(parcel, IdleLandProcess.Elements.APPROVE_DECISION, "approve");
    idleCases.complete(parcel, IdleLandProcess.Elements.CONFIRM_COMPLIANCE, "complied");
    assertThat(idleCases.status(parcel)).isEqualTo(IdleLandStatus.RECOVERED);
    idleCases.complete(parcel, IdleLandProcess.Elements.DECIDE_REUSE, "resupply");

    // A new land case for the same parcel, started by the reuse, with the parcel's facts.
    LandCase again = landRepository.findByKey(parcel).orElseThrow();
    assertThat(again.id()).as("a new land case").isNotEqualTo(land.id());
    assertThat(again.caseKey()).isEqualTo(parcel);
    assertThat(again.parcelCode()).isEqualTo(parcel);
    assertThat(again.status()).isEqualTo(LandStatus.DESIGNATING);
    assertThat(again.areaMu()).isEqualByComparingTo(titled.areaMu());
    assertThat(again.landGrade()).isEqualTo(titled.landGrade());
    assertThat(again.industryCode()).isEqualTo(titled.industryCode());
    assertThat(again.location()).isEqualTo(titled.location());
    assertThat(landCases.tasks(parcel, LandSupplyProcess.Elements.DESIGNATE_PARCEL)).hasSize(1);
    assertThat(watches.get(parcel).status()).as("the old watch ends with the resupply")
        .isEqualTo(ConstructionStatus.SUPERSEDED);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Long.class,
        watch.processInstanceId())).isZero();

    // Each case's view lists the cases it is linked to, both directions.
    assertThat(admissionView.of(admissions.get(admission)).projects())
        .extracting(AdmissionRepository.LinkedProject::projectCode).containsExactly(project);
    ProjectView.CaseView projectView = projectCases.view(project);
    assertThat(projectView.admissionNumber()).isEqualTo(admission);
    assertThat(projectView.linkedCases()).extracting(ProjectView.LinkedCase::process, ProjectView.LinkedCase::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LandSupplyProcess.KEY, parcel));

    assertThat(links(parcelView.of(landRepository.get(land.id())))).containsExactlyInAnyOrder(
        "incoming project-approval " + project + " land-supply",
        "outgoing construction-watch " + parcel + " construction-watch");
    assertThat(parcelView.of(landRepository.get(land.id())).get("admissionNumber")).isEqualTo(admission);

    Map<String, Object> milestones = (Map<String, Object>) parcelView.of(landRepository.get(land.id()))
        .get("milestones");
    assertThat(milestones).as("the watch's part of the parcel view").isNotNull();
    assertThat(((List<Map<String, Object>>) milestones.get("links")).stream()
        .map(l -> l.get("direction") + " " + l.get("process") + " " + l.get("key") + " " + l.get("relation")))
        .containsExactlyInAnyOrder(
        "incoming land-supply " + parcel + " construction-watch",
        "outgoing idle-land-recovery " + parcel + " idle-land");

    assertThat(idleView.of(idleRepository.latest(parcel).orElseThrow()).links())
        .extracting(l -> (l.outgoing() ? "outgoing " : "incoming ") + l.process() + " " + l.key() + " " + l.relation())
        .containsExactlyInAnyOrder("incoming construction-watch " + parcel + " idle-land",
            "outgoing land-supply " + parcel + " resupply");

    assertThat(links(parcelView.of(again))).containsExactly(
        "incoming idle-land-recovery " + parcel + " resupply");
  }

  @SuppressWarnings("unchecked")
  private static List<String> links(Map<String, Object> view) {
    Object links = view.get("links");
    assertThat(links).as("the view's links").isInstanceOf(List.class);
    return ((List<ParcelView.LinkView>) links).stream()
        .map(l -> l.direction() + " " + l.process() + " " + l.key() + " " + l.relation()).toList();
  }

  @Test
  @DisplayName("a failing start of the idle-land case rolls the watch's daily check back: nothing of it is committed")
  void failingStartRollsTheCauseBack() {
    String admission = admissionCases.signed("2027-03-01", "2028-03-01", "2028-06-30", "2029-06-30");
    String parcel = suppliedToTheEnterprise(approvedProject(admission));
    ConstructionWatch before = watches.get(parcel);
    LocalDate yearPast = before.contract().agreedStart().plusMonths(12);
    int recordBefore = caseRecord.of(parcel).size();
    failing.failFor.add(parcel);
    try {
      assertThatThrownBy(() -> constructionService.dailyCheck(parcel, yearPast))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot start");
    } finally {
      failing.failFor.remove(parcel);
    }
    ConstructionWatch after = watches.get(parcel);
    assertThat(after.idleResult()).as("the check's result is not recorded").isEqualTo(before.idleResult());
    assertThat(after.idleCheckedOn()).isEqualTo(before.idleCheckedOn());
    assertThat(caseRecord.of(parcel)).hasSize(recordBefore);
    assertThat(idleRepository.latest(parcel)).as("no idle-land case").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from pf_outbox where reason_key like ?", Long.class,
        ConstructionWatchProcess.KEY + ":" + parcel + ":found-idle:%")).isZero();
    assertThat(jdbc.queryForObject("select count(*) from pf_case_link where to_process = ? and to_key = ?",
        Long.class, IdleLandProcess.KEY, parcel)).isZero();

    // The next day's check, with the listener well again, finds it idle and starts the case.
    assertThat(constructionService.dailyCheck(parcel, yearPast.plusDays(1))).hasValueSatisfying(r ->
        assertThat(r.idle()).isTrue());
    assertThat(idleRepository.latest(parcel)).isPresent();
  }
}
