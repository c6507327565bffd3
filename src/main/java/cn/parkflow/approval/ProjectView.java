package cn.parkflow.approval;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.caseview.OpenSteps;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStatusSource;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.Light;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.identity.Department;
import cn.parkflow.task.Decision;
import cn.parkflow.time.EngineClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A case as the applicant sees it (issue 4, "API shapes"): status, stage, the application, each open step with its
 * department, due date and light, each finished step with department, decision, opinion, time and who.
 */
@Component
public class ProjectView {
  private final TaskService taskService;
  private final ManagementService managementService;
  private final CaseRecord caseRecord;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final OpenSteps openSteps;
  private final ReviewPauseRepository pauses;
  private final CaseLinks caseLinks;
  private final ObjectProvider<CaseStatusSource> statuses;

  public ProjectView(TaskService taskService, ManagementService managementService, CaseRecord caseRecord,
      Deadlines deadlines, EngineClock clock, OpenSteps openSteps, ReviewPauseRepository pauses, CaseLinks caseLinks,
      ObjectProvider<CaseStatusSource> statuses) {
    this.pauses = pauses;
    this.caseLinks = caseLinks;
    this.statuses = statuses;
    this.taskService = taskService;
    this.managementService = managementService;
    this.caseRecord = caseRecord;
    this.deadlines = deadlines;
    this.clock = clock;
    this.openSteps = openSteps;
  }


  /** A step waiting for the applicant: supply what a notice asked for, by {@code due}. */
  public record PendingSupplement(String name, OffsetDateTime due, String light) {}

  /** {@code decisionLabel} is the decision in the shared vocabulary ({@link Decision}): 同意, 退回补正, 不予通过. */
  public record FinishedStep(String name, String department, String departmentName, String decision,
      String decisionLabel, String opinion, String missingItems, OffsetDateTime completedAt, String completedBy) {}

  public record Notice(String subject, OffsetDateTime sentAt) {}

  /** A case linked to the project (its land-supply case), with that case's status. */
  public record LinkedCase(String process, String key, String relation, String status) {}

  /**
   * A clock pause of a department review (行政许可法 Art. 45), current ({@code resumedAt} null) or past.
   * {@code light} is {@code red} while a pause runs past its expected end, else {@code green}; null once it ended.
   */
  public record Pause(long id, String taskId, String reviewKey, String reviewName, String department,
      String departmentName, String kind, String kindLabel, String reason, int expectedWorkingDays,
      OffsetDateTime expectedEnd, OffsetDateTime startedAt, String startedBy, OffsetDateTime dueBefore,
      OffsetDateTime resumedAt, String resumedBy, Integer pausedWorkingDays, OffsetDateTime dueAfter, String light) {

    static Pause of(ReviewPauseRepository.Row r, Instant now) {
      String light = !r.open() ? null : now.isBefore(r.expectedEnd()) ? Light.GREEN.value() : Light.RED.value();
      return new Pause(r.id(), r.taskId(), r.reviewKey(), r.reviewName(), r.department(),
          Department.nameOf(r.department()), r.kind().value(), r.kind().label(), r.reason(), r.expectedWorkingDays(),
          time(r.expectedEnd()), time(r.startedAt()), r.startedBy(), time(r.dueBefore()), time(r.resumedAt()),
          r.resumedBy(), r.pausedWorkingDays(), time(r.dueAfter()), light);
    }
  }

  public record CaseView(String projectCode, String admissionNumber, String status, String stage,
      Map<String, Object> application, String createdBy, OffsetDateTime createdAt, OffsetDateTime acceptedAt,
      boolean deemedAccepted,
      OffsetDateTime jointReviewDue, boolean jointReviewExtended, String jointReviewLight,
      boolean landSupplyRequired, OffsetDateTime decidedAt, String withdrawalReason, List<OpenSteps.OpenStep> openSteps,
      List<PendingSupplement> pendingSupplements, List<FinishedStep> finishedSteps, List<Notice> notices,
      List<Pause> pauses, List<LinkedCase> linkedCases) {}

