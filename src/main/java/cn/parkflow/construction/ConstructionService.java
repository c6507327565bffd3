package cn.parkflow.construction;

import static cn.parkflow.construction.ConstructionWatchProcess.Variables.*;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.caseview.OpenSteps;
import cn.parkflow.construction.ConstructionWatchProcess.Messages;
import cn.parkflow.construction.ConstructionWatchProcess.Notices;
import cn.parkflow.identity.Department;
import cn.parkflow.parcel.CompletionVerified;
import cn.parkflow.parcel.ConstructionState;
import cn.parkflow.parcel.IdleLandTest;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.ParcelFoundIdle;
import cn.parkflow.task.Decision;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@code construction-watch} (供后监管) and the only writer of a watch's status
 * ({@link ConstructionStatus} holds the transitions): the start from a registered title, the warnings before the
 * agreed dates, the holder's reports, the confirmation of the start, the daily idle-land check (Order 53 Art. 2 by
 * the {@code idle-land-test} table) and the verification of completion against the sale contract.
 */
@Service
public class ConstructionService {
  private final RuntimeService runtimeService;
  private final ConstructionRepository watches;
  private final CaseRecord caseRecord;
  private final CaseLinks caseLinks;
  private final WatchNotices notices;
  private final IdleLandTest idleLandTest;
  private final CompletionCheck completionCheck;
  private final ApplicationEventPublisher events;
  private final ObjectMapper mapper;
  private final OpenSteps openSteps;
  private final EngineClock clock;

