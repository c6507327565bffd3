package cn.parkflow.idleland;

import static cn.parkflow.idleland.IdleLandProcess.Variables.*;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.identity.Department;
import cn.parkflow.idleland.IdleLandProcess.Branches;
import cn.parkflow.idleland.IdleLandProcess.Elements;
import cn.parkflow.idleland.IdleLandProcess.Messages;
import cn.parkflow.idleland.IdleLandProcess.Notices;
import cn.parkflow.onboarding.Admission;
import cn.parkflow.onboarding.AdmissionRepository;
import cn.parkflow.parcel.IdleLandTest;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.ParcelFoundIdle;
import cn.parkflow.parcel.ParcelResupplyRequested;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@code idle-land-recovery} and the only writer of a case's status ({@link IdleLandStatus} holds
 * the transitions). Branch A follows 闲置土地处置办法 (MLR Order 53); branch B revives a stopped plant by the park's
 * routes (domain.md §4.4), to which Order 53 does not apply.
 */
@Service
public class IdleLandService {
  /** Order 53 Art. 14(1): the idle fee is 20 % of the sale price. */
  public static final BigDecimal FEE_RATE = new BigDecimal("0.20");
  static final String FROM_WATCH = "construction-watch";
  static final String FROM_API = "api";
  static final String FROM_TASKLIST = "tasklist";
  static final String FROM_SURVEY = "survey";
  private static final String SYSTEM = "system";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final IdleLandRepository idleCases;
  private final IdleLandNotices notices;
  private final IdleLandValidator validator;
  private final CaseRecord caseRecord;
  private final CaseLinks caseLinks;
  private final IdleLandTest idleLandTest;
  private final AdmissionRepository admissions;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;
  private final ObjectMapper mapper;
  private final EngineClock clock;

