package cn.parkflow.land;

import cn.parkflow.approval.ProjectApprovalProcess;
import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseLinks;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.Organs;
import cn.parkflow.land.LandCaseRepository.Payment;
import cn.parkflow.land.LandRules.Indicators;
import cn.parkflow.land.LandSupplyProcess.Notices;
import cn.parkflow.land.LandSupplyProcess.Variables;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.DocumentNumbers;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.parcel.TitleRegistered;
import cn.parkflow.task.Decision;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@code land-supply} and the only writer of a land case's status ({@link LandStatus} holds the
 * transitions). Every rule of issue 10 a step must meet is checked here, so Tasklist, the engine REST API and Java
 * are refused alike (a {@link NotValidException} naming each field keeps the task open; the REST API answers 400).
 */
@Service
public class LandSupplyService {
  static final String SYSTEM = "system";
  /** Default document numbers ({@code parkflow.documents.<kind>.pattern} overrides one). */
  private static final Map<String, String> PATTERNS = Map.of(
      "payment-reminder", "资规价提〔{year}〕{seq}号", "payment-demand", "资规价催〔{year}〕{seq}号",
      "unsold", "资规流拍〔{year}〕{seq}号", "other-winner", "资规竞得〔{year}〕{seq}号",
      "sold", "资规成交〔{year}〕{seq}号", "rescinded", "资规解约〔{year}〕{seq}号",
      "handed-over", "资规交地〔{year}〕{seq}号", "title-registered", "资规登〔{year}〕{seq}号");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final DecisionService decisionService;
  private final LandCaseRepository cases;
  private final CaseRecord caseRecord;
  private final CaseLinks caseLinks;
  private final CaseNotices caseNotices;
  private final TaskNotices taskNotices;
  private final DocumentNumbers documentNumbers;
  private final Organs organs;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final ParcelValidator parcelValidator;
  private final ApplicationEventPublisher events;
  private final ObjectMapper mapper;
  private final int maxListings;
  private final BigDecimal penaltyPerDay;
  private final BigDecimal reducedPriceShare;

