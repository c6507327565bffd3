package cn.parkflow.land;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseLink;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.caseview.OpenSteps;
import cn.parkflow.identity.Department;
import cn.parkflow.land.LandCaseRepository.Payment;
import cn.parkflow.parcel.ParcelViewPart;
import cn.parkflow.task.Decision;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A land case as {@code GET /api/parcels/{parcelCode}} shows it (issue 10): status, stage, project, parcel, contract,
 * payments with their penalty, milestones, open and finished steps, links, and every {@link ParcelViewPart}'s field.
 */
@Component
public class ParcelView {
  private final CaseRecord caseRecord;
  private final CaseLinks caseLinks;
  private final LandCaseRepository cases;
  private final OpenSteps openSteps;
  private final EngineClock clock;
  private final LandSupplyService service;
  private final ObjectProvider<ParcelViewPart> parts;

  public ParcelView(CaseRecord caseRecord, CaseLinks caseLinks, LandCaseRepository cases, OpenSteps openSteps,
      EngineClock clock, LandSupplyService service, ObjectProvider<ParcelViewPart> parts) {
    this.caseRecord = caseRecord;
    this.caseLinks = caseLinks;
    this.cases = cases;
    this.openSteps = openSteps;
    this.clock = clock;
    this.service = service;
    this.parts = parts;
  }

  public record PaymentView(String name, LocalDate due, LocalDate extendedTo, BigDecimal amount, LocalDate paidAt,
      BigDecimal paidAmount, long daysLate, BigDecimal penalty) {}

  public record FinishedStep(String step, String name, String department, String departmentName, String decision,
      String decisionLabel, String opinion, OffsetDateTime completedAt, String completedBy) {}

  public record LinkView(String process, String key, String relation, String direction, OffsetDateTime createdAt) {}

  public Map<String, Object> of(LandCase c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("parcelCode", c.parcelCode());
    v.put("caseKey", c.caseKey());
    v.put("status", c.status().label());
    v.put("stage", c.stage());
    v.put("projectCode", c.projectCode());
    v.put("admissionNumber", c.admissionNumber());
    v.put("enterpriseName", c.enterpriseName());
    v.put("creditCode", c.creditCode());
    Map<String, Object> parcel = new LinkedHashMap<>();
    parcel.put("location", c.location());
    parcel.put("areaMu", c.areaMu());
    parcel.put("areaM2", c.areaM2());
    parcel.put("landGrade", c.landGrade());
    parcel.put("industryCode", c.industryCode());
    parcel.put("plannedUse", c.plannedUse());
    parcel.put("quota", c.quota());
    parcel.put("planningConditions", c.planning());
    parcel.put("requisition", c.requisition());
    v.put("parcel", parcel);
    Map<String, Object> listing = new LinkedHashMap<>();
    listing.put("minimumPrice", c.minimumPrice());
    listing.put("reservePrice", c.reservePrice());
    listing.put("listings", c.listings());
    listing.put("winnerCreditCode", c.winnerCreditCode());
    listing.put("winnerName", c.winnerName());
    listing.put("winnerIsApplicant", c.winnerIsApplicant());
    listing.put("salePrice", c.salePrice());
    listing.put("soldOn", c.soldOn());
    listing.put("resultsPublishBy", c.resultsPublishBy());
    v.put("listing", listing);
    v.put("contract", contract(c));
    v.put("payments", payments(c));
    v.put("milestones", List.of());
    boolean open = c.processInstanceId() != null && !c.ended() && c.status() != LandStatus.WATCHED
        && c.status() != LandStatus.VERIFIED;
    v.put("openSteps", open ? openSteps.of(c.processInstanceId()) : List.of());
    v.put("finishedSteps", caseRecord.of(c.caseKey()).stream()
        .filter(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()) && LandSupplyProcess.KEY.equals(e.processKey())
            && (c.processInstanceId() == null || c.processInstanceId().equals(e.processInstanceId())))
        .map(e -> new FinishedStep(e.stepKey(), e.stepName(), e.department(),
            e.department() == null ? null : Department.nameOf(e.department()), e.decision(),
            Decision.of(e.decision()).map(Decision::label).orElse(null), e.opinion(), time(e.occurredAt()),
            e.actor()))
        .toList());
    v.put("links", caseLinks.of(LandSupplyProcess.KEY, c.caseKey(), c.createdAt(), cases.nextCreated(c).orElse(null))
        .stream().map(ParcelView::link).toList());
    v.put("createdAt", time(c.createdAt()));
    v.put("endedAt", time(c.endedAt()));
    if (c.parcelCode() != null) {
      parts.orderedStream().forEach(part -> {
        Object value = part.valueFor(c.parcelCode());
        if (value != null) {
          v.put(part.field(), value);
        }
      });
    }
    return v;
  }

  private static LinkView link(CaseLink l) {
    return new LinkView(l.process(), l.key(), l.relation(), l.outgoing() ? "outgoing" : "incoming",
        time(l.createdAt()));
  }

  private static Map<String, Object> contract(LandCase c) {
    JsonNode k = c.contract();
    if (k == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", k.path("contractNumber").asText());
    m.put("price", k.path("price").decimalValue());
    m.put("signedOn", k.path("signedOn").asText());
    m.put("agreedHandOver", k.path("agreedHandOver").asText());
    m.put("actualHandOver", c.actualHandOver());
    m.put("handedOverLate", c.actualHandOver() != null
        && c.actualHandOver().isAfter(LocalDate.parse(k.path("agreedHandOver").asText())));
    m.put("agreedStart", k.path("agreedStart").asText());
    m.put("agreedCompletion", k.path("agreedCompletion").asText());
    m.put("committedInvestment", k.path("committedInvestment").decimalValue());
    m.put("investmentIntensity", k.path("investmentIntensity").decimalValue());
    m.put("titleNumber", c.titleNumber());
    return m;
  }

  /** Each payment; a late one unpaid shows the penalty up to today, a paid one the penalty recorded. */
  private List<PaymentView> payments(LandCase c) {
    LocalDate today = LocalDate.ofInstant(clock.now(), Beijing.ZONE);
    return cases.payments(c.id()).stream().map((Payment p) -> {
      LocalDate until = p.paidOn() != null ? p.paidOn() : today;
      long late = Math.max(0, ChronoUnit.DAYS.between(p.dueOn(), until));
      BigDecimal penalty = p.penalty() != null ? p.penalty()
          : LandRules.penalty(p.amount(), p.dueOn(), until, service.penaltyPerDay());
      return new PaymentView(p.name(), p.dueOn(), p.extendedTo(), p.amount(), p.paidOn(), p.paidAmount(), late,
          penalty);
    }).toList();
  }

  private static OffsetDateTime time(Instant instant) {
    return Beijing.offset(instant);
  }
}
