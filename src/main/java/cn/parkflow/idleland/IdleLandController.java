package cn.parkflow.idleland;

import cn.parkflow.deadline.WorkingDayCalendar;
import cn.parkflow.identity.CaseAccess;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.parcel.ParcelCode;
import cn.parkflow.time.EngineClock;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.CasePages;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code idle-land-recovery} over the API: natural-resources staff open a case or run the yearly survey; the holder
 * follows its case and answers within its windows (statement, hearing request); staff read by case access. Another
 * enterprise's parcel answers 404.
 */
@RestController
public class IdleLandController {
  private static final Set<String> STATEMENT_FIELDS = Set.of("use", "reasons", "claimedCauses", "evidence");
  private static final Set<String> HEARING_FIELDS = Set.of("reason");
  private static final Set<String> SURVEY_FIELDS = Set.of("surveyDate", "parcels");
  private static final int MAX_SURVEY = 500;

  private final IdleLandValidator validator;
  private final IdleLandService service;
  private final IdleLandRepository cases;
  private final IdleLandView view;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final CaseAccess caseAccess;
  private final EngineClock clock;
  private final ObjectMapper mapper;

  public IdleLandController(IdleLandValidator validator, IdleLandService service, IdleLandRepository cases,
      IdleLandView view, EnterpriseAccounts enterpriseAccounts, Idempotency idempotency, CaseAccess caseAccess,
      EngineClock clock, ObjectMapper mapper) {
    this.validator = validator;
    this.service = service;
    this.cases = cases;
    this.view = view;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.caseAccess = caseAccess;
    this.clock = clock;
    this.mapper = mapper;
  }