  public ConstructionService(RuntimeService runtimeService, ConstructionRepository watches, CaseRecord caseRecord,
      CaseLinks caseLinks, WatchNotices notices, IdleLandTest idleLandTest, CompletionCheck completionCheck,
      ApplicationEventPublisher events, ObjectMapper mapper, OpenSteps openSteps, EngineClock clock) {
    this.runtimeService = runtimeService;
    this.watches = watches;
    this.caseRecord = caseRecord;
    this.caseLinks = caseLinks;
    this.notices = notices;
    this.idleLandTest = idleLandTest;
    this.completionCheck = completionCheck;
    this.events = events;
    this.mapper = mapper;
    this.openSteps = openSteps;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.now(), Beijing.ZONE);
  }

  /**
   * The title is registered: the parcel's watch starts (business key: the parcel code), linked from its land case.
   * The same title registered twice (a retried step) starts nothing more; a new title for a parcel still watched (it
   * was recovered and supplied again) ends the old watch first, so one watch at a time speaks for the parcel.
   *
   * @return the watch's process instance
   */
  @Transactional
  public String start(ParcelContract contract) {
    if (contract.agreedStart() == null || contract.agreedCompletion() == null) {
      throw new IllegalStateException("The contract of parcel " + contract.parcelCode()
          + " has no agreed start or completion; its construction watch cannot start");
    }
    Optional<ConstructionWatch> existing = watches.find(contract.parcelCode());
    if (existing.isPresent() && !existing.get().status().closed()) {
      ConstructionWatch old = existing.get();
      if (java.util.Objects.equals(old.contract().titleNumber(), contract.titleNumber())) {
        return old.processInstanceId();
      }
      supersede(old, "宗地重新供应，新不动产权证书 " + contract.titleNumber() + " 已登记，原供后监管终止");
    }
    watches.insert(contract, today());
    caseLinks.link(ConstructionWatchProcess.LAND_SUPPLY, contract.landCaseKey(), ConstructionWatchProcess.KEY,
        contract.parcelCode(), ConstructionWatchProcess.KEY);
    Map<String, Object> v = new HashMap<>();
    PARCEL_CODE.put(v, contract.parcelCode());
    CASE_CODE.put(v, contract.parcelCode());
    CASE_TITLE.put(v, "供后监管：" + (contract.location() == null ? contract.parcelCode() : contract.location()));
    ENTERPRISE_NAME.put(v, contract.holderName());
    AGREED_START.put(v, midnight(contract.agreedStart()));
    AGREED_COMPLETION.put(v, midnight(contract.agreedCompletion()));
    CONTRACT_TARGETS.put(v, CompletionCheck.targets(contract));
    return runtimeService.createProcessInstanceByKey(ConstructionWatchProcess.KEY)
        .businessKey(contract.parcelCode()).setVariables(v).execute().getId();
  }

  /**
   * The parcel, taken back by an idle-land case, is to be supplied again ({@code ParcelResupplyRequested}): its open
   * watch ends, so the former holder gets no more warnings and the daily check no longer classifies land it does not
   * hold. Runs in the reuse decision's transaction.
   */
  @Transactional
  public void resupplyRequested(String parcelCode) {
    watches.find(parcelCode).filter(w -> !w.status().closed()).ifPresent(w ->
        supersede(w, "宗地已由闲置土地处置收回并决定重新供应，原供后监管终止"));
  }

  private void supersede(ConstructionWatch old, String reason) {
    moveTo(old, ConstructionStatus.SUPERSEDED);
    caseRecord.add(event(old.parcelCode(), old.processInstanceId()).detail(reason + "；状态："
        + ConstructionStatus.SUPERSEDED.label()));
    if (old.processInstanceId() != null) {
      runtimeService.deleteProcessInstance(old.processInstanceId(), reason);
    }
  }

  private static Date midnight(LocalDate date) {
    return date == null ? null : Date.from(date.atStartOfDay(Beijing.ZONE).toInstant());
  }

  /** The model's first step: the instance is linked to its watch, and the watch is on record. */
  @Transactional
  public void opened(String parcelCode, String processInstanceId) {
    ConstructionWatch w = watches.get(parcelCode);
    watches.linkInstance(w.id(), processInstanceId);
    ParcelContract c = w.contract();
    caseRecord.add(event(parcelCode, processInstanceId).detail("不动产权证书 " + c.titleNumber() + " 已登记，开始供后监管；"
        + "约定动工 " + c.agreedStart() + "，约定竣工 " + c.agreedCompletion() + "；状态：" + w.status().label()));
  }

  /**
   * 开工提示 (P30D before the agreed start): to the holder and park-admin, once; not when the start is already
   * confirmed or awaiting confirmation.
   */
  @Transactional
  public void startWarning(String parcelCode) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (w.status() != ConstructionStatus.NOT_STARTED || !watches.markStartWarned(w.id())) {
      return;
    }
    notices.send(w, Notices.START_WARNING, "start:" + w.id(), Map.of(), true, Department.PARK_ADMIN.groupId());
  }

  /** 竣工提示 (P30D before the agreed completion): to the holder and park-admin, once, unless completion was reported. */
  @Transactional
  public void completionWarning(String parcelCode) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (w.status() == ConstructionStatus.COMPLETION_REPORTED || w.status().closed()
        || !watches.markCompletionWarned(w.id())) {
      return;
    }
    notices.send(w, Notices.COMPLETION_WARNING, "completion:" + w.id(), Map.of("status", w.status().label()), true,
        Department.PARK_ADMIN.groupId());
  }

  /**
   * A report of the holder. Its kind must fit the status ({@link ReportKind}; otherwise {@link CaseStateException},
   * 409); the caller has checked the fields. {@code started} opens the confirmation, {@code completed} the
   * verification.
   */
  @Transactional
  public void report(String parcelCode, ReportKind kind, LocalDate date, BigDecimal builtAreaM2,
      BigDecimal investedAmount, String note, String user) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (w.status() != kind.requires()) {
      throw new CaseStateException("宗地 " + parcelCode + " 当前状态为“" + w.status().label() + "”，不能报告“" + kind.label()
          + "”：" + orderRule(kind));
    }
    watches.insertReport(w.id(), kind, date, builtAreaM2, investedAmount, note, user);
    moveTo(w, kind.reaches());
    String summary = kind.label() + "日期 " + date + "；累计开发建设用地面积 " + builtAreaM2.toPlainString() + " m²；累计投资 "
        + investedAmount.toPlainString() + " 万元" + (note == null ? "" : "；说明：" + note);
    caseRecord.add(event(parcelCode, w.processInstanceId()).by(user, null)
        .detail("用地单位报告" + summary + "；状态：" + kind.reaches().label()));
    if (kind == ReportKind.STARTED) {
      runtimeService.createMessageCorrelation(Messages.STARTED).processInstanceId(w.processInstanceId())
          .setVariable(START_REPORT.name(), summary).correlate();
    } else if (kind == ReportKind.COMPLETED) {
      runtimeService.createMessageCorrelation(Messages.COMPLETED).processInstanceId(w.processInstanceId())
          .setVariable(COMPLETION_REPORT.name(), summary).correlate();
    }
  }

  private static String orderRule(ReportKind kind) {
    return switch (kind) {
      case STARTED -> "开工只能在待开工时报告一次（开工未获确认的可重新报告）";
      case PROGRESS, STOPPED, COMPLETED -> "进度、停工和竣工须在开工经自然资源部门确认后、建设中报告";
      case RESUMED -> "复工只能在停工后报告";
    };
  }

  /**
   * 确认开工 (natural-resources): confirmed — the start counts from the reported date (a construction permit held and
   * work on site, the local rule of the idle-land table); not confirmed — the parcel is not started and the holder is
   * told why.
   */
  @Transactional
  public void startDecided(String parcelCode, String decision, String permitNumber, String opinion,
      String occurrence) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (Decision.APPROVE.value().equals(decision)) {
      LocalDate reported = lastReport(w, ReportKind.STARTED).map(ConstructionReport::date).orElse(today());
      watches.recordConfirmedStart(w.id(), reported, permitNumber);
      moveTo(w, ConstructionStatus.BUILDING);
      caseRecord.add(event(parcelCode, w.processInstanceId()).detail("自然资源部门确认开工：施工许可证 " + permitNumber
          + "，已进场施工；开工日期 " + reported + "；状态：" + ConstructionStatus.BUILDING.label()));
    } else {
      moveTo(w, ConstructionStatus.NOT_STARTED);
      caseRecord.add(event(parcelCode, w.processInstanceId()).detail("自然资源部门不予确认开工：" + opinion + "；状态："
          + ConstructionStatus.NOT_STARTED.label()));
      notices.send(w, Notices.START_NOT_CONFIRMED, occurrence, Map.of("opinion", opinion == null ? "" : opinion),
          true);
    }
  }

  /**
   * 竣工核验 (natural-resources): verified — the measured indicators are compared with the contract
   * ({@link CompletionCheck}); a shortfall records the contract's proportional penalty and the holder is told; the
   * watch ends and {@link CompletionVerified} is published in this transaction (the land case becomes 已竣工核验). Not verified (not complete) — building again, the holder is told why.
   *
   * @return whether the watch ends
   */
  @Transactional
  public boolean completionDecided(String parcelCode, String decision, Map<String, Object> measured, String opinion,
      String occurrence) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (!Decision.APPROVE.value().equals(decision)) {
      moveTo(w, ConstructionStatus.BUILDING);
      caseRecord.add(event(parcelCode, w.processInstanceId()).detail("竣工核验未通过（未达到竣工条件）：" + opinion
          + "；状态：" + ConstructionStatus.BUILDING.label()));
      notices.send(w, Notices.COMPLETION_REFUSED, occurrence, Map.of("opinion", opinion == null ? "" : opinion), true);
      return false;
    }
    CompletionCheck.Result result = completionCheck.check(w.contract(), measured);
    ObjectNode verification = mapper.valueToTree(result);
    watches.recordVerification(w.id(), verification.toString(), result.penalty(), today());
    moveTo(w, ConstructionStatus.VERIFIED);
    caseRecord.add(event(parcelCode, w.processInstanceId()).detail("竣工核验：" + result.summary() + "；状态："
        + ConstructionStatus.VERIFIED.label()));
    Map<String, Object> extra = new HashMap<>();
    extra.put("findings", result.findings());
    extra.put("penalty", result.penalty().toPlainString());
    extra.put("penaltyRule", completionCheck.penaltyRule());
    if (opinion != null && !opinion.isBlank()) {
      extra.put("opinion", opinion);
    }
    notices.send(w, result.shortfall() ? Notices.SHORTFALL : Notices.VERIFIED, occurrence, extra, true,
        Department.PARK_ADMIN.groupId());
    events.publishEvent(new CompletionVerified(parcelCode, w.contract().landCaseKey(), result.shortfall(),
        result.penalty(), result.summary(), today()));
    return true;
  }

  /**
   * 每日闲置土地检查: the parcel's contract and state of construction through {@code idle-land-test} (Order 53 Art.
   * 2). A changed result is recorded on the watch and in the case record; turning {@code watch} tells park-admin,
   * turning {@code idle} publishes {@link ParcelFoundIdle} inside this transaction (an idle-land-recovery case starts
   * from it) and tells park-admin and natural-resources. The watch goes on either way: the determination is
   * natural-resources' in the idle-land case, and a start or completion may still come.
   *
   * @return the result, or empty when the watch is closed
   */
  @Transactional
  public Optional<IdleLandTest.Result> dailyCheck(String parcelCode, LocalDate today) {
    ConstructionWatch w = watches.lock(parcelCode);
    if (w.status().closed()) {
      return Optional.empty();
    }
    ConstructionState state = state(w);
    IdleLandTest.Result result = idleLandTest.classify(w.contract(), state, today);
    boolean changed = !result.result().equals(w.idleResult());
    watches.recordIdleCheck(w.id(), result.result(), result.reason(), today);
    if (!changed) {
      return Optional.of(result);
    }
    caseRecord.add(event(parcelCode, w.processInstanceId()).detail("闲置土地检查（" + today + "）：" + label(result.result())
        + "；" + result.reason()));
    Map<String, Object> extra = Map.of("result", label(result.result()), "reason", result.reason(),
        "checkedOn", today.toString(), "status", w.status().label());
    if ("watch".equals(result.result())) {
      notices.send(w, Notices.IDLE_WATCH, "watch:" + w.id() + ":" + today, extra, false,
          Department.PARK_ADMIN.groupId());
    } else if (result.idle()) {
      events.publishEvent(new ParcelFoundIdle(w.contract(), state, result.reason(), today));
      caseRecord.add(event(parcelCode, w.processInstanceId()).detail("疑似闲置土地，已移交闲置土地处置（ParcelFoundIdle，"
          + today + "）；供后监管继续"));
      notices.send(w, Notices.FOUND_IDLE, "idle:" + w.id() + ":" + today, extra, false,
          Department.PARK_ADMIN.groupId(), Department.NATURAL_RESOURCES.groupId());
    }
    return Optional.of(result);
  }

  static String label(String result) {
    return switch (result) {
      case "ok" -> "正常";
      case "watch" -> "预警跟踪";
      case "idle" -> "疑似闲置土地";
      case "stopped-plant" -> "已建成厂房停产";
      default -> result;
    };
  }

  /** How far building has come, from the confirmed start and the reports: the idle-land table's inputs. */
  public ConstructionState state(ConstructionWatch w) {
    List<ConstructionReport> reports = watches.reports(w.id());
    ConstructionReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
    LocalDate stoppedOn = w.status() == ConstructionStatus.STOPPED
        ? lastReport(reports, ReportKind.STOPPED).map(ConstructionReport::date).orElse(null) : null;
    LocalDate completedOn = w.status() == ConstructionStatus.COMPLETION_REPORTED || w.status().closed()
        ? lastReport(reports, ReportKind.COMPLETED).map(ConstructionReport::date).orElse(null) : null;
    return new ConstructionState(w.confirmedStart(), stoppedOn, completedOn, null,
        last == null ? BigDecimal.ZERO : last.builtAreaM2(), last == null ? BigDecimal.ZERO : last.investedAmount());
  }

  private Optional<ConstructionReport> lastReport(ConstructionWatch w, ReportKind kind) {
    return lastReport(watches.reports(w.id()), kind);
  }

  private static Optional<ConstructionReport> lastReport(List<ConstructionReport> reports, ReportKind kind) {
    ConstructionReport found = null;
    for (ConstructionReport r : reports) {
      if (r.kind() == kind) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The parcel's milestones for its view ({@code GET /api/parcels/{code}}), or null when it was never watched. */
  @Transactional(readOnly = true)
  public Map<String, Object> milestones(String parcelCode) {
    ConstructionWatch w = watches.find(parcelCode).orElse(null);
    if (w == null) {
      return null;
    }
    List<ConstructionReport> reports = watches.reports(w.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("watchStatus", w.status().label());
    m.put("agreedStart", w.contract().agreedStart());
    m.put("agreedCompletion", w.contract().agreedCompletion());
    m.put("reportedStart", lastReport(reports, ReportKind.STARTED).map(ConstructionReport::date).orElse(null));
    m.put("confirmedStart", w.confirmedStart());
    m.put("permitNumber", w.permitNumber());
    m.put("reportedCompletion", lastReport(reports, ReportKind.COMPLETED).map(ConstructionReport::date).orElse(null));
    m.put("verifiedOn", w.verifiedOn());
    m.put("penalty", w.penalty());
    m.put("reports", reports.stream().map(r -> {
      Map<String, Object> each = new LinkedHashMap<>();
      each.put("kind", r.kind().value());
      each.put("kindLabel", r.kind().label());
      each.put("date", r.date());
      each.put("builtAreaM2", r.builtAreaM2());
      each.put("investedAmount", r.investedAmount());
      each.put("note", r.note());
      return each;
    }).toList());
    Map<String, Object> idle = new LinkedHashMap<>();
    idle.put("result", w.idleResult());
    idle.put("label", w.idleResult() == null ? null : label(w.idleResult()));
    idle.put("reason", w.idleReason());
    idle.put("checkedOn", w.idleCheckedOn());
    m.put("idleTest", idle);
    m.put("openSteps", w.processInstanceId() == null ? List.of() : openSteps.of(w.processInstanceId()));
    m.put("links", caseLinks.of(ConstructionWatchProcess.KEY, parcelCode, w.createdAt(), null).stream().map(l -> {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("process", l.process());
      link.put("key", l.key());
      link.put("relation", l.relation());
      link.put("direction", l.outgoing() ? "outgoing" : "incoming");
      link.put("createdAt", Beijing.offset(l.createdAt()));
      return link;
    }).toList());
    return m;
  }

  private CaseEvent event(String parcelCode, String processInstanceId) {
    return CaseEvent.of(parcelCode, ConstructionWatchProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED);
  }

  /** The only write of a watch's status; {@link ConstructionStatus} holds the transitions. */
  private void moveTo(ConstructionWatch w, ConstructionStatus next) {
    if (w.status() != next) {
      w.status().checkMoveTo(next);
    }
    watches.updateStatus(w.id(), next);
  }
}
