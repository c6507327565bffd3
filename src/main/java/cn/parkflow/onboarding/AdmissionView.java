package cn.parkflow.onboarding;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.caseview.OpenSteps;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.identity.Department;
import cn.parkflow.task.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** An admission case as the API shows it (issue 11, "API"): the case shape every slice shares. */
@Component
public class AdmissionView {
  private final CaseRecord caseRecord;
  private final AdmissionRepository admissions;
  private final OpenSteps openSteps;

  public AdmissionView(CaseRecord caseRecord, AdmissionRepository admissions, OpenSteps openSteps) {
    this.caseRecord = caseRecord;
    this.admissions = admissions;
    this.openSteps = openSteps;
  }

  public record Screening(String result, String resultLabel, List<String> reasons) {}

  /** {@code reported} and {@code progressColour} stay empty until the enterprise reports the milestone. */
  public record MilestoneView(String milestone, String name, String agreed, String reported,
      java.math.BigDecimal investedAmount, String note, String progressColour) {}


  public record FinishedStep(String step, String name, String department, String departmentName, String decision,
      String decisionLabel, String opinion, OffsetDateTime completedAt, String completedBy) {}

  public record CaseView(String admissionNumber, String status, String stage, JsonNode application,
      Screening screening, JsonNode agreement, String liaison, String leader, boolean incentivesEscalated,
      String progressColour,
      List<MilestoneView> milestones, TaxPerMu taxPerMu, List<AdmissionRepository.LinkedProject> projects, String withdrawalReason, OffsetDateTime createdAt, OffsetDateTime decidedAt,
      List<OpenSteps.OpenStep> openSteps, List<FinishedStep> finishedSteps) {}

  static String screeningLabel(String result) {
    return switch (result == null ? "" : result) {
      case AdmissionScreening.PASS -> "符合准入条件";
      case AdmissionScreening.REVIEW -> "需评估";
      case AdmissionScreening.REFUSE -> "不予入园";
      default -> "未筛查";
    };
  }

  public CaseView of(Admission a) {
    List<OpenSteps.OpenStep> open = a.processInstanceId() != null && !a.status().closed()
        ? openSteps.of(a.processInstanceId()) : List.of();
    List<FinishedStep> finished = caseRecord.of(a.admissionNumber()).stream()
        .filter(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()))
        .map(e -> new FinishedStep(e.stepKey(), e.stepName(), e.department(),
            e.department() == null ? null : Department.nameOf(e.department()), e.decision(),
            Decision.of(e.decision()).map(Decision::label).orElse(null), e.opinion(), time(e.occurredAt()),
            e.actor()))
        .toList();
    Screening screening = a.screeningResult() == null ? null : new Screening(a.screeningResult(),
        screeningLabel(a.screeningResult()), a.screeningReasons() == null || a.screeningReasons().isBlank()
            ? List.of() : Arrays.asList(a.screeningReasons().split("\n")));
    List<AdmissionRepository.MilestoneReport> reports = admissions.milestones(a.admissionNumber());
    List<MilestoneView> milestones = a.agreement() == null ? List.of() : Arrays.stream(Milestone.values())
        .map(m -> {
          AdmissionRepository.MilestoneReport r = reports.stream().filter(x -> x.milestone().equals(m.value()))
              .findFirst().orElse(null);
          return new MilestoneView(m.value(), m.label(), a.agreement().path(m.agreementField()).asText(null),
              r == null ? null : r.reported().toString(), r == null ? null : r.investedAmount(),
              r == null ? null : r.note(), r == null ? null : r.progressColour());
        }).toList();
    return new CaseView(a.admissionNumber(), a.status().label(), a.stage(), a.application().fields(), screening,
        a.agreement(), a.liaison(), a.leader(), a.incentivesEscalated(), a.progressColour(), milestones,
        a.agreement() == null ? null : TaxPerMu.of(a.agreement(), a.application().landArea(), reports.stream()
            .filter(r -> Milestone.FULL_OUTPUT.value().equals(r.milestone())).map(r -> r.actualTax())
            .filter(java.util.Objects::nonNull).findFirst().orElse(null)),
        admissions.linkedProjects(a.admissionNumber()),
        a.withdrawalReason(),
        time(a.createdAt()), time(a.decidedAt()), open, finished);
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, WorkingDayCalendar.ZONE);
  }
}
