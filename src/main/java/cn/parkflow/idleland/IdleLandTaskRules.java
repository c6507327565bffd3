package cn.parkflow.idleland;

import cn.parkflow.identity.CreditCode;
import cn.parkflow.idleland.IdleLandProcess.Elements;
import cn.parkflow.onboarding.AdmissionRepository;
import cn.parkflow.task.DecisionConstraint;
import cn.parkflow.task.DecisionRules;
import cn.parkflow.time.Beijing;
import cn.parkflow.variable.Variable;
import cn.parkflow.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What each task of {@code idle-land-recovery} must be completed with, beyond the decision and the opinion, checked on
 * every completion (Tasklist and engine REST: 400 naming the field; any other way: the engine refuses). Above all,
 * a government-caused case never gets a fee or a recovery without compensation (Order 53 Art. 8, 12).
 */
@Component
public class IdleLandTaskRules implements DecisionConstraint {
  /** The form fields each task takes besides decision, opinion and missingItems. */
  static final Map<String, List<String>> FIELDS = Map.ofEntries(
      Map.entry(Elements.DETERMINE_CAUSE, List.of("article8Item", "faultDepartment")),
      Map.entry(Elements.AGREE_DISPOSAL_PLAN, List.of("agreementNumber", "newStartDate")),
      Map.entry(Elements.HOLD_HEARING, List.of("noticeServedOn", "hearingDate", "hearingRecord")),
      Map.entry(Elements.APPLY_FOR_ENFORCEMENT, List.of("courtCaseNumber")),
      Map.entry(Elements.ASSESS_STOPPED_PLANT, List.of("builtAreaM2", "equipment", "debts", "mortgages",
          "litigation", "ownPlan", "insolvent", "courtSeized", "holderPlan")),
      Map.entry(Elements.VALUE_PLANT, List.of("valuation")),
      Map.entry(Elements.AGREE_LEASE_BACK, List.of("rent", "terms")),
      Map.entry(Elements.FIND_PRODUCER, List.of("admissionNumber")),
      Map.entry(Elements.SIGN_LEASE, List.of("leaseNumber", "rent")),
      Map.entry(Elements.AGREE_PAID_RECOVERY, List.of("valuation", "agreementNumber")),
      Map.entry(Elements.RECORD_COURT_STEP, List.of("courtCaseNumber", "courtStep")),
      Map.entry(Elements.RECORD_REVIVAL, List.of("newHolder", "newHolderName", "freedMu")));
  static final Set<String> HOLDER_PLANS = Set.of("sell", "lease", "co-manage", "recover", "none");
  private static final BigDecimal TRANSFER_SHARE = new BigDecimal("0.25");
  /** Tasklist shows only the message: it names the field, as the other slices' messages do. */
  private static final String DRAFT_DECISION_FIELD = "办理结论（decision）：";

  private final IdleLandService service;
  private final AdmissionRepository admissions;
  private final cn.parkflow.deadline.Deadlines deadlines;

  public IdleLandTaskRules(IdleLandService service, AdmissionRepository admissions,
      cn.parkflow.deadline.Deadlines deadlines) {
    this.service = service;
    this.admissions = admissions;
    this.deadlines = deadlines;
  }

  private static boolean ours(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(IdleLandProcess.KEY + ":");
  }

  @Override
  public Set<String> variables(String processDefinitionId, String taskDefinitionKey) {
    return ours(processDefinitionId) ? Set.copyOf(FIELDS.getOrDefault(taskDefinitionKey, List.of())) : Set.of();
  }

