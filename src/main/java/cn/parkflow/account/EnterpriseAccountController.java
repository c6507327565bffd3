package cn.parkflow.account;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.identity.Department;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.web.ApiCaller;
import cn.parkflow.web.CasePages;
import cn.parkflow.web.FieldConflictException;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldErrors;
import cn.parkflow.web.ForbiddenException;
import cn.parkflow.web.Idempotency;
import cn.parkflow.web.JsonBody;
import cn.parkflow.web.Paging;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enterprise accounts for administrators ({@code camunda-admin}; everyone else 403): list with paging, create,
 * disable and enable, change the bound credit code (on the account's record).
 */
@RestController
@RequestMapping("/api/admin/enterprise-accounts")
public class EnterpriseAccountController {
  private static final Set<String> REBIND_FIELDS = Set.of("creditCode", "reason");
  private final RegistrationValidator validator;
  private final EnterpriseAccountService accounts;
  private final Idempotency idempotency;

  public EnterpriseAccountController(RegistrationValidator validator, EnterpriseAccountService accounts,
      Idempotency idempotency) {
    this.validator = validator;
    this.accounts = accounts;
    this.idempotency = idempotency;
  }

  /** An account with its record (opened, disabled, enabled, re-bound), oldest first. */
  public record AccountWithRecord(EnterpriseAccountService.Account account, List<RecordEntry> record) {}

  public record RecordEntry(String actor, String detail, java.time.OffsetDateTime at) {
    static RecordEntry of(CaseEvent e) {
      return new RecordEntry(e.actor(), e.detail(), cn.parkflow.time.Beijing.offset(e.occurredAt()));
    }
  }

  /** One page by login; {@code X-Total-Count} says how many there are. */
  @GetMapping
  public ResponseEntity<List<EnterpriseAccountService.Account>> list(Authentication auth,
      @RequestParam(name = "limit", defaultValue = "50") String limitText,
      @RequestParam(name = "offset", defaultValue = "0") String offsetText) {
    admin(auth);
    FieldErrors errors = new FieldErrors();
    Paging page = Paging.read(limitText, offsetText, CasePages.MAX_LIMIT, errors);
    errors.throwIfAny();
    return ResponseEntity.ok().header("X-Total-Count", Long.toString(accounts.count()))
        .body(accounts.page(page.limit(), page.offset()));
  }

  @GetMapping("/{login}")
  public AccountWithRecord get(@PathVariable String login, Authentication auth) {
    admin(auth);
    return new AccountWithRecord(accounts.get(login), accounts.record(login).stream().map(RecordEntry::of).toList());
  }

  /** 201; the initial password goes to the account's e-mail, to be changed at the first login. */
  @PostMapping
  public ResponseEntity<?> create(@RequestBody JsonNode body, Authentication auth,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    admin(auth);
    return idempotency.execute(auth.getName(), idempotencyKey, "POST /api/admin/enterprise-accounts " + body, () -> {
      FieldErrors errors = new FieldErrors();
      Registration.Application a = validator.validate(body, errors);
      errors.throwIfAny();
      List<FieldError> conflicts = accounts.conflicts(a.login(), a.creditCode(), null);
      if (!conflicts.isEmpty()) {
        throw new FieldConflictException(conflicts);
      }
      EnterpriseAccountService.Account account = accounts.open(a, auth.getName(), null, new CaseNotices.Case(
          EnterpriseAccountService.RECORD_KEY, EnterpriseAccountService.recordCode(a.login()), null));
      return ResponseEntity.created(URI.create("/api/admin/enterprise-accounts/" + a.login())).body(account);
    });
  }

  @PostMapping("/{login}/disable")
  public EnterpriseAccountService.Account disable(@PathVariable String login, Authentication auth) {
    admin(auth);
    return accounts.setDisabled(login, true, auth.getName());
  }

  @PostMapping("/{login}/enable")
  public EnterpriseAccountService.Account enable(@PathVariable String login, Authentication auth) {
    admin(auth);
    return accounts.setDisabled(login, false, auth.getName());
  }

  /** Binds the account to another credit code; {@code reason} goes on its record. */
  @PostMapping("/{login}/credit-code")
  public EnterpriseAccountService.Account rebind(@PathVariable String login, @RequestBody JsonNode body,
      Authentication auth) {
    admin(auth);
    EnterpriseAccountService.Account current = accounts.get(login);
    FieldErrors errors = new FieldErrors();
    JsonBody.unknownFields(body, REBIND_FIELDS, errors);
    String code = RegistrationValidator.creditCode(body, errors);
    String reason = JsonBody.text(body, "reason", 2, 500, "变更理由", errors);
    if (code != null && code.equals(current.creditCode())) {
      errors.add("creditCode", "统一社会信用代码（creditCode）与当前绑定的相同");
    }
    errors.throwIfAny();
    List<FieldError> conflicts = accounts.conflicts(null, code, null);
    if (!conflicts.isEmpty()) {
      throw new FieldConflictException(conflicts);
    }
    return accounts.rebind(login, code, reason, auth.getName());
  }

  private static void admin(Authentication auth) {
    if (!ApiCaller.inGroup(auth, Department.ADMINISTRATORS)) {
      throw new ForbiddenException("只有系统管理员可以管理企业账号");
    }
  }
}
