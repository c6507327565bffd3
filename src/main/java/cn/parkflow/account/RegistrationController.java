package cn.parkflow.account;

import cn.parkflow.identity.Department;
import cn.parkflow.time.Beijing;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.ClientRateLimit;
import cn.parkflow.web.FieldConflictException;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise without an account registers for one (anonymous, rate-limited per client address); park-admin and
 * administrators read a registration by its number.
 */
@RestController
@RequestMapping("/api/enterprise-registrations")
public class RegistrationController {
  /** Anonymous callers share one Idempotency-Key space; a key reused for another body is refused (409). */
  static final String IDEMPOTENCY_USER = "anonymous:enterprise-registration";

  private final RegistrationValidator validator;
  private final RegistrationService service;
  private final EnterpriseAccountService accounts;
  private final RegistrationRepository registrations;
  private final Idempotency idempotency;
  private final ClientRateLimit rateLimit;

  public RegistrationController(RegistrationValidator validator, RegistrationService service,
      EnterpriseAccountService accounts, RegistrationRepository registrations, Idempotency idempotency,
      @Qualifier("registrationRateLimit") ClientRateLimit rateLimit) {
    this.validator = validator;
    this.service = service;
    this.accounts = accounts;
    this.registrations = registrations;
    this.idempotency = idempotency;
    this.rateLimit = rateLimit;
  }

  /** A registration as its applicant and park-admin read it. */
  public record RegistrationView(String registrationNumber, String status, String enterpriseName, String creditCode,
      String contactPerson, String email, String phone, String login, String opinion, OffsetDateTime createdAt,
      OffsetDateTime decidedAt) {
    static RegistrationView of(Registration r) {
      return new RegistrationView(r.number(), r.status().label(), r.enterpriseName(), r.creditCode(),
          r.contactPerson(), r.email(), r.phone(), r.login(), r.opinion(), Beijing.offset(r.createdAt()),
          r.decidedAt() == null ? null : Beijing.offset(r.decidedAt()));
    }
  }

  /** 201 with the registration number; 400 every bad field, 409 a login taken or a disabled code, 429 too often. */
  @PostMapping
  public ResponseEntity<?> register(@RequestBody JsonNode body, HttpServletRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    String client = request.getRemoteAddr();
    rateLimit.acquire(client);
    return idempotency.execute(IDEMPOTENCY_USER, idempotencyKey, "POST /api/enterprise-registrations " + body, () -> {
      FieldErrors errors = new FieldErrors();
      Registration.Application application = validator.validate(body, errors);
      errors.throwIfAny();
      List<FieldError> conflicts = accounts.conflicts(application.login(), application.creditCode(), null);
      if (!conflicts.isEmpty()) {
        throw new FieldConflictException(conflicts);
      }
      String number = service.apply(application, client);
      return ResponseEntity.created(URI.create("/api/enterprise-registrations/" + number))
          .body(RegistrationView.of(registrations.get(number)));
    });
  }

  @GetMapping("/{number}")
  public RegistrationView get(@PathVariable String number, Authentication auth) {
    if (auth == null || !(ApiCaller.inGroup(auth, Department.PARK_ADMIN)
        || ApiCaller.inGroup(auth, Department.ADMINISTRATORS))) {
      throw new ForbiddenException("只有园区管委会和系统管理员可以查看企业账户注册申请");
    }
    return registrations.find(number).map(RegistrationView::of)
        .orElseThrow(() -> new NotFoundException("没有注册申请 " + number));
  }
}
