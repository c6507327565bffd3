package cn.parkflow.onboarding;

import static cn.parkflow.onboarding.OnboardingProcess.Variables.*;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStateException;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.mail.MailTemplate;
import cn.parkflow.onboarding.OnboardingProcess.Elements;
import cn.parkflow.onboarding.OnboardingProcess.Messages;
import cn.parkflow.onboarding.OnboardingProcess.Notices;
import cn.parkflow.task.Decision;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of {@code enterprise-onboarding} and the only writer of an admission's status
 * ({@link AdmissionStatus} holds the transitions). Admission is not an administrative licence: its limits are the
 * park's promises, and so is every threshold it applies.
 */
@Service
public class AdmissionService {
  private static final int MAX_NUMBER_ATTEMPTS = 50;
  private static final String SYSTEM = "system";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final AdmissionRepository admissions;
  private final CaseRecord caseRecord;
  private final CaseNotices caseNotices;
  private final AdmissionValidator validator;
  private final AgreementRules agreementRules;
  private final EnterpriseAccounts enterpriseAccounts;
  private final EngineClock clock;
  private final Set<String> leadingIndustries;
  private final BigDecimal incentiveThreshold;
  private final BigDecimal leaderThreshold;
  private final String contact;
  private final java.time.Period milestoneWarning;
  private final SecureRandom random = new SecureRandom();