  public CaseView of(Project p) {
    Instant now = clock.now();
    List<OpenSteps.OpenStep> open = new ArrayList<>();
    List<PendingSupplement> pending = new ArrayList<>();
    if (p.processInstanceId() != null && !p.status().closed()) {
      open.addAll(openSteps.of(p.processInstanceId()));
      for (Job timer : managementService.createJobQuery().processInstanceId(p.processInstanceId()).timers()
          .activityId(Elements.INTAKE_SUPPLEMENT_DEADLINE).list()) {
        pending.add(supplement("补正材料（受理审查退回）", timer, now));
      }
      for (Job timer : managementService.createJobQuery().processInstanceId(p.processInstanceId()).timers()
          .activityId(Elements.REVIEW_SUPPLEMENT_DEADLINE).list()) {
        pending.add(supplement("补正材料（部门审查退回）", timer, now));
      }
    }
    List<FinishedStep> finished = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    for (CaseEvent e : caseRecord.of(p.projectCode())) {
      if (CaseEvent.STEP_COMPLETED.equals(e.kind())) {
        finished.add(new FinishedStep(e.stepName(), e.department(),
            e.department() == null ? null : Department.nameOf(e.department()), e.decision(),
            Decision.of(e.decision()).map(Decision::label).orElse(null), e.opinion(),
            e.missingItems(), time(e.occurredAt()), e.actor()));
      } else if (CaseEvent.NOTICE_SENT.equals(e.kind()) && Department.ENTERPRISE.groupId().equals(e.department())) {
        notices.add(new Notice(e.stepName(), time(e.occurredAt())));
      }
    }
    List<ReviewPauseRepository.Row> casePauses = pauses.ofCase(p.projectCode());
    // While a review's clock is paused the joint limit stands still too: its light is the one it had when it stopped.
    Instant jointNow = casePauses.stream().filter(ReviewPauseRepository.Row::open)
        .map(ReviewPauseRepository.Row::jointPausedFrom).min(Instant::compareTo).orElse(now);
    String jointLight = p.jointReviewDue() == null || p.status().closed() ? null
        : Light.of(p.jointReviewDue(), jointNow, deadlines).value();
    return new CaseView(p.projectCode(), p.admissionNumber(), p.status().label(), p.stage(),
        application(p.application()), p.createdBy(),
        time(p.createdAt()), time(p.acceptedAt()), p.deemedAccepted(), time(p.jointReviewDue()),
        p.jointReviewExtended(), jointLight, p.landSupplyRequired(), time(p.decidedAt()), p.withdrawalReason(), open,
        pending, finished, notices, casePauses.stream().map(r -> Pause.of(r, now)).toList(),
        linked(p.projectCode()));
  }

  private List<LinkedCase> linked(String projectCode) {
    return caseLinks.of(ProjectApprovalProcess.KEY, projectCode).stream().map(l -> new LinkedCase(l.process(), l.key(),
        l.relation(), statuses.orderedStream().filter(s -> s.processKey().equals(l.process())).findFirst()
            .flatMap(s -> s.statusOf(l.key())).orElse(null))).toList();
  }

  private PendingSupplement supplement(String name, Job timer, Instant now) {
    Instant due = timer.getDuedate() == null ? null : timer.getDuedate().toInstant();
    return new PendingSupplement(name, time(due), Light.of(due, now, deadlines).value());
  }

  static Map<String, Object> application(ProjectApplication a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enterpriseName", a.enterpriseName());
    m.put("creditCode", a.creditCode());
    m.put("projectName", a.projectName());
    m.put("industryCode", a.industryCode());
    m.put("location", a.location());
    m.put("totalInvestment", a.totalInvestment());
    m.put("fixedAssetInvestment", a.fixedAssetInvestment());
    m.put("landArea", a.landArea());
    m.put("annualEnergyTce", a.annualEnergyTce());
    m.put("hazardousChemicals", a.hazardousChemicals());
    m.put("expectedAnnualTax", a.expectedAnnualTax());
    m.put("contactEmail", a.contactEmail());
    m.put("constructionScaleAndContent", a.constructionScaleAndContent());
    m.put("industrialPolicyDeclaration", a.industrialPolicyDeclaration());
    m.put("annualElectricityKwh", a.annualElectricityKwh());
    return m;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, WorkingDayCalendar.ZONE);
  }
}