  public IdleLandService(RuntimeService runtimeService, IdentityService identityService, IdleLandRepository idleCases,
      IdleLandNotices notices,
      IdleLandValidator validator, CaseRecord caseRecord, CaseLinks caseLinks, IdleLandTest idleLandTest,
      AdmissionRepository admissions, Deadlines deadlines, ApplicationEventPublisher events, ObjectMapper mapper,
      EngineClock clock) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.idleCases = idleCases;
    this.notices = notices;
    this.validator = validator;
    this.caseRecord = caseRecord;
    this.caseLinks = caseLinks;
    this.idleLandTest = idleLandTest;
    this.admissions = admissions;
    this.deadlines = deadlines;
    this.events = events;
    this.mapper = mapper;
    this.clock = clock;
  }

  // --- starts --------------------------------------------------------------------------------------------------

  /**
   * The construction watch found the parcel idle (inside its transaction): branch A starts with the contract's and
   * the construction's facts, linked from the watch. A parcel that already has an open case gets no second one.
   */
  @Transactional
  public Optional<String> foundIdle(ParcelFoundIdle event) {
    ParcelContract c = event.contract();
    if (idleCases.hasOpenCase(c.parcelCode())) {
      return Optional.empty();
    }
    ObjectNode facts = facts(c, event);
    start(new IdleLandValidator.Start(c.parcelCode(), Branches.IDLE, c.holderCreditCode(), c.holderName(), facts),
        SYSTEM, FROM_WATCH, event.discoveredOn());
    caseLinks.link(FROM_WATCH, c.parcelCode(), IdleLandProcess.KEY, c.parcelCode(), "idle-land");
    return Optional.of(c.parcelCode());
  }

  private ObjectNode facts(ParcelContract c, ParcelFoundIdle e) {
    ObjectNode f = mapper.createObjectNode();
    putText(f, "contractNumber", c.contractNumber());
    putText(f, "location", c.location());
    putText(f, "titleNumber", c.titleNumber());
    putText(f, "admissionNumber", c.admissionNumber());
    putText(f, "projectCode", c.projectCode());
    putText(f, "industryCode", c.industryCode());
    if (c.landGrade() != null) {
      f.put("landGrade", c.landGrade());
    }
    putText(f, "reason", e.reason());
    putDecimal(f, "price", c.price());
    putDecimal(f, "areaMu", c.areaMu());
    if (c.landGrade() != null) {
      // Not a start-form fact: kept from the sale contract so that a resupply names the parcel's grade.
      f.put("landGrade", c.landGrade());
    }
    putDecimal(f, "committedInvestment", c.committedInvestment());
    putDecimal(f, "investedAmount", e.state().investedAmount());
    putDecimal(f, "builtAreaM2", e.state().builtAreaM2());
    putDate(f, "agreedHandOver", c.agreedHandOver());
    putDate(f, "actualHandOver", c.actualHandOver());
    putDate(f, "agreedStart", c.agreedStart());
    putDate(f, "startedOn", e.state().startedOn());
    putDate(f, "stoppedOn", e.state().stoppedOn());
    putDate(f, "completedOn", e.state().completedOn());
    putDate(f, "productionStoppedOn", e.state().productionStoppedOn());
    putDate(f, "discoveredOn", e.discoveredOn());
    return f;
  }

  /**
   * Starts a case checked by {@link IdleLandValidator}: stored first, then the process with the parcel code as its
   * business key.
   */
  @Transactional
  public String start(IdleLandValidator.Start s, String user, String startedFrom, LocalDate discoveredOn) {
    if (idleCases.hasOpenCase(s.parcelCode())) {
      throw new CaseStateException("宗地 " + s.parcelCode() + " 已有未办结的闲置土地处置案件，不能重复立案");
    }
    LocalDate discovered = discoveredOn != null ? discoveredOn : today();
    if (!s.facts().hasNonNull("discoveredOn")) {
      s.facts().put("discoveredOn", discovered.toString());
    }
    long id = idleCases.insert(s.parcelCode(), s.kind(), s.holderCreditCode(), s.holderName(), s.facts(), user,
        startedFrom);
    runtimeService.createProcessInstanceByKey(IdleLandProcess.KEY).businessKey(s.parcelCode())
        .setVariables(caseVariables(s, discovered, user)).execute();
    return s.parcelCode();
  }

  private Map<String, Object> caseVariables(IdleLandValidator.Start s, LocalDate discovered, String user) {
    Map<String, Object> v = new LinkedHashMap<>();
    PARCEL_CODE.put(v, s.parcelCode());
    CASE_CODE.put(v, s.parcelCode());
    BRANCH.put(v, s.kind());
    ENTERPRISE_NAME.put(v, s.holderName() == null ? s.holderCreditCode() : s.holderName());
    CASE_TITLE.put(v, Branches.IDLE.equals(s.kind()) ? "闲置土地处置" : "停产企业厂房盘活");
    APPLICANT.put(v, user);
    DISCOVERED_ON.put(v, Date.from(discovered.atStartOfDay(Beijing.ZONE).toInstant()));
    return v;
  }

  /**
   * The model's registration step: a case the API stored is linked to its instance; one started from Tasklist's start
   * form (its variables hold the form) is checked by the API's rules and stored.
   *
   * @return the variables the case keeps when it came from the start form; otherwise empty
   */
  @Transactional
  public Map<String, Object> register(String branch, Map<String, Object> startVariables, String user,
      String processInstanceId) {
    if (branch != null) {
      IdleLandCase c = idleCases.latest(PARCEL_CODE.from(startVariables)).orElseThrow();
      idleCases.linkInstance(c.id(), processInstanceId);
      record(c, processInstanceId, "立案：" + (Branches.IDLE.equals(branch) ? "闲置土地（《闲置土地处置办法》）"
          : "停产企业厂房盘活（一企一策）") + "；来源：" + source(c.startedFrom()) + "；状态：" + c.status().label());
      return Map.of();
    }
    if (user == null && identityService.getCurrentAuthentication() != null) {
      user = identityService.getCurrentAuthentication().getUserId();
    }
    FieldErrors errors = new FieldErrors();
    IdleLandValidator.Start s = validator.validate(validator.fromVariables(startVariables), errors);
    if (s == null) {
      throw new NotValidException("立案信息有误，未启动案件：" + errors.list().stream().map(FieldError::message)
          .collect(Collectors.joining("；")));
    }
    if (idleCases.hasOpenCase(s.parcelCode())) {
      throw new NotValidException("宗地 " + s.parcelCode() + " 已有未办结的闲置土地处置案件，不能重复立案");
    }
    LocalDate discovered = IdleLandValidator.date(s.facts(), "discoveredOn");
    discovered = discovered == null ? today() : discovered;
    s.facts().put("discoveredOn", discovered.toString());
    long id = idleCases.insert(s.parcelCode(), s.kind(), s.holderCreditCode(), s.holderName(), s.facts(),
        user == null ? SYSTEM : user, FROM_TASKLIST);
    idleCases.linkInstance(id, processInstanceId);
    record(idleCases.get(id), processInstanceId, "立案（Tasklist）；状态：" + IdleLandStatus.INVESTIGATING.label());
    return caseVariables(s, discovered, user);
  }

  private static String source(String startedFrom) {
    return switch (startedFrom) {
      case FROM_WATCH -> "供后监管认定疑似闲置";
      case FROM_SURVEY -> "年度闲置土地调查";
      case FROM_TASKLIST -> "自然资源部门立案（Tasklist）";
      default -> "自然资源部门立案";
    };
  }

  /** One parcel's survey answer. */
  public record SurveyResult(String parcelCode, String result, String reason, Map<String, Object> inputs,
      boolean caseStarted, String caseStatus, String note) {}

  /**
   * 年度闲置土地调查: {@code idle-land-test} classifies each parcel on {@code surveyDate}; a parcel found idle or a
   * stopped plant gets a case (branch A or B), unless it already has an open one.
   */
  @Transactional
  public List<SurveyResult> survey(List<IdleLandValidator.Start> parcels, LocalDate surveyDate, String user) {
    List<SurveyResult> results = new ArrayList<>();
    for (IdleLandValidator.Start p : parcels) {
      IdleLandTest.Result r = idleLandTest.classify(IdleLandValidator.contract(p.parcelCode(), p.holderCreditCode(),
          p.holderName(), p.facts()), IdleLandValidator.state(p.facts()), surveyDate);
      String branch = r.idle() ? Branches.IDLE : r.stoppedPlant() ? Branches.STOPPED_PLANT : null;
      if (branch == null) {
        results.add(new SurveyResult(p.parcelCode(), r.result(), r.reason(), r.inputs(), false, null, null));
      } else if (idleCases.hasOpenCase(p.parcelCode())) {
        results.add(new SurveyResult(p.parcelCode(), r.result(), r.reason(), r.inputs(), false,
            idleCases.latest(p.parcelCode()).map(c -> c.status().label()).orElse(null), "已有未办结的案件，未重复立案"));
      } else {
        p.facts().put("reason", r.reason());
        start(new IdleLandValidator.Start(p.parcelCode(), branch, p.holderCreditCode(), p.holderName(), p.facts()),
            user, FROM_SURVEY, surveyDate);
        results.add(new SurveyResult(p.parcelCode(), r.result(), r.reason(), r.inputs(), true,
            IdleLandStatus.INVESTIGATING.label(), null));
      }
    }
    return results;
  }

  // --- the holder's API ----------------------------------------------------------------------------------------

  /**
   * 陈述申辩 (Order 53 Art. 5): within {@code statement} (P30D) of the investigation notice; later, or when the case
   * is not waiting for it, refused (409).
   */
  @Transactional
  public void statement(String parcelCode, JsonNode statement, String user) {
    IdleLandCase c = lockOpenCase(parcelCode);
    Date due = STATEMENT_DUE.get(runtimeService, c.processInstanceId());
    if (c.status() == IdleLandStatus.AWAITING_STATEMENT && due != null && clock.now().isAfter(due.toInstant())) {
      throw new CaseStateException("陈述期限已于 " + Beijing.DATE_TIME.format(due.toInstant()) + " 届满（《闲置土地处置办法》"
          + "第五条：自收到闲置土地调查通知书之日起 30 日内提交），不再接受陈述");
    }
    if (c.status() != IdleLandStatus.AWAITING_STATEMENT) {
      throw new CaseStateException("案件当前状态为“" + c.status().label() + "”，不在陈述期内，不能提交陈述"
          + (c.status() == IdleLandStatus.DETERMINING ? "（陈述期限已届满或已提交陈述）" : ""));
    }
    idleCases.recordStatement(c.id(), statement);
    moveTo(c, IdleLandStatus.DETERMINING);
    caseRecord.add(event(c).by(user, null).detail("土地使用权人提交陈述：" + statement.path("reasons").asText("")));
    runtimeService.createMessageCorrelation(Messages.STATEMENT).processInstanceId(c.processInstanceId())
        .correlate();
  }

  /** 听证申请: within {@code hearing-request} of the hearing-right notice; later, refused (409). */
  @Transactional
  public void hearingRequest(String parcelCode, String reason, String user) {
    IdleLandCase c = lockOpenCase(parcelCode);
    Date due = HEARING_REQUEST_DUE.get(runtimeService, c.processInstanceId());
    if (c.status() == IdleLandStatus.HEARING_NOTICE && due != null && clock.now().isAfter(due.toInstant())) {
      throw new CaseStateException("听证申请期限已于 " + Beijing.DATE_TIME.format(due.toInstant())
          + " 届满（自收到听证告知书之日起 5 个工作日内，本地规则），视为放弃听证");
    }
    if (c.status() != IdleLandStatus.HEARING_NOTICE) {
      throw new CaseStateException("案件当前状态为“" + c.status().label() + "”，不在听证申请期内，不能申请听证");
    }
    ObjectNode draft = (ObjectNode) c.draft();
    draft.put("hearingRequestedAt", clock.now().toString());
    idleCases.recordDraft(c.id(), draft);
    moveTo(c, IdleLandStatus.HEARING);
    caseRecord.add(event(c).by(user, null).detail("土地使用权人申请听证" + (reason == null ? "" : "：" + reason)));
    runtimeService.createMessageCorrelation(Messages.HEARING_REQUEST).processInstanceId(c.processInstanceId())
        .correlate();
  }

  private IdleLandCase lockOpenCase(String parcelCode) {
    return idleCases.lockOpen(parcelCode).orElseThrow(() -> new CaseStateException("宗地 " + parcelCode
        + " 没有未办结的闲置土地处置案件"));
  }

  // --- timers and service tasks -----------------------------------------------------------------------------------

  /** The statement period ended without a statement: the cause is determined on the facts. */
  @Transactional
  public void noStatement(String parcelCode) {
    IdleLandCase c = current(parcelCode);
    moveTo(c, IdleLandStatus.DETERMINING);
    record(c, c.processInstanceId(), "陈述期限届满，土地使用权人未提交陈述；按已查明的事实认定");
  }

  /** The hearing-request period ended without a request. */
  @Transactional
  public void noHearing(String parcelCode) {
    IdleLandCase c = current(parcelCode);
    moveTo(c, IdleLandStatus.DECIDING);
    record(c, c.processInstanceId(), "听证申请期限届满，土地使用权人未申请听证");
  }

  /** The decision the county approved is issued with the rights to appeal; compliance is due in {@code compliance}. */
  @Transactional
  public Map<String, Object> issueDecision(String parcelCode, String occurrence) {
    IdleLandCase c = current(parcelCode);
    boolean fee = "fee".equals(c.draft().path("kind").asText());
    Map<String, Object> extra = new HashMap<>();
    extra.put("fee", c.draft().path("fee").asText(""));
    extra.put("price", c.facts().path("price").asText(""));
    extra.put("idleMonths", c.cause().path("idleMonths").asText());
    extra.put("mortgagee", c.facts().path("mortgagee").asText("无"));
    extra.put("complianceDays", "30");
    notices.issue(c, fee ? Notices.FEE_DECISION : Notices.RECOVERY_DECISION, Department.NATURAL_RESOURCES.groupId(),
        extra, fee ? List.of() : mortgagee(c), occurrence);
    moveTo(c, IdleLandStatus.PERFORMING);
    Map<String, Object> v = new HashMap<>();
    COMPLIANCE_GROUP.put(v, fee ? Department.FINANCE.groupId() : Department.NATURAL_RESOURCES.groupId());
    APPEAL_PERIODS_END.put(v, Date.from(later(deadlines.dueFrom(now(), IdleLandProcess.KEY,
        IdleLandProcess.Deadlines.REVIEW_PERIOD), deadlines.dueFrom(now(), IdleLandProcess.KEY,
        IdleLandProcess.Deadlines.LAWSUIT_PERIOD)).toInstant()));
    return v;
  }

  /** Neither appeal nor compliance by the end of the appeal periods: the court is asked to enforce (Art. 18). */
  @Transactional
  public void appealPeriodsEnded(String parcelCode) {
    IdleLandCase c = current(parcelCode);
    moveTo(c, IdleLandStatus.ENFORCING);
    record(c, c.processInstanceId(), "复议（60 日）和诉讼（6 个月）期限届满，土地使用权人既未申请复议、提起诉讼，又未履行；"
        + "依《闲置土地处置办法》第十八条申请人民法院强制执行");
  }

  /** The process ended: the case is closed, so the parcel may get a new case later. */
  @Transactional
  public void ended(String processInstanceId) {
    idleCases.byInstance(processInstanceId).ifPresent(c -> idleCases.close(c.id()));
  }

  // --- user tasks ------------------------------------------------------------------------------------------------

  /**
   * A user task of the case was completed with {@code values} (its form's fields, already checked by
   * {@link IdleLandTaskRules}): the case moves on.
   *
   * @return the process variables the model reads next
   */
  @Transactional
  public Map<String, Object> taskCompleted(String parcelCode, String taskKey, String taskName,
      Map<String, Object> values, String occurrence) {
    IdleLandCase c = current(parcelCode);
    String decision = values.get("decision") instanceof String d ? d.strip() : null;
    Map<String, Object> next = new HashMap<>();
    switch (taskKey) {
      case Elements.OPEN_INVESTIGATION -> {
        notices.issue(c, Notices.INVESTIGATION, Department.NATURAL_RESOURCES.groupId(),
            Map.of("reason", c.facts().path("reason").asText("经调查，该宗地涉嫌构成闲置土地"),
                "statementDays", "30"), List.of(), occurrence);
        moveTo(c, IdleLandStatus.AWAITING_STATEMENT);
        STATEMENT_DUE.put(next, deadlines.due(IdleLandProcess.KEY, IdleLandProcess.Deadlines.STATEMENT));
      }
      case Elements.DETERMINE_CAUSE -> {
        ObjectNode cause = mapper.createObjectNode();
        cause.put("cause", decision);
        putText(cause, "article8Item", IdleLandTaskRules.text(values.get("article8Item")));
        putText(cause, "faultDepartment", IdleLandTaskRules.text(values.get("faultDepartment")));
        putText(cause, "opinion", IdleLandTaskRules.text(values.get("opinion")));
        cause.put("idleMonths", idleMonths(c.facts(), today()));
        idleCases.recordCause(c.id(), cause);
        record(c, c.processInstanceId(), "认定闲置原因：" + ("government".equals(decision) ? "政府原因（《闲置土地处置办法》第八条第"
            + cause.path("article8Item").asText() + "项，" + cause.path("faultDepartment").asText() + "）" : "土地使用权人原因")
            + "；闲置 " + cause.get("idleMonths").asInt() + " 个月");
      }
      case Elements.ISSUE_DETERMINATION -> {
        boolean government = "government".equals(c.cause().path("cause").asText());
        notices.issue(c, Notices.DETERMINATION, Department.NATURAL_RESOURCES.groupId(), Map.of(
            "cause", government ? "政府原因（第八条第" + c.cause().path("article8Item").asText() + "项）" : "土地使用权人原因",
            "idleMonths", c.cause().path("idleMonths").asText(), "government", government), List.of(), occurrence);
        record(c, c.processInstanceId(), "闲置土地认定书已报上级自然资源主管部门备案，并在门户网站公示至处置完毕（第十条、第十一条）");
        moveTo(c, government ? IdleLandStatus.NEGOTIATING : IdleLandStatus.DETERMINED);
      }
      case Elements.AGREE_DISPOSAL_PLAN -> {
        ObjectNode outcome = c.outcome();
        ObjectNode plan = outcome.putObject("plan");
        plan.put("measure", decision);
        putText(plan, "agreementNumber", IdleLandTaskRules.text(values.get("agreementNumber")));
        putText(plan, "newStartDate", IdleLandTaskRules.text(values.get("newStartDate")));
        putText(plan, "opinion", IdleLandTaskRules.text(values.get("opinion")));
        idleCases.recordOutcome(c.id(), outcome);
      }
      case Elements.APPROVE_DISPOSAL_PLAN -> {
        if ("approve".equals(decision)) {
          String measure = c.outcome().path("plan").path("measure").asText();
          notices.issue(c, Notices.PLAN_APPROVED, Department.COUNTY_GOVERNMENT.groupId(), Map.of(
              "measure", IdleLandView.measureLabel(measure),
              "agreementNumber", c.outcome().path("plan").path("agreementNumber").asText("")), List.of(), occurrence);
          moveTo(c, "paid-recovery".equals(measure) ? IdleLandStatus.RECOVERED : IdleLandStatus.CLOSED);
        }
      }
      case Elements.DRAFT_DECISION -> {
        ObjectNode draft = mapper.createObjectNode();
        draft.put("kind", decision);
        if ("fee".equals(decision)) {
          draft.put("fee", fee(c).toPlainString());
        }
        draft.put("idleMonths", c.cause().path("idleMonths").asInt());
        putText(draft, "opinion", IdleLandTaskRules.text(values.get("opinion")));
        idleCases.recordDraft(c.id(), draft);
        IdleLandCase drafted = idleCases.get(c.id());
        if (drafted.status() == IdleLandStatus.DECIDING) {
          moveTo(drafted, IdleLandStatus.DETERMINED);
        }
        notices.issue(drafted, Notices.HEARING_RIGHT, Department.NATURAL_RESOURCES.groupId(), Map.of(
            "decisionTitle", IdleLandNotices.title("fee".equals(decision) ? "fee-decision" : "recovery-decision"),
            "fee", draft.path("fee").asText(""), "isFee", "fee".equals(decision)),
            "fee".equals(decision) ? List.of() : mortgagee(c), occurrence);
        moveTo(idleCases.get(c.id()), IdleLandStatus.HEARING_NOTICE);
        HEARING_REQUEST_DUE.put(next, deadlines.due(IdleLandProcess.KEY, IdleLandProcess.Deadlines.HEARING_REQUEST));
      }
      case Elements.HOLD_HEARING -> {
        ObjectNode draft = (ObjectNode) c.draft();
        ObjectNode hearing = draft.putObject("hearing");
        putText(hearing, "noticeServedOn", IdleLandTaskRules.text(values.get("noticeServedOn")));
        putText(hearing, "hearingDate", IdleLandTaskRules.text(values.get("hearingDate")));
        putText(hearing, "record", IdleLandTaskRules.text(values.get("hearingRecord")));
        hearing.put("outcome", decision);
        idleCases.recordDraft(c.id(), draft);
        notices.recordServed(c, Notices.HEARING_NOTICE, Department.NATURAL_RESOURCES.groupId(),
            LocalDate.parse(hearing.path("noticeServedOn").asText()).atStartOfDay(Beijing.ZONE).toInstant());
        moveTo(c, IdleLandStatus.DECIDING);
      }
      case Elements.LEGAL_REVIEW, Elements.APPROVE_DECISION -> record(c, c.processInstanceId(), taskName + "："
          + ("approve".equals(decision) ? "同意" : "退回重拟") + optional("；意见：", values.get("opinion")));
      case Elements.CONFIRM_COMPLIANCE -> {
        if ("complied".equals(decision)) {
          moveTo(c, "fee".equals(c.draft().path("kind").asText()) ? IdleLandStatus.FEE_COLLECTED
              : IdleLandStatus.RECOVERED);
        }
        ObjectNode outcome = c.outcome();
        outcome.put("compliance", decision);
        idleCases.recordOutcome(c.id(), outcome);
      }
      case Elements.APPLY_FOR_ENFORCEMENT -> {
        ObjectNode outcome = c.outcome();
        ObjectNode enforcement = outcome.putObject("enforcement");
        enforcement.put("outcome", decision);
        putText(enforcement, "courtCaseNumber", IdleLandTaskRules.text(values.get("courtCaseNumber")));
        idleCases.recordOutcome(c.id(), outcome);
        moveTo(c, !"enforced".equals(decision) ? IdleLandStatus.CLOSED
            : "fee".equals(c.draft().path("kind").asText()) ? IdleLandStatus.FEE_COLLECTED : IdleLandStatus.RECOVERED);
      }
      case Elements.DECIDE_REUSE -> reuse(c, decision);
      default -> stoppedPlantStep(c, taskKey, taskName, decision, values, next, occurrence);
    }
    return next;
  }

  /** 再利用 (Order 53 Art. 19): {@code resupply} starts a new land-supply case for the parcel. */
  private void reuse(IdleLandCase c, String reuse) {
    ObjectNode outcome = c.outcome();
    outcome.put("reuse", reuse);
    idleCases.recordOutcome(c.id(), outcome);
    record(c, c.processInstanceId(), "再利用：" + IdleLandView.reuseLabel(reuse));
    if ("resupply".equals(reuse)) {
      events.publishEvent(new ParcelResupplyRequested(c.parcelCode(), c.parcelCode(),
          IdleLandValidator.decimal(c.facts(), "areaMu"),
          c.facts().hasNonNull("landGrade") ? c.facts().get("landGrade").asInt() : null,
          IdleLandValidator.text(c.facts(), "industryCode"), IdleLandValidator.text(c.facts(), "location")));
    }
  }

  /** Branch B: each step is recorded and told to the county leader who follows the firm, if any. */
  private void stoppedPlantStep(IdleLandCase c, String taskKey, String taskName, String decision,
      Map<String, Object> values, Map<String, Object> next, String occurrence) {
    ObjectNode outcome = c.outcome();
    ObjectNode step = mapper.createObjectNode();
    values.forEach((k, v) -> {
      if (v != null && !(v instanceof String s && s.isBlank())) {
        step.set(k, mapper.valueToTree(v));
      }
    });
    outcome.withObject("/steps").set(taskKey, step);
    switch (taskKey) {
      case Elements.ASSESS_STOPPED_PLANT -> {
        INSOLVENT.put(next, Boolean.TRUE.equals(IdleLandTaskRules.bool(values.get("insolvent"))));
        COURT_SEIZED.put(next, Boolean.TRUE.equals(IdleLandTaskRules.bool(values.get("courtSeized"))));
        HOLDER_PLAN.put(next, IdleLandTaskRules.text(values.get("holderPlan")));
        INVESTED_SHARE.put(next, investedShare(c.facts()).doubleValue());
      }
      case Elements.CHOOSE_ROUTE -> {
        outcome.put("route", decision);
        moveTo(c, IdleLandStatus.NEGOTIATING);
      }
      case Elements.FIND_PRODUCER -> caseLinks.link(IdleLandProcess.KEY, c.parcelCode(), "enterprise-onboarding",
          IdleLandTaskRules.text(values.get("admissionNumber")), "lease-conversion");
      case Elements.RECORD_REVIVAL -> {
        outcome.put("newHolder", IdleLandTaskRules.text(values.get("newHolder")));
        putText(outcome, "newHolderName", IdleLandTaskRules.text(values.get("newHolderName")));
        outcome.put("freedMu", IdleLandTaskRules.decimal(values.get("freedMu")));
      }
      default -> { }
    }
    idleCases.recordOutcome(c.id(), outcome);
    IdleLandCase now = idleCases.get(c.id());
    if (Elements.RECORD_REVIVAL.equals(taskKey)) {
      moveTo(now, IdleLandStatus.REVIVED);
      notices.toHolder(now, Notices.REVIVED, revivalModel(now), List.of(), occurrence);
    }
    leader(now).ifPresent(leader -> notices.toUser(now, leader, Notices.LEADER_STEP, Map.of("step", taskName,
        "route", IdleLandView.routeLabel(now.outcome().path("route").asText(null)), "status", idleCases.get(c.id())
            .status().label()), occurrence));
  }

  private static Map<String, Object> revivalModel(IdleLandCase c) {
    String holder = c.outcome().path("newHolder").asText();
    return Map.of("route", IdleLandView.routeLabel(c.outcome().path("route").asText(null)),
        "newHolder", "state".equals(holder) ? "国家（收归国有）" : c.outcome().path("newHolderName").asText(holder)
            + "（" + holder + "）", "freedMu", c.outcome().path("freedMu").asText());
  }

  /**
   * The county leader assigned to the holder by {@code enterprise-onboarding} (包扶), read from the admission the facts
   * name or else the holder's latest admission with a leader.
   */
  Optional<String> leader(IdleLandCase c) {
    String number = IdleLandValidator.text(c.facts(), "admissionNumber");
    if (number != null) {
      Optional<String> named = admissions.find(number).map(Admission::leader);
      if (named.isPresent()) {
        return named;
      }
    }
    return admissions.ofEnterprise(c.holderCreditCode(), 50, 0).stream().map(Admission::leader)
        .filter(l -> l != null && !l.isBlank()).findFirst();
  }

  // --- rules the task constraint asks ---------------------------------------------------------------------------

  /** The parcel's latest case, for the task rules. */
  public Optional<IdleLandCase> find(String parcelCode) {
    return idleCases.latest(parcelCode);
  }

  /**
   * Whole months idle on {@code today}: from the agreed start when building never started, else from the day it
   * stopped (Order 53 Art. 2).
   */
  static int idleMonths(JsonNode facts, LocalDate today) {
    LocalDate started = IdleLandValidator.date(facts, "startedOn");
    LocalDate from = started == null ? IdleLandValidator.date(facts, "agreedStart")
        : IdleLandValidator.date(facts, "stoppedOn");
    return from == null ? 0 : Math.max(0, IdleLandTest.months(from, today));
  }

  /** The share of the committed investment done (城市房地产管理法 Art. 39's 25 % for a transfer, verify). */
  static BigDecimal investedShare(JsonNode facts) {
    BigDecimal invested = IdleLandValidator.decimal(facts, "investedAmount");
    BigDecimal total = IdleLandValidator.decimal(facts, "committedInvestment");
    if (invested == null || total == null || total.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return invested.divide(total, MathContext.DECIMAL64);
  }

  /** Order 53 Art. 14(1): 20 % of the sale price, 万元. */
  static BigDecimal fee(IdleLandCase c) {
    BigDecimal price = IdleLandValidator.decimal(c.facts(), "price");
    return price == null ? BigDecimal.ZERO : price.multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  private List<String> mortgagee(IdleLandCase c) {
    String email = IdleLandValidator.text(c.facts(), "mortgageeEmail");
    return email == null ? List.of() : List.of(email);
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private IdleLandCase current(String parcelCode) {
    return idleCases.latest(parcelCode).orElseThrow(() -> new IllegalStateException("No idle-land case " + parcelCode));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.now(), Beijing.ZONE);
  }

  private Date now() {
    return Date.from(clock.now());
  }

  private static Date later(Date a, Date b) {
    return a.after(b) ? a : b;
  }

  private static String optional(String prefix, Object value) {
    return value instanceof String s && !s.isBlank() ? prefix + s : "";
  }

  private static void putText(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putDecimal(ObjectNode node, String name, BigDecimal value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putDate(ObjectNode node, String name, LocalDate value) {
    if (value != null) {
      node.put(name, value.toString());
    }
  }

  private CaseEvent event(IdleLandCase c) {
    return CaseEvent.of(c.parcelCode(), IdleLandProcess.KEY, c.processInstanceId(), CaseEvent.STATUS_CHANGED);
  }

  private void record(IdleLandCase c, String processInstanceId, String detail) {
    caseRecord.add(CaseEvent.of(c.parcelCode(), IdleLandProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED)
        .detail(detail));
  }

  /** The only write of a case's status; {@link IdleLandStatus} holds the transitions. */
  private void moveTo(IdleLandCase c, IdleLandStatus next) {
    IdleLandCase fresh = idleCases.get(c.id());
    if (fresh.status() == next) {
      return;
    }
    fresh.status().checkMoveTo(next);
    idleCases.updateStatus(c.id(), next);
    record(fresh, fresh.processInstanceId(), "状态：" + fresh.status().label() + " → " + next.label());
  }
}