  public AdmissionService(RuntimeService runtimeService, IdentityService identityService,
      AdmissionRepository admissions, CaseRecord caseRecord, CaseNotices caseNotices,
      AdmissionValidator validator, AgreementRules agreementRules, EnterpriseAccounts enterpriseAccounts,
      EngineClock clock,
      @Value("${parkflow.onboarding.leading-industries}") List<String> leadingIndustries,
      @Value("${parkflow.onboarding.incentive-threshold}") BigDecimal incentiveThreshold,
      @Value("${parkflow.onboarding.leader-threshold}") BigDecimal leaderThreshold,
      @Value("${parkflow.onboarding.contact}") String contact,
      @Value("${parkflow.onboarding.milestone-warning}") String milestoneWarning) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.admissions = admissions;
    this.caseRecord = caseRecord;
    this.caseNotices = caseNotices;
    this.validator = validator;
    this.agreementRules = agreementRules;
    this.enterpriseAccounts = enterpriseAccounts;
    this.clock = clock;
    this.leadingIndustries = Set.copyOf(leadingIndustries);
    this.incentiveThreshold = incentiveThreshold;
    this.leaderThreshold = leaderThreshold;
    this.contact = contact;
    this.milestoneWarning = java.time.Period.parse(milestoneWarning);
  }

  /**
   * Starts a case from the API: the checked application is stored under a new admission number, then the process
   * starts; the screening table runs in the same transaction, so a refusal is already the case's status on return.
   */
  @Transactional
  public String apply(AdmissionApplication application, String applicant) {
    String number = freeNumber();
    admissions.insert(number, application, applicant);
    runtimeService.createProcessInstanceByKey(OnboardingProcess.KEY).businessKey(number)
        .setVariables(caseVariables(number, application, applicant)).execute();
    return number;
  }

  /**
   * The model's registration step: an application the API stored is linked to its instance; one started through the
   * engine (its variables hold the application) is checked by the API's rules and stored.
   *
   * @return the variables the case keeps, when the application came with the start; otherwise empty
   */
  @Transactional
  public Map<String, Object> register(String number, Map<String, Object> startVariables, String applicant,
      String processInstanceId) {
    Map<String, Object> kept = Map.of();
    if (applicant == null && identityService.getCurrentAuthentication() != null) {
      applicant = identityService.getCurrentAuthentication().getUserId();
    }
    if (number == null) {
      FieldErrors errors = new FieldErrors();
      AdmissionApplication application = validator.validate(validator.fromVariables(startVariables),
          applicant == null ? null : enterpriseAccounts.creditCodeOf(applicant).orElse(null), errors);
      if (application == null) {
        throw new NotValidException("入园申请有误，未启动案件：" + errors.list().stream().map(FieldError::message)
            .collect(Collectors.joining("；")));
      }
      number = freeNumber();
      admissions.insert(number, application, applicant == null ? SYSTEM : applicant);
      kept = caseVariables(number, application, applicant);
    }
    admissions.linkInstance(number, processInstanceId);
    record(number, processInstanceId, "收到入园申请，赋入园编号 " + number + "；状态：" + AdmissionStatus.PRELIMINARY.label());
    return kept;
  }

  private Map<String, Object> caseVariables(String number, AdmissionApplication application, String applicant) {
    Map<String, Object> variables = new LinkedHashMap<>(application.keptVariables(leadingIndustries));
    ADMISSION_NUMBER.put(variables, number);
    CASE_CODE.put(variables, number);
    APPLICANT.put(variables, applicant);
    return variables;
  }

  /** {@code RY-<year>-<4 digits>}, the year in Beijing time, drawn again while taken. */
  private String freeNumber() {
    int year = LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE).getYear();
    for (int i = 0; i < MAX_NUMBER_ATTEMPTS; i++) {
      String number = String.format("RY-%d-%04d", year, random.nextInt(10_000));
      if (!admissions.exists(number)) {
        return number;
      }
    }
    throw new IllegalStateException("No free admission number after " + MAX_NUMBER_ATTEMPTS + " attempts");
  }

  /**
   * 准入筛查: the table's result is recorded; a refusal closes the case at once and tells the enterprise the reasons
   * and whom to contact; otherwise the preliminary assessment opens.
   */
  @Transactional
  public void screened(String number, String processInstanceId, String result, String reasons, String occurrence) {
    admissions.recordScreening(number, result, reasons);
    caseRecord.add(event(number, processInstanceId).step(Elements.SCREEN, "准入筛查", null, null)
        .detail("准入筛查结果：" + AdmissionView.screeningLabel(result) + (reasons == null || reasons.isBlank() ? ""
            : "；理由：" + reasons.replace("\n", "；"))));
    if (AdmissionScreening.REFUSE.equals(result)) {
      moveTo(number, AdmissionStatus.REFUSED, AdmissionStage.CLOSED);
      toApplicant(number, Notices.REFUSED, Map.of("step", "准入筛查", "reasons", lines(reasons)), occurrence);
    } else {
      moveTo(number, AdmissionStatus.PRELIMINARY, AdmissionStage.PRELIMINARY);
    }
  }

  /** A decision was taken on a step: the status moves at once, so a withdrawal after a refusal is refused. */
  @Transactional
  public void decisionTaken(String number, String step, String decision) {
    boolean approve = Decision.APPROVE.value().equals(decision);
    boolean reject = Decision.REJECT.value().equals(decision);
    if (Elements.PRELIMINARY_ASSESSMENT.equals(step) && approve) {
      moveTo(number, AdmissionStatus.ASSESSING, AdmissionStage.ASSESSMENT);
    } else if ((Elements.PRELIMINARY_ASSESSMENT.equals(step) || Elements.ADMISSION_DECISION.equals(step)) && reject) {
      moveTo(number, AdmissionStatus.REFUSED, AdmissionStage.CLOSED);
    }
  }

  /**
   * Every assessment is done: the admission decision opens with every assessment's result (its form shows them).
   *
   * @return the assessments' results, one a line
   */
  @Transactional
  public String openDecision(String number) {
    moveTo(number, AdmissionStatus.DECIDING, AdmissionStage.DECISION);
    List<String> results = new ArrayList<>();
    for (CaseEvent e : caseRecord.of(number)) {
      if (CaseEvent.STEP_COMPLETED.equals(e.kind()) && Elements.ADMISSION_ASSESSMENT.equals(e.stepKey())) {
        results.add(Department.nameOf(e.department()) + "：" + Decision.of(e.decision()).map(Decision::label)
            .orElse("—") + (e.opinion() == null ? "" : "（" + e.opinion() + "）"));
      }
    }
    return results.isEmpty() ? "准入评估决策表未要求部门评估" : String.join("\n", results);
  }

  /**
   * 同意入园 (主任办公会): the enterprise is told; incentives above {@code parkflow.onboarding.incentive-threshold}
   * (万元) or a one-factory-one-policy deal go to the county government.
   *
   * @return whether the incentives go to the county government
   */
  @Transactional
  public boolean admitted(String number, String processInstanceId, Double incentiveAmount, Boolean oneFactoryOnePolicy,
      String incentives, String opinion, String occurrence) {
    boolean escalate = Boolean.TRUE.equals(oneFactoryOnePolicy) || (incentiveAmount != null
        && BigDecimal.valueOf(incentiveAmount).compareTo(incentiveThreshold) > 0);
    if (escalate) {
      admissions.markIncentivesEscalated(number);
      moveTo(number, AdmissionStatus.DECIDING, AdmissionStage.INCENTIVES);
    }
    record(number, processInstanceId, "主任办公会同意入园" + (incentives == null ? "" : "；拟给予优惠政策：" + incentives)
        + (escalate ? "；优惠政策超出园区权限（" + incentiveThreshold.toPlainString() + " 万元）或属一厂一策，报县人民政府审批" : ""));
    toApplicant(number, Notices.ACCEPTED, Map.of("opinion", opinion == null ? "同意入园" : opinion,
        "escalated", escalate), occurrence);
    return escalate;
  }

  /** The agreement is to be signed (after the county government's decision on incentives, where there was one). */
  @Transactional
  public void openAgreement(String number, String processInstanceId, String incentivesDecision,
      String incentivesOpinion) {
    if (incentivesDecision != null) {
      record(number, processInstanceId, "县人民政府" + (Decision.APPROVE.value().equals(incentivesDecision)
          ? "批准优惠政策" : "不批准超出园区权限的优惠政策，按园区标准政策签约")
          + (incentivesOpinion == null ? "" : "：" + incentivesOpinion));
    }
    moveTo(number, AdmissionStatus.AGREEMENT, AdmissionStage.AGREEMENT);
  }

  /**
   * 签订协议: refused with every missing item named ({@link NotValidException}, the task stays open) unless the
   * agreement holds everything {@link AgreementRules} asks; then the case is signed.
   */
  @Transactional
  public void agreementSigned(String number, Map<String, Object> values) {
    Admission admission = admissions.get(number);
    AgreementRules.Checked checked = agreementRules.check(values, admission.application().landArea() != null,
        admission.application().fields().path(AdmissionApplication.Fields.HAZARDOUS_CHEMICALS).asBoolean());
    if (!checked.problems().isEmpty()) {
      throw new NotValidException("协议信息不完整，未办结：" + String.join("；", checked.problems()));
    }
    admissions.recordAgreement(number, checked.agreement());
    moveTo(number, AdmissionStatus.SIGNED, AdmissionStage.LIAISON);
  }

  /** 协议告知: the enterprise gets the agreement's terms and its milestones. */
  @Transactional
  public void agreementNotice(String number, String occurrence) {
    Map<String, Object> model = new HashMap<>();
    admissions.get(number).agreement().fields().forEachRemaining(f -> model.put(f.getKey(), f.getValue().asText()));
    model.put("warningPeriod", warningPeriodText());
    toApplicant(number, Notices.AGREEMENT, model, occurrence);
  }

  /**
   * 确定联络员: a staff user follows the case ("谁签约、谁跟踪、谁负责"); above {@code parkflow.onboarding.leader-threshold}
   * (万元 of fixed investment) a county leader is assigned too (党政领导包扶重大项目).
   */
  @Transactional
  public void liaisonAssigned(String number, String liaison, String leader) {
    Admission admission = admissions.get(number);
    List<String> problems = new ArrayList<>();
    if (!staff(liaison)) {
      problems.add("联络员（liaison）须为园区或部门工作人员的用户名，不能是企业账号");
    }
    boolean major = admission.application().fixedAssetInvestment().compareTo(leaderThreshold) > 0;
    if (major && (leader == null || !identityService.createUserQuery().userId(leader)
        .memberOfGroup(Department.COUNTY_GOVERNMENT.groupId()).list().iterator().hasNext())) {
      problems.add("固定资产投资超过 " + leaderThreshold.toPlainString() + " 万元的重大项目须确定包扶县领导（leader），须为县人民政府的用户");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("未办结：" + String.join("；", problems));
    }
    admissions.recordLiaison(number, liaison, major ? leader : (leader == null || leader.isBlank() ? null : leader));
    moveTo(number, AdmissionStatus.SIGNED, AdmissionStage.FOLLOW_UP);
  }

  private boolean staff(String userId) {
    return userId != null && !userId.isBlank() && identityService.createUserQuery().userId(userId).count() == 1
        && identityService.createGroupQuery().groupMember(userId).list().stream()
            .noneMatch(g -> Department.ENTERPRISE.groupId().equals(g.getId()));
  }

  /** 不予入园通知 after the preliminary assessment or the admission decision: the reasons and whom to contact. */
  @Transactional
  public void refusalNotice(String number, String step, String reasons, String occurrence) {
    toApplicant(number, Notices.REFUSED, Map.of("step", step, "reasons", lines(reasons)), occurrence);
  }

  /**
   * 撤回: allowed until the agreement is signed. The status moves and the message interrupts the case in the caller's
   * transaction; the case is locked so a clerk's decision and the withdrawal happen one after the other.
   */
  @Transactional
  public void withdraw(String number, String reason, String user) {
    Admission admission = admissions.lock(number);
    if (!admission.status().withdrawable()) {
      throw new CaseStateException("入园申请当前状态为“" + admission.status().label() + "”，协议签订后或案件办结后不能撤回");
    }
    admissions.recordWithdrawalReason(number, reason);
    moveTo(number, AdmissionStatus.WITHDRAWN, AdmissionStage.CLOSED);
    caseRecord.add(event(number, admission.processInstanceId()).by(user, null)
        .detail("企业撤回入园申请：" + reason + "；状态：" + AdmissionStatus.WITHDRAWN.label()));
    runtimeService.createMessageCorrelation(Messages.WITHDRAWAL).processInstanceId(admission.processInstanceId())
        .setVariable(WITHDRAWAL_REASON.name(), reason).correlate();
  }

  /** As {@link #milestoneReported(String, Milestone, LocalDate, BigDecimal, String, String, BigDecimal)}, no tax. */
  @Transactional
  public void milestoneReported(String number, Milestone milestone, LocalDate date, BigDecimal investedAmount,
      String note, String user) {
    milestoneReported(number, milestone, date, investedAmount, note, user, null);
  }

  /**
   * 节点报告: the enterprise reports the next milestone of its agreement (开工, 竣工, 投产, 达产达效, in this order). A
   * report on or before the agreed date is 绿 (on track), a later one 黄 (slow); the case's status moves with it. The
   * tax of the first year at full output ({@code actualTax}, 万元) comes with the full-output report or, once, in a
   * second full-output report after that year; the case then shows it per 亩 against the agreement.
   */
  @Transactional
  public void milestoneReported(String number, Milestone milestone, LocalDate date, BigDecimal investedAmount,
      String note, String user, BigDecimal actualTax) {
    Admission admission = admissions.lock(number);
    if (milestone == Milestone.FULL_OUTPUT && admission.status() == AdmissionStatus.FULL_OUTPUT && actualTax != null) {
      firstYearTax(admission, date, note, user, actualTax);
      return;
    }
    if (admission.status() != milestone.requires()) {
      throw new CaseStateException("入园案件当前状态为“" + admission.status().label() + "”，不能报告“"
          + milestone.label() + "”：节点须在协议签订后按开工、竣工、投产、达产的顺序报告"
          + (admission.status() == AdmissionStatus.FULL_OUTPUT ? "；达产首年税收请以 full-output 节点附 actualTax 报告"
              : ""));
    }
    String agreedText = admission.agreement().path(milestone.agreementField()).asText(null);
    LocalDate agreed = agreedText == null ? null : LocalDate.parse(agreedText);
    String colour = agreed == null || !date.isAfter(agreed) ? ProgressColour.GREEN : ProgressColour.YELLOW;
    admissions.insertMilestone(number, new AdmissionRepository.MilestoneReport(milestone.value(), agreed, date,
        investedAmount, note, colour, actualTax), user);
    moveTo(number, milestone.reaches(), AdmissionStage.FOLLOW_UP);
    caseRecord.add(event(number, admission.processInstanceId()).by(user, null).detail("企业报告" + milestone.label()
        + "：" + date + (agreed == null ? "" : "（约定 " + agreed + "）") + "；进度：" + colour + "；状态："
        + milestone.reaches().label() + (actualTax == null ? "" : "；" + TaxPerMu.of(admission.agreement(),
            admission.application().landArea(), actualTax).describe())));
  }

  private void firstYearTax(Admission admission, LocalDate date, String note, String user, BigDecimal actualTax) {
    AdmissionRepository.MilestoneReport full = admissions.milestones(admission.admissionNumber()).stream()
        .filter(r -> Milestone.FULL_OUTPUT.value().equals(r.milestone())).findFirst().orElseThrow();
    if (full.actualTax() != null) {
      throw new CaseStateException("达产首年税收已于达产报告中报告（" + full.actualTax().stripTrailingZeros()
          .toPlainString() + " 万元），不能重复报告");
    }
    admissions.recordActualTax(admission.admissionNumber(), Milestone.FULL_OUTPUT.value(), actualTax);
    caseRecord.add(event(admission.admissionNumber(), admission.processInstanceId()).by(user, null)
        .detail("企业报告" + TaxPerMu.of(admission.agreement(), admission.application().landArea(), actualTax)
            .describe() + "（截至 " + date + "）" + (note == null ? "" : "；说明：" + note)));
  }

  /**
   * 月度进度评定 (domain.md §3.5, a local practice): each case between the agreement and full output gets its colour
   * for the month — 红 when the agreed start date passed without a start, 黄 when a later milestone is overdue, 绿
   * otherwise. A case that turns 红 sends a reminder letter (督办提醒函) to its liaison and its 包扶 leader, once.
   *
   * @return how many cases turned 红
   */
  @Transactional
  public int monthlyProgress(LocalDate today) {
    int turnedRed = 0;
    for (Admission a : admissions.inProgress()) {
      Milestone next = Arrays.stream(Milestone.values()).filter(m -> m.requires() == a.status()).findFirst()
          .orElseThrow();
      String agreedText = a.agreement() == null ? null : a.agreement().path(next.agreementField()).asText(null);
      LocalDate agreed = agreedText == null ? null : LocalDate.parse(agreedText);
      boolean overdue = agreed != null && today.isAfter(agreed);
      String colour = !overdue ? ProgressColour.GREEN
          : next == Milestone.STARTED ? ProgressColour.RED : ProgressColour.YELLOW;
      if (colour.equals(a.progressColour())) {
        continue;
      }
      admissions.updateProgressColour(a.admissionNumber(), colour);
      record(a.admissionNumber(), a.processInstanceId(), today.getYear() + "年" + today.getMonthValue()
          + "月进度评定：" + colour + (overdue ? "（约定" + next.label() + "日期 " + agreed + " 已过）" : ""));
      if (ProgressColour.RED.equals(colour)) {
        turnedRed++;
        List<String> to = new ArrayList<>();
        for (String user : new String[] {a.liaison(), a.leader()}) {
          org.camunda.bpm.engine.identity.User u = user == null ? null
              : identityService.createUserQuery().userId(user).singleResult();
          if (u != null && u.getEmail() != null) {
            to.add(u.getEmail());
          }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("admissionNumber", a.admissionNumber());
        model.put("enterpriseName", a.application().enterpriseName());
        model.put("projectName", a.application().projectName());
        model.put("month", today.getYear() + "年" + today.getMonthValue());
        model.put("milestone", next.label());
        model.put("agreed", agreed.toString());
        model.put("liaison", a.liaison() == null ? "未确定" : a.liaison());
        model.put("leader", a.leader() == null ? "无" : a.leader());
        caseNotices.send(new CaseNotices.Case(OnboardingProcess.KEY, a.admissionNumber(), a.processInstanceId()),
            Notices.PROGRESS_RED, today.getYear() + "-" + today.getMonthValue(), to,
            Department.PARK_ADMIN.groupId(), model);
      }
    }
    return turnedRed;
  }

  /**
   * 节点提醒: {@code parkflow.onboarding.milestone-warning} (a local default) before each agreed milestone date not yet
   * reported, the enterprise and the liaison are each warned once; a liaison assigned later is warned on the next
   * scan. A date already past is the monthly progress rating's concern, not a warning's.
   *
   * @return how many warnings were sent
   */
  @Transactional
  public int milestoneWarnings(LocalDate today) {
    int sent = 0;
    for (Admission a : admissions.inProgress()) {
      Set<String> reported = admissions.milestones(a.admissionNumber()).stream()
          .map(AdmissionRepository.MilestoneReport::milestone).collect(Collectors.toSet());
      for (Milestone m : Milestone.values()) {
        String agreedText = a.agreement() == null ? null : a.agreement().path(m.agreementField()).asText(null);
        LocalDate agreed = agreedText == null ? null : LocalDate.parse(agreedText);
        if (agreed == null || reported.contains(m.value()) || today.isAfter(agreed)
            || today.isBefore(agreed.minus(milestoneWarning))) {
          continue;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("admissionNumber", a.admissionNumber());
        model.put("enterpriseName", a.application().enterpriseName());
        model.put("projectName", a.application().projectName());
        model.put("milestone", m.label());
        model.put("agreed", agreed.toString());
        model.put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(today, agreed));
        model.put("liaison", a.liaison() == null ? "待确定" : a.liaison());
        model.put("contact", contact);
        CaseNotices.Case about = new CaseNotices.Case(OnboardingProcess.KEY, a.admissionNumber(),
            a.processInstanceId());
        if (admissions.markWarned(a.admissionNumber(), m.value(), "enterprise", agreed)) {
          model.put("toEnterprise", true);
          caseNotices.send(about, Notices.MILESTONE_DUE, m.value() + ":enterprise",
              List.of(a.application().contactEmail()), Department.ENTERPRISE.groupId(), model);
          sent++;
        }
        String liaisonEmail = emailOf(a.liaison());
        if (liaisonEmail != null && admissions.markWarned(a.admissionNumber(), m.value(), "liaison", agreed)) {
          model.put("toEnterprise", false);
          caseNotices.send(about, Notices.MILESTONE_DUE, m.value() + ":liaison", List.of(liaisonEmail),
              Department.PARK_ADMIN.groupId(), model);
          sent++;
        }
      }
    }
    return sent;
  }

  private String emailOf(String user) {
    org.camunda.bpm.engine.identity.User u = user == null ? null
        : identityService.createUserQuery().userId(user).singleResult();
    return u == null || u.getEmail() == null || u.getEmail().isBlank() ? null : u.getEmail();
  }

  /** The warning period as the notices say it: {@code 30 日}, {@code 1 个月}, {@code 1 个月 15 日}. */
  private String warningPeriodText() {
    long months = milestoneWarning.toTotalMonths();
    int days = milestoneWarning.getDays();
    return months == 0 ? days + " 日" : days == 0 ? months + " 个月" : months + " 个月 " + days + " 日";
  }

  @Transactional
  public void withdrawalNotice(String number, String reason, String occurrence) {
    toApplicant(number, Notices.WITHDRAWN, Map.of("reason", reason == null ? "" : reason), occurrence);
  }

  private void toApplicant(String number, MailTemplate template, Map<String, ?> extra, String occurrence) {
    Admission admission = admissions.get(number);
    Map<String, Object> model = new HashMap<>();
    model.put("admissionNumber", number);
    model.put("enterpriseName", admission.application().enterpriseName());
    model.put("projectName", admission.application().projectName());
    model.put("contact", contact);
    model.putAll(extra);
    caseNotices.send(new CaseNotices.Case(OnboardingProcess.KEY, number, admission.processInstanceId()), template,
        occurrence, List.of(admission.application().contactEmail()), Department.ENTERPRISE.groupId(), model);
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(ArrayList::new));
  }

  private CaseEvent event(String number, String processInstanceId) {
    return CaseEvent.of(number, OnboardingProcess.KEY, processInstanceId, CaseEvent.STATUS_CHANGED);
  }

  private void record(String number, String processInstanceId, String detail) {
    caseRecord.add(event(number, processInstanceId).detail(detail));
  }

  /** The only write of an admission's status; {@link AdmissionStatus} holds the transitions. */
  private void moveTo(String number, AdmissionStatus next, String stage) {
    Admission admission = admissions.get(number);
    if (admission.status() != next) {
      admission.status().checkMoveTo(next);
    }
    admissions.updateStatus(number, next, stage);
  }
}