  /** 立案 by a natural-resources clerk: 201 with the case. */
  @PostMapping("/api/idle-land-cases")
  public ResponseEntity<?> open(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = staff(auth, "只有自然资源和规划局的工作人员可以立案处置闲置土地");
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/idle-land-cases " + body, () -> {
      FieldErrors errors = new FieldErrors();
      IdleLandValidator.Start start = validator.validate(body, errors);
      errors.throwIfAny();
      String code = service.start(start, caller.userId(), IdleLandService.FROM_API, null);
      return ResponseEntity.created(URI.create("/api/idle-land-cases/" + code))
          .body(view.of(cases.latest(code).orElseThrow()));
    });
  }

  /**
   * 年度闲置土地调查: every parcel classified by {@code idle-land-test}; one case per parcel found idle or a stopped
   * plant. 200 with every parcel's result (and its case, where one was started or is open).
   */
  @PostMapping("/api/idle-land-surveys")
  public ResponseEntity<?> survey(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = staff(auth, "只有自然资源和规划局的工作人员可以开展闲置土地调查");
    return idempotency.execute(caller.userId(), idempotencyKey, "POST /api/idle-land-surveys " + body, () -> {
      FieldErrors errors = new FieldErrors();
      JsonBody.unknownFields(body, SURVEY_FIELDS, errors);
      LocalDate surveyDate = LocalDate.ofInstant(clock.now(), WorkingDayCalendar.ZONE);
      if (body.hasNonNull("surveyDate")) {
        try {
          LocalDate given = LocalDate.parse(body.get("surveyDate").asText());
          if (given.isAfter(surveyDate)) {
            errors.add("surveyDate", "调查基准日（surveyDate）不得晚于今天");
          }
          surveyDate = given;
        } catch (DateTimeParseException e) {
          errors.add("surveyDate", "调查基准日（surveyDate）格式须为 YYYY-MM-DD");
        }
      }
      JsonNode parcels = body.path("parcels");
      List<IdleLandValidator.Start> starts = new ArrayList<>();
      if (!parcels.isArray() || parcels.isEmpty() || parcels.size() > MAX_SURVEY) {
        errors.add("parcels", "宗地清单（parcels）须为 1–" + MAX_SURVEY + " 宗的数组");
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parcels.size(); i++) {
          IdleLandValidator.Start s = validator.surveyParcel(parcels.get(i), "parcels[" + i + "]", errors);
          if (s != null && !seen.add(s.parcelCode())) {
            errors.add("parcels[" + i + "].parcelCode", "宗地 " + s.parcelCode() + " 在清单中重复");
          }
          starts.add(s);
        }
      }
      errors.throwIfAny();
      List<IdleLandService.SurveyResult> results = service.survey(starts, surveyDate, caller.userId());
      ObjectNode answer = mapper.createObjectNode();
      answer.put("surveyDate", surveyDate.toString());
      answer.put("casesStarted", results.stream().filter(IdleLandService.SurveyResult::caseStarted).count());
      answer.set("parcels", mapper.valueToTree(results.stream().map(r -> Map.of(
          "parcelCode", r.parcelCode(), "result", r.result(), "reason", r.reason(), "inputs", r.inputs(),
          "caseStarted", r.caseStarted(), "case", r.caseStatus() == null ? Map.of()
              : Map.of("status", r.caseStatus(), "href", "/api/idle-land-cases/" + r.parcelCode()),
          "note", r.note() == null ? "" : r.note())).toList()));
      return ResponseEntity.ok(answer);
    });
  }

  @GetMapping("/api/idle-land-cases")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<IdleLandView.CaseView> list(Authentication auth,
      @RequestParam(name = "limit", defaultValue = "50") String limitText,
      @RequestParam(name = "offset", defaultValue = "0") String offsetText) {
    return CasePages.read(caller(auth), limitText, offsetText, caseAccess, IdleLandProcess.KEY, cases).stream()
        .map(view::of).toList();
  }

  @GetMapping("/api/idle-land-cases/{parcelCode}")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public IdleLandView.CaseView get(@PathVariable String parcelCode, Authentication auth) {
    return view.of(visible(parcelCode, caller(auth)));
  }

  /** 陈述申辩 by the holder (Order 53 Art. 5): use, reasons, the Art. 8 causes it claims, evidence. */
  @PostMapping("/api/parcels/{parcelCode}/idle-land-statement")
  public ResponseEntity<?> statement(@PathVariable String parcelCode, @RequestBody JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth).requireEnterprise("只有土地使用权人可以提交陈述");
    visible(parcelCode, caller);
    return idempotency.execute(caller.userId(), idempotencyKey,
        "POST /api/parcels/" + parcelCode + "/idle-land-statement " + body, () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(body, STATEMENT_FIELDS, errors);
          String use = JsonBody.text(body, "use", 2, 1000, "土地开发利用情况", errors);
          String reasons = JsonBody.text(body, "reasons", 2, 4000, "闲置原因", errors);
          ObjectNode statement = mapper.createObjectNode();
          statement.put("use", use);
          statement.put("reasons", reasons);
          JsonNode claimed = body.path("claimedCauses");
          if (!claimed.isMissingNode() && !claimed.isNull()) {
            boolean ok = claimed.isArray();
            for (JsonNode n : claimed) {
              ok &= n.isInt() && n.asInt() >= 1 && n.asInt() <= 7;
            }
            if (!ok) {
              errors.add("claimedCauses", "主张的政府原因（claimedCauses）须为《闲置土地处置办法》第八条的项号数组（1–7）");
            }
            statement.set("claimedCauses", claimed);
          }
          JsonNode evidence = body.path("evidence");
          if (!evidence.isMissingNode() && !evidence.isNull()) {
            boolean ok = evidence.isArray() && evidence.size() <= 50;
            for (JsonNode n : evidence) {
              ok &= n.isTextual() && !n.asText().isBlank() && n.asText().length() <= 500;
            }
            if (!ok) {
              errors.add("evidence", "证据（evidence）须为 50 项以内的证据名称（字符串）数组");
            }
            statement.set("evidence", evidence);
          }
          errors.throwIfAny();
          service.statement(parcelCode, statement, caller.userId());
          return ResponseEntity.ok(view.of(cases.latest(parcelCode).orElseThrow()));
        });
  }

  /** 听证申请 by the holder, within {@code hearing-request} of the hearing-right notice. */
  @PostMapping("/api/parcels/{parcelCode}/hearing-request")
  public ResponseEntity<?> hearingRequest(@PathVariable String parcelCode, @RequestBody(required = false) JsonNode body,
      Authentication auth, @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    ApiCaller caller = caller(auth).requireEnterprise("只有土地使用权人可以申请听证");
    visible(parcelCode, caller);
    JsonNode request = body == null ? mapper.createObjectNode() : body;
    return idempotency.execute(caller.userId(), idempotencyKey,
        "POST /api/parcels/" + parcelCode + "/hearing-request " + request, () -> {
          FieldErrors errors = new FieldErrors();
          JsonBody.unknownFields(request, HEARING_FIELDS, errors);
          String reason = request.hasNonNull("reason") ? JsonBody.text(request, "reason", 1, 2000, "申请理由", errors)
              : null;
          errors.throwIfAny();
          service.hearingRequest(parcelCode, reason, caller.userId());
          return ResponseEntity.ok(view.of(cases.latest(parcelCode).orElseThrow()));
        });
  }

  private ApiCaller caller(Authentication auth) {
    return ApiCaller.of(auth, enterpriseAccounts);
  }

  private ApiCaller staff(Authentication auth, String message) {
    if (!ApiCaller.inGroup(auth, Department.NATURAL_RESOURCES)) {
      throw new ForbiddenException(message);
    }
    return caller(auth);
  }

  /** A case the caller may read; otherwise 404, so another enterprise's parcel is not even confirmed. */
  private IdleLandCase visible(String parcelCode, ApiCaller caller) {
    return CasePages.visible(parcelCode.length() == ParcelCode.LENGTH ? cases.latest(parcelCode) : Optional.empty(), caller,
        caseAccess, IdleLandCase::holderCreditCode, IdleLandCase::processInstanceId,
        "未找到宗地 " + parcelCode + " 的闲置土地处置案件");
  }
}
