package cn.parkflow.land;

import cn.parkflow.identity.CaseAccess;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.CasePages;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /api/parcels}: a natural-resources clerk puts a prepared parcel up for supply; everyone follows the parcels
 * {@link CaseAccess} lets them see (an enterprise: the parcels it won, or its project's before the sale). Another
 * enterprise's parcel answers 404.
 */
@RestController
@RequestMapping("/api/parcels")
public class ParcelController {
  /** A parcel code, or a project code (a case started from a project before its parcel is designated). */
  private static final Pattern KEY = Pattern.compile("[0-9A-Z]{19}|[0-9A-Z-]{20,30}");

  private final ParcelValidator validator;
  private final LandSupplyService service;
  private final LandCaseRepository cases;
  private final ParcelView view;
  private final EnterpriseAccounts enterpriseAccounts;
  private final Idempotency idempotency;
  private final CaseAccess caseAccess;

  public ParcelController(ParcelValidator validator, LandSupplyService service, LandCaseRepository cases,
      ParcelView view, EnterpriseAccounts enterpriseAccounts, Idempotency idempotency, CaseAccess caseAccess) {
    this.validator = validator;
    this.service = service;
    this.cases = cases;
    this.view = view;
    this.enterpriseAccounts = enterpriseAccounts;
    this.idempotency = idempotency;
    this.caseAccess = caseAccess;
  }

  @PostMapping
  public ResponseEntity<?> create(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    if (!ApiCaller.inGroup(auth, Department.NATURAL_RESOURCES)) {
      throw new ForbiddenException("只有自然资源和规划局工作人员可以登记出让宗地");
    }
    return idempotency.execute(auth.getName(), idempotencyKey, "POST /api/parcels " + body, () -> {
      FieldErrors errors = new FieldErrors();
      ParcelFacts parcel = validator.validate(body, errors);
      errors.throwIfAny();
      String code = service.startForParcel(parcel, auth.getName(), null);
      return ResponseEntity.created(URI.create("/api/parcels/" + code))
          .body(view.of(cases.findByKey(code).orElseThrow()));
    });
  }

  @GetMapping
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<Map<String, Object>> list(Authentication auth,
      @RequestParam(name = "limit", defaultValue = "50") String limitText,
      @RequestParam(name = "offset", defaultValue = "0") String offsetText) {
    return CasePages.read(caller(auth), limitText, offsetText, caseAccess, LandSupplyProcess.KEY, cases).stream()
        .map(view::of).toList();
  }

  @GetMapping("/{code}")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Map<String, Object> get(@PathVariable String code, Authentication auth) {
    return view.of(CasePages.visible(KEY.matcher(code).matches() ? cases.findByKey(code) : Optional.empty(),
        caller(auth), caseAccess, LandCase::creditCode, LandCase::processInstanceId, "未找到宗地 " + code));
  }

  private ApiCaller caller(Authentication auth) {
    return ApiCaller.of(auth, enterpriseAccounts);
  }
}