  public LandSupplyService(RuntimeService runtimeService, IdentityService identityService,
      DecisionService decisionService, LandCaseRepository cases, CaseRecord caseRecord, CaseLinks caseLinks,
      CaseNotices caseNotices, TaskNotices taskNotices, DocumentNumbers documentNumbers, Organs organs,
      Deadlines deadlines, EngineClock clock, ParcelValidator parcelValidator, ApplicationEventPublisher events,
      ObjectMapper mapper, @Value("${parkflow.land-supply.max-listings}") int maxListings,
      @Value("${parkflow.land-supply.late-penalty-per-day}") BigDecimal penaltyPerDay,
      @Value("${parkflow.land-supply.reduced-price-share}") BigDecimal reducedPriceShare) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.decisionService = decisionService;
    this.cases = cases;
    this.caseRecord = caseRecord;
    this.caseLinks = caseLinks;
    this.caseNotices = caseNotices;
    this.taskNotices = taskNotices;
    this.documentNumbers = documentNumbers;
    this.organs = organs;
    this.deadlines = deadlines;
    this.clock = clock;
    this.parcelValidator = parcelValidator;
    this.events = events;
    this.mapper = mapper;
    this.maxListings = maxListings;
    this.penaltyPerDay = penaltyPerDay;
    this.reducedPriceShare = reducedPriceShare;
  }

  public BigDecimal penaltyPerDay() {
    return penaltyPerDay;
  }

  // --- starts ----------------------------------------------------------------------------------------------------

  /**
   * An approved project needs new land: a case keyed by the project code starts, with the project's enterprise and
   * area, and the project's case links to it. Runs in the approving step's transaction.
   */
  @Transactional
  public String startForProject(String projectCode, String creditCode, String enterpriseName, String projectName,
      BigDecimal landArea, String admissionNumber) {
    long id = cases.insert(new LandCaseRepository.NewCase(projectCode, null, projectCode, admissionNumber,
        creditCode, enterpriseName, null, landArea, SYSTEM));
    Map<String, Object> vars = variables(id, projectCode, enterpriseName,
        "项目用地：" + projectName + "（" + landArea.stripTrailingZeros().toPlainString() + " 亩）", SYSTEM);
    Variables.PROJECT_CODE.put(vars, projectCode);
    vars.put("areaMu", landArea.stripTrailingZeros().toPlainString());
    caseLinks.link(ProjectApprovalProcess.KEY, projectCode, LandSupplyProcess.KEY, projectCode, LandSupplyProcess.KEY);
    runtimeService.createProcessInstanceByKey(LandSupplyProcess.KEY).businessKey(projectCode).setVariables(vars)
        .execute();
    return projectCode;
  }

  /**
   * A prepared parcel (标准地) is put up for supply by a natural-resources clerk, or supplied again after an idle-land
   * case took it back. Refused while another case of the parcel is running.
   */
  @Transactional
  public String startForParcel(ParcelFacts parcel, String user, String idleCaseKey) {
    if (cases.openCaseHolds(parcel.parcelCode(), -1)) {
      throw new CaseStateException("宗地 " + parcel.parcelCode() + " 已有正在办理的供地案件");
    }
    long id = cases.insert(new LandCaseRepository.NewCase(parcel.parcelCode(), parcel.parcelCode(), null, null, null,
        null, parcel, null, user));
    Map<String, Object> vars = variables(id, parcel.parcelCode(), null, "宗地供应："
        + (parcel.location() == null ? parcel.parcelCode() : parcel.location()), user);
    parcelVariables(vars, parcel);
    if (idleCaseKey != null) {
      caseLinks.link("idle-land-recovery", idleCaseKey, LandSupplyProcess.KEY, parcel.parcelCode(), "resupply");
    }
    runtimeService.createProcessInstanceByKey(LandSupplyProcess.KEY).businessKey(parcel.parcelCode())
        .setVariables(vars).execute();
    return parcel.parcelCode();
  }

  private Map<String, Object> variables(long id, String key, String enterpriseName, String title, String applicant) {
    Map<String, Object> vars = new LinkedHashMap<>();
    Variables.LAND_CASE.put(vars, Long.toString(id));
    Variables.CASE_CODE.put(vars, key);
    Variables.CASE_TITLE.put(vars, title);
    Variables.ENTERPRISE_NAME.put(vars, enterpriseName == null ? "（待定：公开出让）" : enterpriseName);
    Variables.APPLICANT.put(vars, applicant);
    return vars;
  }

  /** The parcel's facts for the designation's form; a fact not known yet (a resupplied parcel's grade) is left out. */
  private static void parcelVariables(Map<String, Object> vars, ParcelFacts p) {
    vars.put("parcelCode", p.parcelCode());
    vars.put("location", p.location());
    vars.put("areaMu", p.areaMu() == null ? null : p.areaMu().stripTrailingZeros().toPlainString());
    vars.put("landGrade", p.landGrade() == null ? null : p.landGrade().toString());
    vars.put("industryCode", p.industryCode());
    vars.put("plannedUse", p.plannedUse());
  }

  /**
   * The model's first step: a case the API or a listener stored is linked to its instance; one started from the
   * Tasklist start form (its variables hold the parcel) is checked and stored.
   *
   * @return the variables the case keeps when it came from the start form (its {@code caseCode} is then the
   *     instance's business key); otherwise empty
   */
  @Transactional
  public Map<String, Object> register(String landCase, Map<String, Object> startVariables, String applicant,
      String processInstanceId) {
    Map<String, Object> kept = Map.of();
    long id;
    if (applicant == null && identityService.getCurrentAuthentication() != null) {
      applicant = identityService.getCurrentAuthentication().getUserId();
    }
    if (landCase == null) {
      FieldErrors errors = new FieldErrors();
      ParcelFacts parcel = parcelValidator.facts(startVariables, errors);
      if (parcel == null) {
        throw invalid("宗地信息有误，未启动案件", errors);
      }
      if (cases.openCaseHolds(parcel.parcelCode(), -1)) {
        throw new NotValidException("宗地代码（parcelCode）" + parcel.parcelCode() + " 已有正在办理的供地案件");
      }
      String user = applicant != null ? applicant : SYSTEM;
      id = cases.insert(new LandCaseRepository.NewCase(parcel.parcelCode(), parcel.parcelCode(), null, null, null,
          null, parcel, null, user));
      kept = variables(id, parcel.parcelCode(), null, "宗地供应：" + parcel.location(), user);
    } else {
      id = Long.parseLong(landCase);
      String linked = cases.get(id).processInstanceId();
      if (linked != null && !linked.equals(processInstanceId)) {
        throw new NotValidException("供地案件 " + landCase + " 已有流程实例，不能再次启动（landCase）");
      }
    }
    cases.linkInstance(id, processInstanceId);
    LandCase c = cases.get(id);
    record(c, processInstanceId, c.projectCode() != null && c.parcelCode() == null
        ? "项目 " + c.projectCode() + " 经批准需新增用地 " + plain(c.areaMu()) + " 亩，启动工业用地供应；状态："
            + LandStatus.DESIGNATING.label()
        : "宗地 " + c.parcelCode() + " 启动供应（" + c.location() + "，" + plain(c.areaMu()) + " 亩）；状态："
            + LandStatus.DESIGNATING.label());
    return kept;
  }

  // --- designation and requisition -------------------------------------------------------------------------------

  /** {@code userTask_designateParcel}: the parcel's facts and the quota check; nothing is stored if one is wrong. */
  @Transactional
  public void designationChecked(long id, Map<String, Object> values, Object quota) {
    LandCase c = cases.get(id);
    FieldErrors errors = new FieldErrors();
    ParcelFacts parcel = parcelValidator.facts(values, errors);
    if (!LandRules.AVAILABLE.equals(quota) && !LandRules.REQUISITION.equals(quota)
        && !LandRules.UNAVAILABLE.equals(quota)) {
      errors.add("quota", "用地指标（quota）须为 available（有指标，可直接供应）、requisition（需办理农用地转用和征收）或"
          + " unavailable（无指标）");
    }
    if (parcel != null && c.parcelCode() != null && !c.parcelCode().equals(parcel.parcelCode())) {
      errors.add("parcelCode", "本案宗地代码已确定为 " + c.parcelCode() + "，不能更改");
    } else if (parcel != null && cases.openCaseHolds(parcel.parcelCode(), id)) {
      errors.add("parcelCode", "宗地代码（parcelCode）" + parcel.parcelCode() + " 已有正在办理的供地案件");
    }
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    cases.recordParcel(id, c.caseKey(), parcel, (String) quota);
  }

  /**
   * After the designation: the case is found by its parcel code from now on (business key, case links, case
   * record), and moves on as the quota says.
   *
   * @return the case's code now: the caller makes it the instance's business key
   */
  @Transactional
  public String designated(long id, String processInstanceId) {
    LandCase c = cases.get(id);
    String key = c.parcelCode();
    if (!key.equals(c.caseKey())) {
      caseLinks.rekey(LandSupplyProcess.KEY, c.caseKey(), key);
      cases.rekeyRecord(c.caseKey(), key);
      cases.recordParcel(id, key, facts(c), c.quota());
      c = cases.get(id);
    }
    record(c, processInstanceId, "落实宗地 " + key + "（" + c.location() + "，" + plain(c.areaMu()) + " 亩，"
        + c.landGrade() + " 等）；用地指标：" + quotaLabel(c.quota()));
    if (LandRules.AVAILABLE.equals(c.quota())) {
      moveTo(c, LandStatus.PLANNING, LandStage.PLANNING);
    } else if (LandRules.REQUISITION.equals(c.quota())) {
      moveTo(c, LandStatus.REQUISITION, LandStage.REQUISITION);
    } else {
      cases.end(id, "无用地指标，已办结");
      toGroup(c, Department.PARK_ADMIN.groupId(), Notices.UNSOLD, Map.of("reason", "无新增建设用地指标，供地案件办结"),
          "no-quota");
    }
    return key;
  }

  private static ParcelFacts facts(LandCase c) {
    return new ParcelFacts(c.parcelCode(), c.location(), c.areaMu(), c.landGrade(), c.industryCode(), c.plannedUse());
  }

  private static String quotaLabel(String quota) {
    return switch (quota == null ? "" : quota) {
      case LandRules.AVAILABLE -> "有指标，直接供应";
      case LandRules.REQUISITION -> "需办理农用地转用和土地征收";
      default -> "无指标";
    };
  }

  /** {@code userTask_prepareRequisition}: the posting periods are checked from the dates. */
  @Transactional
  public void requisitionPrepared(long id, Map<String, Object> values) {
    FieldErrors errors = new FieldErrors();
    LandRules.requisition(values, today(),
        pre -> addTo(pre, LandSupplyProcess.Deadlines.REQUISITION_PRE_ANNOUNCEMENT),
        posting -> addTo(posting, LandSupplyProcess.Deadlines.REQUISITION_POSTING), errors);
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    ObjectNode r = mapper.createObjectNode();
    r.put("preAnnouncementDate", values.get("preAnnouncementDate").toString().substring(0, 10));
    r.put("postingDate", values.get("postingDate").toString().substring(0, 10));
    r.put("farmlandBalanceConfirmed", true);
    cases.recordRequisition(id, r);
  }

  /** {@code userTask_approveRequisition}: the county government approved the request, or refused it (the case ends). */
  @Transactional
  public void requisitionDecided(long id, String processInstanceId, String decision, String reason) {
    String opinion = reason == null ? "" : reason;
    LandCase c = cases.get(id);
    if (Decision.REJECT.value().equals(decision)) {
      moveTo(c, LandStatus.DESIGNATING, "县人民政府不同意征收报批，已办结");
      cases.end(id, "县人民政府不同意征收报批，已办结");
      record(c, processInstanceId, "县人民政府不同意征收报批：" + opinion);
    }
  }

  /**
   * {@code userTask_recordRequisitionApproval}: the upper-level approval; the expropriation notice is due within
   * {@code expropriation-notice} (实施条例 Art. 31) of it.
   */
  @Transactional
  public void requisitionApproved(long id, String processInstanceId, Map<String, Object> values) {
    LandCase c = cases.get(id);
    FieldErrors errors = new FieldErrors();
    LocalDate posted = c.requisition() == null ? null : LocalDate.parse(c.requisition().path("postingDate").asText());
    LandRules.requisitionApproval(values, posted, today(), errors);
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    LocalDate approved = LandRules.date(values.get("approvalDate"), "approvalDate", "", errors);
    LocalDate noticeBy = addTo(approved, LandSupplyProcess.Deadlines.EXPROPRIATION_NOTICE);
    ObjectNode r = c.requisition() == null ? mapper.createObjectNode() : (ObjectNode) c.requisition().deepCopy();
    r.put("approvalNumber", values.get("approvalNumber").toString().strip());
    r.put("approvalDate", approved.toString());
    r.put("expropriationNoticeBy", noticeBy.toString());
    cases.recordRequisition(id, r);
    record(c, processInstanceId, "征收经批准（" + r.path("approvalNumber").asText() + "，" + approved
        + "）；征收公告须于 " + noticeBy + " 前发布（土地管理法实施条例第三十一条：15 个工作日内）");
    moveTo(c, LandStatus.PLANNING, LandStage.PLANNING);
  }

  // --- planning, price, plan -------------------------------------------------------------------------------------

  /** The table's planning conditions for the parcel ({@code industrial-land-indicators}). */
  public Indicators indicators(LandCase c) {
    Map<String, Object> in = new HashMap<>();
    in.put("industryCode", c.industryCode());
    in.put("landGrade", c.landGrade());
    DmnDecisionResultEntries row = decisionService.evaluateDecisionByKey(LandSupplyProcess.INDICATORS_DECISION)
        .variables(in).evaluate().getSingleResult();
    return new Indicators(number(row.getEntry("plotRatioMin")), number(row.getEntry("buildingCoverageMin")),
        number(row.getEntry("officeShareMax")), number(row.getEntry("greenShareMax")),
        number(row.getEntry("investmentIntensityMin")));
  }

  /** The national minimum price of the grade ({@code industrial-land-minimum-price}, 元/m²). */
  public BigDecimal minimumPrice(int landGrade) {
    Object price = decisionService.evaluateDecisionByKey(LandSupplyProcess.MINIMUM_PRICE_DECISION)
        .variables(Map.of("landGrade", landGrade)).evaluate().getSingleResult().getEntry("minimumPrice");
    return number(price);
  }

  private static BigDecimal number(Object value) {
    return new BigDecimal(value.toString()).stripTrailingZeros();
  }

  /** Before {@code userTask_setPlanningConditions}: the form starts with the table's values. */
  @Transactional
  public Map<String, Object> suggestPlanning(long id) {
    Indicators t = indicators(cases.get(id));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("plotRatio", plain(t.plotRatioMin()));
    vars.put("buildingCoverage", plain(t.buildingCoverageMin()));
    vars.put("officeShare", plain(t.officeShareMax()));
    vars.put("greenShare", plain(t.greenShareMax()));
    vars.put("investmentIntensity", plain(t.investmentIntensityMin()));
    return vars;
  }

  /** {@code userTask_setPlanningConditions}: no condition looser than the table's. */
  @Transactional
  public String planningSet(long id, Map<String, Object> values) {
    LandCase c = cases.get(id);
    Indicators t = indicators(c);
    FieldErrors errors = new FieldErrors();
    LandRules.planning(values, t, errors);
    if (!errors.isEmpty()) {
      throw invalid("规划条件不得低于工业项目建设用地控制指标，未办结", errors);
    }
    ObjectNode p = mapper.createObjectNode();
    for (String f : List.of("plotRatio", "buildingCoverage", "officeShare", "greenShare", "investmentIntensity")) {
      p.put(f, new BigDecimal(values.get(f).toString().strip()));
    }
    cases.recordPlanning(id, p);
    moveTo(c, LandStatus.PRICING, LandStage.RESERVE_PRICE);
    BigDecimal minimum = minimumPrice(c.landGrade());
    return "第 " + c.landGrade() + " 等工业用地出让最低价标准：" + plain(minimum) + " 元/平方米（国土资发〔2006〕307号）；"
        + "同时为省级优先发展产业且用地集约的项目可按不低于 " + plain(reducedPriceShare.movePointRight(2))
        + "% 确定底价（国土资发〔2009〕56号）";
  }

  /** {@code userTask_setReservePrice}: not below the grade's minimum (or 70 % of it with both flags). */
  @Transactional
  public void reservePriceSet(long id, Map<String, Object> values) {
    LandCase c = cases.get(id);
    BigDecimal minimum = minimumPrice(c.landGrade());
    FieldErrors errors = new FieldErrors();
    BigDecimal price = LandRules.reservePrice(values, minimum, reducedPriceShare, errors);
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    cases.recordReservePrice(id, price, minimum);
    moveTo(c, LandStatus.PLAN_APPROVAL, LandStage.SUPPLY_PLAN);
  }

  /** {@code userTask_approveSupplyPlan}: approved → announced; returned → the reserve price again. */
  @Transactional
  public void supplyPlanDecided(long id, String decision) {
    LandCase c = cases.get(id);
    if (Decision.APPROVE.value().equals(decision)) {
      moveTo(c, LandStatus.ANNOUNCED, LandStage.ANNOUNCEMENT);
    } else {
      moveTo(c, LandStatus.PRICING, LandStage.RESERVE_PRICE);
    }
  }

  /** The announcement period is over: the listing runs. */
  @Transactional
  public void listingStarted(long id) {
    LandCase c = cases.get(id);
    cases.countListing(id);
    moveTo(c, LandStatus.LISTED, LandStage.LISTING);
  }

  // --- listing result --------------------------------------------------------------------------------------------

  /**
   * {@code userTask_recordListingResult}. Unsold: listed again until {@code parkflow.land-supply.max-listings}, then
   * 流拍 and park-admin is told. Sold: the winner as it is; if it is not the project's enterprise the project's record
   * says so and park-admin is told; the results are to be published within {@code results-publication}.
   *
   * @return whether an unsold parcel is listed again (false for a sale and for 流拍)
   */
  @Transactional
  public boolean listingResult(long id, String processInstanceId, Map<String, Object> values, String occurrence) {
    LandCase c = cases.lock(id);
    FieldErrors errors = new FieldErrors();
    LandRules.listingResult(values, c.reservePrice(), errors);
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    String result = (String) values.get("listingResult");
    if (LandRules.UNSOLD.equals(result)) {
      if (c.listings() < maxListings) {
        record(c, processInstanceId, "第 " + c.listings() + " 次挂牌无人竞买或无有效报价，重新公告挂牌（最多 " + maxListings
            + " 次，parkflow.land-supply.max-listings）");
        moveTo(c, LandStatus.ANNOUNCED, LandStage.ANNOUNCEMENT);
        return true;
      }
      moveTo(c, LandStatus.UNSOLD, LandStage.CLOSED);
      cases.updateStatus(id, LandStatus.UNSOLD, LandStage.CLOSED, true);
      record(c, processInstanceId, "挂牌 " + c.listings() + " 次均未成交，流拍");
      toGroup(c, Department.PARK_ADMIN.groupId(), Notices.UNSOLD, Map.of("reason", "挂牌 " + c.listings()
          + " 次均无人竞买或无有效报价", "listings", c.listings()), occurrence);
      return false;
    }
    String winnerCode = ((String) values.get("winnerCreditCode")).strip();
    String winnerName = ((String) values.get("winnerName")).strip();
    BigDecimal price = LandRules.decimal(values.get("salePrice"), "salePrice", "", errors);
    boolean applicant = c.creditCode() == null || winnerCode.equals(c.creditCode());
    LocalDate today = today();
    LocalDate publishBy = addTo(today, LandSupplyProcess.Deadlines.RESULTS_PUBLICATION);
    String applicantName = c.enterpriseName();
    cases.recordSale(id, winnerCode, winnerName, applicant || c.projectCode() == null, price, today, publishBy);
    moveTo(c, LandStatus.SOLD, LandStage.CONTRACT);
    record(c, processInstanceId, (LandRules.AUCTION.equals(result) ? "现场竞价" : "挂牌") + "成交：竞得人 " + winnerName
        + "（" + winnerCode + "），成交价 " + plain(price) + " 元/平方米；成交结果须于 " + publishBy + " 前公示");
    if (!applicant && c.projectCode() != null) {
      String text = "宗地 " + c.parcelCode() + " 公开出让由 " + winnerName + "（" + winnerCode + "）竞得，非本项目申请单位 "
          + applicantName + "；供地案件按竞得人继续办理";
      caseRecord.add(CaseEvent.of(c.projectCode(), ProjectApprovalProcess.KEY, null, CaseEvent.STATUS_CHANGED)
          .detail(text));
      toGroup(c, Department.PARK_ADMIN.groupId(), Notices.OTHER_WINNER, Map.of("winnerName", winnerName,
          "winnerCreditCode", winnerCode, "applicantName", applicantName, "projectCode", c.projectCode()),
          occurrence);
    }
    LandCase sold = cases.get(id);
    toHolder(sold, Notices.SOLD, Map.of("salePrice", plain(price), "publishBy", publishBy.toString(),
        "contractBy", addTo(today, "contract").toString()), occurrence);
    moveTo(sold, LandStatus.CONTRACT, LandStage.CONTRACT);
    return false;
  }

  // --- contract and payments -------------------------------------------------------------------------------------

  /** The contract price (万元): the sale price (元/m²) times the area. */
  static BigDecimal contractPrice(LandCase c) {
    return c.salePrice().multiply(c.areaM2()).divide(new BigDecimal(10_000), 2, RoundingMode.HALF_UP);
  }

  /** {@code userTask_signContract}: checked, stored, and its payments (down payment, balance) planned. */
  @Transactional
  public void contractSigned(long id, String processInstanceId, Map<String, Object> values) {
    LandCase c = cases.get(id);
    LocalDate today = today();
    BigDecimal price = contractPrice(c);
    BigDecimal minIntensity = c.planning() == null ? null : c.planning().path("investmentIntensity").decimalValue();
    FieldErrors errors = new FieldErrors();
    LandRules.Contract k = LandRules.contract(values, price, minIntensity, today,
        addTo(today, LandSupplyProcess.Deadlines.DOWN_PAYMENT), addTo(today, LandSupplyProcess.Deadlines.BALANCE),
        errors);
    if (k == null) {
      throw invalid("出让合同未签订", errors);
    }
    ObjectNode json = mapper.createObjectNode();
    json.put("contractNumber", k.number());
    json.put("price", k.price());
    json.put("signedOn", today.toString());
    json.put("agreedHandOver", k.agreedHandOver().toString());
    json.put("agreedStart", k.agreedStart().toString());
    json.put("agreedCompletion", k.agreedCompletion().toString());
    json.put("committedInvestment", k.committedInvestment());
    json.put("investmentIntensity", k.investmentIntensity());
    json.put("downPayment", k.downPayment());
    json.put("downPaymentDue", k.downPaymentDue().toString());
    if (k.balanceDue() != null) {
      json.put("balanceDue", k.balanceDue().toString());
    }
    cases.recordContract(id, json);
    cases.insertPayment(id, 1, "首付款", k.downPaymentDue(), k.downPayment());
    if (k.balanceDue() != null) {
      cases.insertPayment(id, 2, "余款", k.balanceDue(), price.subtract(k.downPayment()));
    }
    record(c, processInstanceId, "签订出让合同 " + k.number() + "：出让价款 " + plain(price) + " 万元，首付款 "
        + plain(k.downPayment()) + " 万元于 " + k.downPaymentDue() + " 前缴纳" + (k.balanceDue() == null ? ""
            : "，余款于 " + k.balanceDue() + " 前缴纳") + "；约定交地 " + k.agreedHandOver() + "，开工 " + k.agreedStart()
        + "，竣工 " + k.agreedCompletion());
    moveTo(c, LandStatus.PAYING, LandStage.PAYMENT);
  }

  /** The payment open now and its timers: reminder, first day late, rescission possible. */
  public record PaymentWindow(int seq, Date due, Date reminderAt, Date overdueAt, Date rescissionAt, String text) {}

  /** The next unpaid payment, or null when all are paid (then the land is to be handed over). */
  @Transactional
  public PaymentWindow openPayment(long id) {
    LandCase c = cases.get(id);
    Payment next = cases.payments(id).stream().filter(p -> p.paidOn() == null).findFirst().orElse(null);
    if (next == null) {
      moveTo(c, LandStatus.HAND_OVER, LandStage.HAND_OVER);
      return null;
    }
    LocalDate due = next.currentDue();
    Instant dueEnd = endOf(due);
    Instant reminder = startOf(minus(due, LandSupplyProcess.Deadlines.PAYMENT_REMINDER));
    Instant rescission = startOf(addTo(next.dueOn(), LandSupplyProcess.Deadlines.RESCISSION_AFTER).plusDays(1));
    if (next.extendedTo() != null) {
      rescission = startOf(next.extendedTo().plusDays(1));
    }
    String text = next.name() + " " + plain(next.amount()) + " 万元，缴纳期限 " + due;
    return new PaymentWindow(next.seq(), Date.from(dueEnd), Date.from(reminder), Date.from(startOf(due.plusDays(1))),
        Date.from(rescission), text);
  }

  /** The hand-over date the contract agreed: the due date of {@code userTask_handOverLand}. */
  public Date handOverDue(long id) {
    return Date.from(endOf(LocalDate.parse(cases.get(id).contract().path("agreedHandOver").asText())));
  }

  /** 价款缴纳提示书: the payment's amount and date, and the penalty for paying late. */
  @Transactional
  public void paymentReminder(long id, int seq, String occurrence) {
    LandCase c = cases.get(id);
    Payment p = payment(id, seq);
    toHolder(c, Notices.PAYMENT_REMINDER, Map.of("paymentName", p.name(), "amount", plain(p.amount()),
        "due", p.currentDue().toString(), "rate", permille()), occurrence);
  }

  /** 催缴通知: the payment is late; the penalty so far (1‰ a day of the amount, from the due date). */
  @Transactional
  public void paymentDemand(long id, int seq, String occurrence) {
    LandCase c = cases.get(id);
    Payment p = payment(id, seq);
    LocalDate today = today();
    BigDecimal penalty = LandRules.penalty(p.amount(), p.dueOn(), today, penaltyPerDay);
    LocalDate rescissionFrom = addTo(p.dueOn(), LandSupplyProcess.Deadlines.RESCISSION_AFTER);
    toHolder(c, Notices.PAYMENT_DEMAND, Map.of("paymentName", p.name(), "amount", plain(p.amount()),
        "due", p.dueOn().toString(), "today", today.toString(), "penalty", plain(penalty), "rate", permille(),
        "rescissionFrom", rescissionFrom.toString()), occurrence);
  }

  private String permille() {
    return plain(penaltyPerDay.movePointRight(3)) + "‰";
  }

  /** {@code userTask_confirmPayment}: the amount paid (at least what is due) and the day; a late one's penalty. */
  @Transactional
  public void paymentConfirmed(long id, int seq, String processInstanceId, Map<String, Object> values) {
    LandCase c = cases.get(id);
    Payment p = payment(id, seq);
    FieldErrors errors = new FieldErrors();
    BigDecimal amount = LandRules.decimal(values.get("paidAmount"), "paidAmount", "实缴金额（万元）", errors);
    LocalDate paidOn = LandRules.date(values.get("paidOn"), "paidOn", "缴款日期", errors);
    if (amount != null && amount.compareTo(p.amount()) != 0) {
      errors.add("paidAmount", "实缴金额（paidAmount）" + plain(amount) + " 万元须等于应缴的" + p.name() + " " + plain(p.amount())
          + " 万元");
    }
    LocalDate signed = LocalDate.parse(c.contract().path("signedOn").asText());
    if (paidOn != null && (paidOn.isAfter(today()) || paidOn.isBefore(signed))) {
      errors.add("paidOn", "缴款日期（paidOn）须在合同签订日 " + signed + " 至今天之间");
    }
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    BigDecimal penalty = LandRules.penalty(p.amount(), p.dueOn(), paidOn, penaltyPerDay);
    cases.recordPaid(id, seq, paidOn, amount, penalty);
    record(c, processInstanceId, "确认缴纳" + p.name() + " " + plain(amount) + " 万元（" + paidOn + "）"
        + (penalty.signum() > 0 ? "；逾期 " + java.time.temporal.ChronoUnit.DAYS.between(p.dueOn(), paidOn)
            + " 日，违约金 " + plain(penalty) + " 万元（每日 " + permille() + "）" : ""));
  }

  /** The rescission period has passed on a payment: the stage says the county government is to decide. */
  @Transactional
  public void rescissionOpened(long id) {
    moveTo(cases.get(id), LandStatus.PAYING, LandStage.RESCISSION);
  }

  /**
   * {@code userTask_decideRescission}: the county government rescinds the contract (the case ends 已解除合同, the
   * holder is told) or allows more time until {@code newDueDate} (the penalty still runs from the original date).
   */
  @Transactional
  public void rescissionDecided(long id, int seq, String processInstanceId, String decision, String reason,
      LocalDate newDue) {
    // the decision guard refuses a completion without an opinion or a new date after this listener ran
    String opinion = reason == null ? "" : reason;
    if (!LandDecisions.RESCIND.equals(decision) && newDue == null) {
      return;
    }
    LandCase c = cases.get(id);
    Payment p = payment(id, seq);
    if (LandDecisions.RESCIND.equals(decision)) {
      moveTo(c, LandStatus.RESCINDED, LandStage.CLOSED);
      cases.updateStatus(id, LandStatus.RESCINDED, LandStage.CLOSED, true);
      record(c, processInstanceId, "逾期未缴" + p.name() + "超过 60 日，县人民政府决定解除出让合同：" + opinion);
      toHolder(c, Notices.RESCINDED, Map.of("paymentName", p.name(), "due", p.dueOn().toString(),
          "opinion", opinion, "contractNumber", c.contract().path("contractNumber").asText()), "rescinded");
    } else {
      cases.extendPayment(id, seq, newDue);
      moveTo(c, LandStatus.PAYING, LandStage.PAYMENT);
      record(c, processInstanceId, "县人民政府决定不解除合同，" + p.name() + "缴纳期限延至 " + newDue + "（违约金仍自 "
          + p.dueOn() + " 起计）：" + opinion);
    }
  }

  private Payment payment(long id, int seq) {
    return cases.payments(id).stream().filter(x -> x.seq() == seq).findFirst()
        .orElseThrow(() -> new IllegalStateException("No payment " + seq + " of land case " + id));
  }

  // --- hand-over and title ---------------------------------------------------------------------------------------

  /** {@code userTask_handOverLand}: the day; later than the contract's date is a government delay, recorded. */
  @Transactional
  public void handedOver(long id, String processInstanceId, Object actual) {
    LandCase c = cases.get(id);
    FieldErrors errors = new FieldErrors();
    LocalDate day = LandRules.date(actual, "actualHandOver", "实际交地日期", errors);
    LocalDate signed = LocalDate.parse(c.contract().path("signedOn").asText());
    if (day != null && (day.isAfter(today()) || day.isBefore(signed))) {
      errors.add("actualHandOver", "实际交地日期（actualHandOver）须在合同签订日 " + signed + " 至今天之间");
    }
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    cases.recordHandOver(id, day);
    LocalDate agreed = LocalDate.parse(c.contract().path("agreedHandOver").asText());
    boolean late = day.isAfter(agreed);
    record(c, processInstanceId, "交付土地（交地确认书）：" + day + (late ? "；政府逾期交地 "
        + java.time.temporal.ChronoUnit.DAYS.between(agreed, day) + " 日（约定 " + agreed
        + "），属政府原因，认定闲置土地时应予考虑（闲置土地处置办法第八条）" : "（约定 " + agreed + "）"));
    toHolder(c, Notices.HANDED_OVER, Map.of("actual", day.toString(), "agreed", agreed.toString(), "late", late),
        "handed-over");
    moveTo(c, LandStatus.REGISTRATION, LandStage.REGISTRATION);
  }

  /**
   * {@code userTask_registerTitle}: after full payment the title (不动产权证书) is registered; the parcel goes under
   * watch: {@link TitleRegistered} is published in this transaction, so the watch starts with this step or not at all.
   */
  @Transactional
  public void titleRegistered(long id, String processInstanceId, Object titleNumber) {
    LandCase c = cases.get(id);
    FieldErrors errors = new FieldErrors();
    String title = LandRules.text(titleNumber, "titleNumber", "不动产权证书号", 5, 64, errors);
    if (cases.payments(id).stream().anyMatch(p -> p.paidOn() == null)) {
      errors.add("titleNumber", "出让价款未缴清，不能办理登记");
    }
    if (!errors.isEmpty()) {
      throw invalid("未办结", errors);
    }
    cases.recordTitle(id, title);
    moveTo(c, LandStatus.WATCHED, LandStage.WATCH);
    LandCase registered = cases.get(id);
    record(registered, processInstanceId, "办理不动产登记，不动产权证书号 " + title + "；转入供后监管");
    toHolder(registered, Notices.TITLE_REGISTERED, Map.of("titleNumber", title), "title");
    events.publishEvent(new TitleRegistered(contractOf(registered)));
  }

  /**
   * The construction watch verified completion ({@code parcel.CompletionVerified}): the land case under watch becomes
   * 已竣工核验, in the verifying step's transaction. A case no longer under watch (e.g. the parcel supplied again) is
   * left as it is.
   */
  @Transactional
  public void completionVerified(String landCaseKey, String summary, LocalDate verifiedOn) {
    Optional<LandCase> found = cases.findByKey(landCaseKey);
    if (found.isEmpty() || found.get().status() != LandStatus.WATCHED) {
      return;
    }
    LandCase c = cases.lock(found.get().id());
    if (c.status() != LandStatus.WATCHED) {
      return;
    }
    moveTo(c, LandStatus.VERIFIED, LandStage.CLOSED);
    record(c, c.processInstanceId(), "供后监管竣工核验通过（" + verifiedOn + "）：" + summary + "；状态："
        + LandStatus.VERIFIED.label());
  }

  /** The facts of the sale contract, as the construction watch and idle-land recovery read them. */
  public ParcelContract contractOf(LandCase c) {
    var k = c.contract();
    var p = c.planning();
    return new ParcelContract(c.parcelCode(), c.caseKey(), c.winnerCreditCode(), c.winnerName(), c.projectCode(),
        c.admissionNumber(), c.areaMu(), c.landGrade(), c.industryCode(), k.path("contractNumber").asText(),
        k.path("price").decimalValue(), date(k, "agreedHandOver"), c.actualHandOver(), date(k, "agreedStart"),
        date(k, "agreedCompletion"), k.path("committedInvestment").decimalValue(), c.location(),
        p == null ? null : p.path("plotRatio").decimalValue(),
        p == null ? null : p.path("buildingCoverage").decimalValue(),
        p == null ? null : p.path("officeShare").decimalValue(), p == null ? null : p.path("greenShare").decimalValue(),
        k.path("investmentIntensity").decimalValue(), c.titleNumber());
  }

  private static LocalDate date(com.fasterxml.jackson.databind.JsonNode node, String field) {
    String s = node.path(field).asText(null);
    return s == null ? null : LocalDate.parse(s);
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private LocalDate today() {
    return LocalDate.ofInstant(clock.now(), Beijing.ZONE);
  }

  private LocalDate addTo(LocalDate day, String deadline) {
    Instant due = deadlines.calendar().due(endOf(day), deadlines.spec(LandSupplyProcess.KEY, deadline));
    return LocalDate.ofInstant(due, Beijing.ZONE);
  }

  private LocalDate minus(LocalDate day, String deadline) {
    var spec = deadlines.spec(LandSupplyProcess.KEY, deadline);
    return day.minusDays(java.time.Duration.between(startOf(day),
        deadlines.calendar().due(startOf(day), spec)).toDays());
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Beijing.ZONE).toInstant();
  }

  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(Beijing.ZONE).toInstant().minusSeconds(1);
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }

  private static NotValidException invalid(String what, FieldErrors errors) {
    return new NotValidException(what + "：" + errors.list().stream().map(FieldError::message)
        .collect(Collectors.joining("；")));
  }

  private void record(LandCase c, String processInstanceId, String detail) {
    caseRecord.add(CaseEvent.of(c.caseKey(), LandSupplyProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED)
        .detail(detail));
  }

  /** The only write of a land case's status; {@link LandStatus} holds the transitions. */
  private void moveTo(LandCase c, LandStatus next, String stage) {
    LandCase now = cases.get(c.id());
    if (now.status() != next) {
      now.status().checkMoveTo(next);
    }
    cases.updateStatus(c.id(), next, stage, false);
  }

  /** A notice as a document: the issuing organ (自然资源和规划局), its number and date, and the case's facts. */
  private Map<String, Object> document(LandCase c, MailTemplate template, Map<String, ?> extra) {
    Map<String, Object> m = new HashMap<>();
    Instant now = clock.now();
    m.put("organ", organs.name(Department.NATURAL_RESOURCES.groupId()));
    m.put("documentNumber", documentNumbers.next(template.kind(), PATTERNS.getOrDefault(template.kind(),
        "资规〔{year}〕{seq}号"), now));
    m.put("documentDate", Beijing.DATE.format(now));
    m.put("caseKey", c.caseKey());
    m.put("parcelCode", c.parcelCode() == null ? "（待定）" : c.parcelCode());
    m.put("location", c.location() == null ? "" : c.location());
    m.put("areaMu", plain(c.areaMu()));
    m.put("holderName", c.enterpriseName() == null ? "" : c.enterpriseName());
    m.put("projectCode", c.projectCode());
    m.put("contractNumber", c.contract() == null ? "" : c.contract().path("contractNumber").asText());
    m.putAll(extra);
    return m;
  }

  private void toHolder(LandCase c, MailTemplate template, Map<String, ?> extra, String occurrence) {
    caseNotices.send(new CaseNotices.Case(LandSupplyProcess.KEY, c.caseKey(), c.processInstanceId()), template,
        occurrence, holderEmails(c.creditCode()), Department.ENTERPRISE.groupId(), document(c, template, extra));
  }

  private void toGroup(LandCase c, String groupId, MailTemplate template, Map<String, ?> extra, String occurrence) {
    caseNotices.send(new CaseNotices.Case(LandSupplyProcess.KEY, c.caseKey(), c.processInstanceId()), template,
        occurrence + ":" + groupId, taskNotices.groupEmails(groupId), groupId, document(c, template, extra));
  }

  /** The e-mail addresses of the enterprise accounts bound to the credit code. */
  private List<String> holderEmails(String creditCode) {
    if (creditCode == null) {
      return List.of();
    }
    return identityService.createUserQuery().memberOfGroup(Department.ENTERPRISE.groupId()).list().stream()
        .filter(u -> creditCode.equals(identityService.getUserInfo(u.getId(), "creditCode")))
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).sorted().toList();
  }
}