  @Override
  public void check(String processDefinitionId, String taskKey, TaskVariables v, String decision,
      FieldErrors errors) {
    if (!ours(processDefinitionId)) {
      return;
    }
    String parcel = v.get(IdleLandProcess.Variables.PARCEL_CODE);
    IdleLandCase c = parcel == null ? null : service.find(parcel).orElse(null);
    switch (taskKey) {
      case Elements.DETERMINE_CAUSE -> {
        if ("government".equals(decision)) {
          String item = text(v.get(any("article8Item")));
          if (item == null || !item.matches("[1-7]")) {
            errors.add("article8Item", "政府原因须写明属《闲置土地处置办法》第八条第几项（article8Item，1–7）");
          }
          if (text(v.get(any("faultDepartment"))) == null) {
            errors.add("faultDepartment", "政府原因须写明负有责任的部门（faultDepartment）");
          }
        } else if ("holder".equals(decision) && c != null && IdleLandValidator.contract(c.parcelCode(),
            c.holderCreditCode(), c.holderName(), c.facts()).handedOverLate()) {
          errors.add(DecisionRules.DECISION, "案卷记载政府逾期交地（合同约定 " + c.facts().path("agreedHandOver").asText()
              + "，实际 " + c.facts().path("actualHandOver").asText() + "），属《闲置土地处置办法》第八条第一项政府原因，"
              + "不能认定为土地使用权人原因（decision=holder）");
        }
      }
      case Elements.AGREE_DISPOSAL_PLAN -> {
        require(v, "agreementNumber", "补充协议编号", errors);
        if ("extend-start".equals(decision)) {
          date(v, "newStartDate", "延长后的动工开发日期", errors);
        }
      }
      case Elements.DRAFT_DECISION -> {
        String cause = c == null || c.cause() == null ? null : c.cause().path("cause").asText(null);
        int months = c == null || c.cause() == null ? 0 : c.cause().path("idleMonths").asInt();
        if ("government".equals(cause)) {
          errors.add(DecisionRules.DECISION, DRAFT_DECISION_FIELD + "本案认定为政府原因造成闲置，"
              + "不得征缴土地闲置费或无偿收回（《闲置土地处置办法》第八条、第十二条），"
              + "应协商处置（userTask_agreeDisposalPlan）");
        } else if ("fee".equals(decision) && months < 12) {
          errors.add(DecisionRules.DECISION, DRAFT_DECISION_FIELD + "闲置 " + months
              + " 个月，未满一年，不得征缴土地闲置费（《土地管理法》第三十八条、《闲置土地处置办法》第十四条第一项）");
        } else if ("recovery".equals(decision) && months < 24) {
          errors.add(DecisionRules.DECISION, DRAFT_DECISION_FIELD + "闲置 " + months
              + " 个月，未满两年，不得无偿收回（《土地管理法》第三十八条、《城市房地产管理法》第二十六条、"
              + "《闲置土地处置办法》第十四条第二项）；可选择征缴土地闲置费（fee）");
        }
      }
      case Elements.HOLD_HEARING -> {
        LocalDate served = date(v, "noticeServedOn", "听证通知书送达日期", errors);
        LocalDate held = date(v, "hearingDate", "听证举行日期", errors);
        require(v, "hearingRecord", "听证笔录要点", errors);
        if (served != null && held != null) {
          Date earliest = deadlines.dueFrom(Date.from(served.atStartOfDay(Beijing.ZONE).toInstant()),
              IdleLandProcess.KEY, IdleLandProcess.Deadlines.HEARING_NOTICE);
          LocalDate first = LocalDate.ofInstant(earliest.toInstant(), Beijing.ZONE);
          if (held.isBefore(first)) {
            errors.add("hearingDate", "听证通知书应在举行听证的 7 日前送达（hearing-notice）：" + served + " 送达，听证最早于 "
                + first + " 举行");
          }
        }
        String requested = c == null || c.draft() == null ? null : c.draft().path("hearingRequestedAt").asText(null);
        if (held != null && requested != null) {
          Date latest = deadlines.dueFrom(Date.from(java.time.Instant.parse(requested)), IdleLandProcess.KEY,
              IdleLandProcess.Deadlines.HEARING_WITHIN);
          LocalDate last = LocalDate.ofInstant(latest.toInstant(), Beijing.ZONE);
          if (held.isAfter(last)) {
            errors.add("hearingDate", "听证应在申请之日起 20 个工作日内举行（hearing-within，待核实：本地规则），最迟 " + last);
          }
        }
      }
      case Elements.APPLY_FOR_ENFORCEMENT -> require(v, "courtCaseNumber", "法院案号", errors);
      case Elements.ASSESS_STOPPED_PLANT -> {
        require(v, "equipment", "设备情况", errors);
        require(v, "debts", "债务情况", errors);
        String plan = text(v.get(any("holderPlan")));
        if (plan == null || !HOLDER_PLANS.contains(plan)) {
          errors.add("holderPlan", "企业自身意向（holderPlan）须为 sell（转让）、lease（出租）、co-manage（返租共管）、"
              + "recover（由政府有偿收回）或 none（无意向）");
        }
        for (String flag : List.of("insolvent", "courtSeized")) {
          if (bool(v.get(any(flag))) == null) {
            errors.add(flag, ("insolvent".equals(flag) ? "是否资不抵债" : "是否涉诉被查封") + "（" + flag + "）须填写是或否");
          }
        }
      }
      case Elements.VALUE_PLANT -> positive(v, "valuation", "评估价值（万元）", errors);
      case Elements.REGISTER_TRANSFER -> {
        if (c != null && IdleLandService.investedShare(c.facts()).compareTo(TRANSFER_SHARE) < 0) {
          errors.add(DecisionRules.DECISION, "已完成开发投资 " + IdleLandService.investedShare(c.facts())
              .multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
              + "%，未达投资总额的 25%，出让土地使用权不得转让（《城市房地产管理法》第三十九条，待核实）；请改走协议有偿收回");
        }
      }
      case Elements.AGREE_LEASE_BACK -> {
        positive(v, "rent", "年租金（万元）", errors);
        require(v, "terms", "共管条款", errors);
      }
      case Elements.FIND_PRODUCER -> {
        String number = text(v.get(any("admissionNumber")));
        if (number == null || !number.matches("RY-\\d{4}-\\d{4}") || !admissions.exists(number)) {
          errors.add("admissionNumber", "请填写承租生产企业的入园编号（admissionNumber，RY-年份-4 位数字），须为已有的企业入园案件");
        }
      }
      case Elements.SIGN_LEASE -> {
        require(v, "leaseNumber", "租赁合同编号", errors);
        positive(v, "rent", "年租金（万元）", errors);
      }
      case Elements.AGREE_PAID_RECOVERY -> {
        positive(v, "valuation", "收回补偿评估价（万元）", errors);
        require(v, "agreementNumber", "收回协议编号", errors);
      }
      case Elements.RECORD_COURT_STEP -> {
        require(v, "courtCaseNumber", "法院案号", errors);
        require(v, "courtStep", "本次司法程序节点", errors);
      }
      case Elements.RECORD_REVIVAL -> {
        String holder = text(v.get(any("newHolder")));
        if (holder == null || !("state".equals(holder) || CreditCode.isValid(holder))) {
          errors.add("newHolder", "新的土地使用权人（newHolder）须为其统一社会信用代码，或 state（收归国有）");
        } else if (!"state".equals(holder)) {
          require(v, "newHolderName", "新的土地使用权人名称", errors);
        }
        positive(v, "freedMu", "盘活面积（亩）", errors);
      }
      default -> { }
    }
  }

