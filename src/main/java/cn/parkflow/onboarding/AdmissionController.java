package cn.parkflow.onboarding;

import cn.parkflow.identity.CaseAccess;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.CasePages;
import com.fasterxml.jackson.databind.JsonNode;
import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.time.EngineClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprise's side of {@code enterprise-onboarding}: apply for admission, follow the case, withdraw before the
 * agreement, report the milestones after it. Who sees which case is {@link CaseAccess}'s rule; another enterprise's case answers 404.
 */
@RestController
@RequestMapping("/api/admissions")
public class AdmissionController {
  private static final Pattern NUMBER = Pattern.compile("RY-\\d{4}-\\d{4}");
  private static final Set<String> WITHDRAWAL_FIELDS = Set.of("reason");
  private static final Set<String> MILESTONE_FIELDS = Set.of("milestone", "date", "investedAmount", "note",
      "actualTax");

  private final AdmissionValidator validator;
  private final AdmissionService service;
  private final AdmissionRepository admissions;
  private final AdmissionView view;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final CaseAccess caseAccess;
  private final EngineClock clock;

  public AdmissionController(AdmissionValidator validator, AdmissionService service, AdmissionRepository admissions,
      AdmissionView view, EnterpriseAccounts enterpriseAccounts, Idempotency idempotency, CaseAccess caseAccess,
      EngineClock clock) {
    this.clock = clock;
    this.validator = validator;
    this.service = service;
    this.admissions = admissions;
    this.view = view;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.caseAccess = caseAccess;
  }

  /** 201 also for a refusal by the screening table: the case exists, with status 不予入园 and the reasons. */
  @PostMapping
  public ResponseEntity<?> apply(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth).requireEnterprise("只有企业账号可以申请入园");
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/admissions " + body, () -> {
      FieldErrors errors = new FieldErrors();
      AdmissionApplication application = validator.validate(body, caller.creditCode(), errors);
      errors.throwIfAny();
      String number = service.apply(application, caller.userId());
      return ResponseEntity.created(URI.create("/api/admissions/" + number)).body(view.of(admissions.get(number)));
    });
  }

  @GetMapping
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<AdmissionView.CaseView> list(Authentication auth,
      @RequestParam(name = "limit", defaultValue = "50") String limitText,
      @RequestParam(name = "offset", defaultValue = "0") String offsetText) {
    return CasePages.read(caller(auth), limitText, offsetText, caseAccess, OnboardingProcess.KEY, admissions).stream()
        .map(view::of).toList();
  }

  @GetMapping("/{number}")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public AdmissionView.CaseView get(@PathVariable String number, Authentication auth) {
    return view.of(visible(number, caller(auth)));
  }

  @PostMapping("/{number}/withdrawal")
  public ResponseEntity<?> withdraw(@PathVariable String number, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth).requireEnterprise("只有申请企业可以撤回入园申请");
    visible(number, caller);
    return idempotency.execute(caller.userId(), idempotencyKey,
        "POST /api/admissions/" + number + "/withdrawal " + body, () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, WITHDRAWAL_FIELDS, errors);
          String reason = JsonBody.text(body, "reason", 2, 500, "撤回理由", errors);
          errors.throwIfAny();
          service.withdraw(number, reason, caller.userId());
          return ResponseEntity.ok(view.of(admissions.get(number)));
        });
  }

  /** 节点报告: the enterprise reports the next milestone of its agreement; 201 with the case. */
  @PostMapping("/{number}/milestones")
  public ResponseEntity<?> reportMilestone(@PathVariable String number, @RequestBody JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth).requireEnterprise("只有入园企业可以报告项目节点");
    visible(number, caller);
    return idempotency.execute(caller.userId(), idempotencyKey,
        "POST /api/admissions/" + number + "/milestones " + body, () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, MILESTONE_FIELDS, errors);
          String value = JsonBody.text(body, "milestone", 1, 20, "节点", errors);
          Milestone milestone = value == null ? null : Milestone.of(value).orElse(null);
          if (value != null && milestone == null) {
            errors.add("milestone", "节点（milestone）须为 started（开工）、completed（竣工）、production（投产）或"
                + " full-output（达产达效）");
          }
          LocalDate date = null;
          String dateText = JsonBody.text(body, "date", 10, 10, "日期", errors);
          if (dateText != null) {
            try {
              date = LocalDate.parse(dateText);
              if (date.isAfter(LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE))) {
                errors.add("date", "日期（date）不得晚于今天：只能报告已完成的节点");
              }
            } catch (DateTimeParseException e) {
              errors.add("date", "日期（date）格式须为 YYYY-MM-DD");
            }
          }
          JsonNode invested = body.path("investedAmount");
          if (!invested.isNumber() || invested.decimalValue().signum() < 0) {
            errors.add("investedAmount", "累计完成投资（investedAmount，万元）为必填的非负数");
          }
          String note = body.hasNonNull("note") ? JsonBody.text(body, "note", 1, 1000, "说明", errors) : null;
          BigDecimal actualTax = null;
          if (body.hasNonNull("actualTax")) {
            JsonNode tax = body.get("actualTax");
            if (!tax.isNumber() || tax.decimalValue().signum() < 0) {
              errors.add("actualTax", "达产首年实缴税收（actualTax，万元）须为非负数");
            } else if (milestone != null && milestone != Milestone.FULL_OUTPUT) {
              errors.add("actualTax", "达产首年实缴税收（actualTax）只能随 full-output（达产达效）节点报告");
            } else {
              actualTax = tax.decimalValue();
            }
          }
          errors.throwIfAny();
          service.milestoneReported(number, milestone, date, invested.decimalValue(), note, caller.userId(),
              actualTax);
          return ResponseEntity.created(URI.create("/api/admissions/" + number))
              .body(view.of(admissions.get(number)));
        });
  }

  private ApiCaller caller(Authentication auth) {
    return ApiCaller.of(auth, enterpriseAccounts);
  }

  /** A case the caller may read; otherwise 404, so another enterprise's case is not even confirmed. */
  private Admission visible(String number, ApiCaller caller) {
    return CasePages.visible(NUMBER.matcher(number).matches() ? admissions.find(number) : Optional.empty(), caller,
        caseAccess, a -> a.application().creditCode(), Admission::processInstanceId, "未找到入园申请 " + number);
  }
}
