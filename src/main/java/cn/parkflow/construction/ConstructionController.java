package cn.parkflow.construction;

import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.parcel.IdleLandTest;
import cn.parkflow.parcel.ParcelCode;
import cn.parkflow.time.Beijing;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 建设情况报告: the holder of a watched parcel reports its construction. Only the holder (an enterprise account of
 * the holder's credit code) may; another enterprise is answered 404 (the parcel is not even confirmed), staff 403.
 * Every bad field is named at once (400); a report out of order is 409.
 */
@RestController
public class ConstructionController {
  private static final Set<String> FIELDS = Set.of("kind", "date", "builtAreaM2", "investedAmount", "note");

  private final ConstructionService service;
  private final ConstructionRepository watches;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final EngineClock clock;

  public ConstructionController(ConstructionService service, ConstructionRepository watches,
      EnterpriseAccounts enterpriseAccounts, Idempotency idempotency, EngineClock clock) {
    this.service = service;
    this.watches = watches;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /** 201 with the parcel's milestones (as {@code GET /api/parcels/{parcelCode}} shows them). */
  @PostMapping("/api/parcels/{parcelCode}/construction-reports")
  public ResponseEntity<?> report(@PathVariable String parcelCode, @RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = ApiCaller.of(auth, enterpriseAccounts).requireEnterprise("只有受让宗地的用地单位可以报告建设情况");
    holderOnly(parcelCode, caller);
    return idempotency.execute(caller.userId(), idempotencyKey,
        "POST /api/parcels/" + parcelCode + "/construction-reports " + body, () -> {
          ConstructionWatch w = holderOnly(parcelCode, caller);
          List<ConstructionReport> reports = watches.reports(w.id());
          ConstructionReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, FIELDS, errors);
          String value = JsonBody.text(body, "kind", 1, 20, "报告类型", errors);
          ReportKind kind = value == null ? null : ReportKind.of(value).orElse(null);
          if (value != null && kind == null) {
            errors.add("kind", "报告类型（kind）须为 " + ReportKind.choices());
          }
          LocalDate date = date(body, w, last, errors);
          BigDecimal area = amount(body, "builtAreaM2", "累计开发建设用地面积（builtAreaM2，m²）", errors);
          BigDecimal parcelM2 = w.contract().areaMu() == null ? null
              : w.contract().areaMu().multiply(IdleLandTest.M2_PER_MU);
          if (area != null && parcelM2 != null && area.compareTo(parcelM2) > 0) {
            errors.add("builtAreaM2", "累计开发建设用地面积（builtAreaM2）不能超过宗地面积 "
                + parcelM2.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " m²");
          } else if (area != null && last != null && area.compareTo(last.builtAreaM2()) < 0) {
            errors.add("builtAreaM2", "累计开发建设用地面积（builtAreaM2）为累计数，不能少于上次报告的 "
                + last.builtAreaM2().toPlainString() + " m²");
          }
          BigDecimal invested = amount(body, "investedAmount", "累计完成投资（investedAmount，万元）", errors);
          if (invested != null && last != null && invested.compareTo(last.investedAmount()) < 0) {
            errors.add("investedAmount", "累计完成投资（investedAmount）为累计数，不能少于上次报告的 "
                + last.investedAmount().toPlainString() + " 万元");
          }
          String note = body.hasNonNull("note") ? JsonBody.text(body, "note", 1, 1000, "说明", errors) : null;
          errors.throwIfAny();
          service.report(parcelCode, kind, date, area, invested, note, caller.userId());
          return ResponseEntity.created(URI.create("/api/parcels/" + parcelCode))
              .body(service.milestones(parcelCode));
        });
  }

  /** The date: a real day, not in the future, not before the title's registration nor the last report. */
  private LocalDate date(JsonNode body, ConstructionWatch w, ConstructionReport last, FieldErrors errors) {
    String text = JsonBody.text(body, "date", 10, 10, "日期", errors);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add("date", "日期（date）格式须为 YYYY-MM-DD");
      return null;
    }
    if (date.isAfter(LocalDate.ofInstant(clock.now(), Beijing.ZONE))) {
      errors.add("date", "日期（date）不得晚于今天：只能报告已经发生的建设情况");
    } else if (date.isBefore(w.titleRegisteredOn())) {
      errors.add("date", "日期（date）不得早于不动产权证书登记日 " + w.titleRegisteredOn());
    } else if (last != null && date.isBefore(last.date())) {
      errors.add("date", "日期（date）不得早于上一次报告的日期 " + last.date() + "：报告须按时间顺序");
    } else {
      return date;
    }
    return null;
  }

  private static BigDecimal amount(JsonNode body, String field, String label, FieldErrors errors) {
    JsonNode n = body.isObject() ? body.get(field) : null;
    if (n == null || n.isNull()) {
      errors.add(field, label + "为必填项");
      return null;
    }
    if (!n.isNumber()) {
      errors.add(field, label + "必须是数字");
      return null;
    }
    if (n.decimalValue().signum() < 0) {
      errors.add(field, label + "不能为负数");
      return null;
    }
    return n.decimalValue();
  }

  /** The parcel's watch if the caller holds it; otherwise 404, so another enterprise learns nothing. */
  private ConstructionWatch holderOnly(String parcelCode, ApiCaller caller) {
    ConstructionWatch w = parcelCode.length() == ParcelCode.LENGTH ? watches.find(parcelCode).orElse(null) : null;
    if (w == null || !w.holderCreditCode().equals(caller.creditCode())) {
      throw new NotFoundException("未找到宗地 " + parcelCode + " 的供后监管案件");
    }
    return w;
  }
}
