package cn.parkflow.idleland;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseLink;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.caseview.OpenSteps;
import cn.parkflow.identity.Department;
import cn.parkflow.time.Beijing;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An idle-land case as the API shows it (issue 12, "API").
 */
@Component
public class IdleLandView {
  private static final Map<String, String> MEASURES = Map.of("extend-start", "延长动工开发期限",
      "change-use", "调整土地用途、规划条件", "temporary-use", "由政府安排临时使用", "paid-recovery", "协议有偿收回",
      "swap", "置换土地", "other", "其他处置方式");
  private static final Map<String, String> REUSES = Map.of("resupply", "重新供应", "reserve", "纳入政府土地储备",
      "farming", "恢复耕种");
  private static final Map<String, String> ROUTES = Map.of("state-acquisition", "国企收购", "lease-back", "返租共管",
      "lease-conversion", "租赁转产", "paid-recovery", "协议有偿收回", "bankruptcy", "破产清算",
      "judicial-auction", "司法拍卖");

  private final IdleLandRepository cases;
  private final CaseRecord caseRecord;
  private final CaseLinks caseLinks;
  private final OpenSteps openSteps;

  public IdleLandView(IdleLandRepository cases, CaseRecord caseRecord, CaseLinks caseLinks, OpenSteps openSteps) {
    this.cases = cases;
    this.caseRecord = caseRecord;
    this.caseLinks = caseLinks;
    this.openSteps = openSteps;
  }

  static String measureLabel(String measure) {
    return MEASURES.getOrDefault(measure, measure);
  }

  static String reuseLabel(String reuse) {
    return REUSES.getOrDefault(reuse, reuse);
  }

  static String routeLabel(String route) {
    return route == null ? "待定" : ROUTES.getOrDefault(route, route);
  }

  public record Cause(String cause, String causeLabel, String article8Item, String faultDepartment, int idleMonths) {}

  public record DocumentView(String kind, String title, String organ, String number, LocalDate date) {}

  public record FinishedStep(String step, String name, String department, String departmentName, String decision,
      String opinion, OffsetDateTime completedAt, String completedBy) {}

  public record Link(String process, String key, String relation, boolean outgoing) {}

  /** A notice the case sent to the holder (its subject and when), as the case record holds it. */
  public record Notice(String subject, String department, OffsetDateTime sentAt) {}

  public record CaseView(String parcelCode, String branch, String status, String holderCreditCode, String holderName,
      JsonNode facts, Cause cause, JsonNode statement, JsonNode draft, JsonNode outcome, String route,
      String routeLabel, List<DocumentView> decisions, List<Notice> notices, List<Link> links,
      OffsetDateTime createdAt, OffsetDateTime closedAt, List<OpenSteps.OpenStep> openSteps,
      List<FinishedStep> finishedSteps) {}

  public CaseView of(IdleLandCase c) {
    List<OpenSteps.OpenStep> open = c.processInstanceId() != null && c.open() ? openSteps.of(c.processInstanceId())
        : List.of();
    List<CaseEvent> record = caseRecord.of(c.parcelCode()).stream()
        .filter(e -> IdleLandProcess.KEY.equals(e.processKey()) && !e.occurredAt().isBefore(c.createdAt())).toList();
    List<Notice> notices = record.stream().filter(e -> CaseEvent.NOTICE_SENT.equals(e.kind())
            && Department.ENTERPRISE.groupId().equals(e.department()))
        .map(e -> new Notice(e.stepName(), e.department(), time(e.occurredAt()))).toList();
    List<FinishedStep> finished = record.stream()
        .filter(e -> CaseEvent.STEP_COMPLETED.equals(e.kind()))
        .map(e -> new FinishedStep(e.stepKey(), e.stepName(), e.department(),
            e.department() == null ? null : Department.nameOf(e.department()), e.decision(), e.opinion(),
            time(e.occurredAt()), e.actor()))
        .toList();
    Cause cause = c.cause() == null ? null : new Cause(c.cause().path("cause").asText(),
        "government".equals(c.cause().path("cause").asText()) ? "政府原因" : "土地使用权人原因",
        c.cause().path("article8Item").asText(null), c.cause().path("faultDepartment").asText(null),
        c.cause().path("idleMonths").asInt());
    List<DocumentView> documents = cases.documents(c.id()).stream().map(d -> new DocumentView(d.kind(), d.title(),
        d.organ(), d.number(), LocalDate.ofInstant(d.issuedAt(), Beijing.ZONE))).toList();
    List<Link> links = caseLinks.of(IdleLandProcess.KEY, c.parcelCode(), c.createdAt(),
            cases.nextCreated(c).orElse(null)).stream()
        .map((CaseLink l) -> new Link(l.process(), l.key(), l.relation(), l.outgoing())).toList();
    String route = c.outcome().path("route").asText(null);
    return new CaseView(c.parcelCode(), c.branch(), c.status().label(), c.holderCreditCode(), c.holderName(),
        c.facts(), cause, c.statement(), c.draft(), c.outcome(), route, route == null ? null : routeLabel(route),
        documents, notices, links, time(c.createdAt()), time(c.closedAt()), open, finished);
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : Beijing.offset(instant);
  }
}