  private static Variable<Object> any(String name) {
    return Variable.any(name);
  }

  private static void require(TaskVariables v, String field, String label, FieldErrors errors) {
    if (text(v.get(any(field))) == null) {
      errors.add(field, "请填写" + label + "（" + field + "）");
    }
  }

  private static LocalDate date(TaskVariables v, String field, String label, FieldErrors errors) {
    String text = text(v.get(any(field)));
    try {
      if (text != null) {
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(field, "请填写" + label + "（" + field + "，YYYY-MM-DD）");
    return null;
  }

  private static void positive(TaskVariables v, String field, String label, FieldErrors errors) {
    BigDecimal value = decimal(v.get(any(field)));
    if (value == null || value.signum() <= 0) {
      errors.add(field, label + "（" + field + "）须为正数");
    }
  }

  /** A form value (from the engine, or a REST body's JSON) as text, or null when absent or blank. */
  static String text(Object value) {
    Object v = unwrap(value);
    if (v instanceof JsonNode n) {
      v = n.isValueNode() && !n.isNull() ? n.asText() : null;
    }
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  static BigDecimal decimal(Object value) {
    Object v = unwrap(value);
    try {
      if (v instanceof JsonNode n) {
        return n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText().strip()) : null;
      }
      if (v instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      return v instanceof String s && !s.isBlank() ? new BigDecimal(s.strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean bool(Object value) {
    Object v = unwrap(value);
    if (v instanceof JsonNode n) {
      return n.isBoolean() ? n.asBoolean() : null;
    }
    return v instanceof Boolean b ? b : v instanceof String s && ("true".equals(s) || "false".equals(s))
        ? Boolean.valueOf(s) : null;
  }

  /** A REST body's variable ({@code {"value": …, "type": …}}) as its value. */
  private static Object unwrap(Object value) {
    return value instanceof JsonNode n && n.isObject() ? n.path("value") : value;
  }
}
