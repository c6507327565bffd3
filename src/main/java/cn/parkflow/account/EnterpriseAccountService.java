package cn.parkflow.account;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseItemNotFoundException;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.identity.Department;
import cn.parkflow.identity.EnterpriseAccounts;
import cn.parkflow.mail.CaseNotices;
import cn.parkflow.web.FieldError;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life cycle of an enterprise account: opened (from a verified registration or by an administrator) with an
 * initial password that must be changed first (ADR 0013), disabled and enabled, re-bound to another credit code. Each
 * step is on the account's own record ({@code account:<login>}). Several accounts may share one credit code; a code
 * bound to a disabled account gets no new account (enable that one instead).
 */
@Service
public class EnterpriseAccountService {
  /** The process key under which an account's record and notices are kept (no process of its own). */
  public static final String RECORD_KEY = "enterprise-account";
  static final String PASSWORD_CHARACTERS = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
  static final int INITIAL_PASSWORD_LENGTH = 14;
  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD = 64;

  private final IdentityService identityService;
  private final EnterpriseAccounts accounts;
  private final RegistrationRepository registrations;
  private final CaseRecord caseRecord;
  private final CaseNotices caseNotices;
  private final String baseUrl;
  private final SecureRandom random = new SecureRandom();

  public EnterpriseAccountService(IdentityService identityService, EnterpriseAccounts accounts,
      RegistrationRepository registrations, CaseRecord caseRecord, CaseNotices caseNotices,
      @Value("${parkflow.base-url}") String baseUrl) {
    this.identityService = identityService;
    this.accounts = accounts;
    this.registrations = registrations;
    this.caseRecord = caseRecord;
    this.caseNotices = caseNotices;
    this.baseUrl = baseUrl;
  }

  /** An enterprise account as administrators see it; {@code creditCode} is null for an account never bound. */
  public record Account(String login, String enterpriseName, String contactPerson, String email, String creditCode,
      boolean disabled, boolean passwordChangeRequired, String registrationNumber) {}

  /** The code of an account's own record. */
  public static String recordCode(String login) {
    return "account:" + login;
  }

  /**
   * What stands against opening {@code login} for {@code creditCode}: the login is taken (an existing user, or a
   * registration waiting for it other than {@code ownRegistration}), or the code is bound to a disabled account.
   */
  public List<FieldError> conflicts(String login, String creditCode, String ownRegistration) {
    List<FieldError> conflicts = new ArrayList<>();
    if (login != null && (userExists(login) || registrations.loginPending(login, ownRegistration))) {
      conflicts.add(new FieldError("login", "登录名（login）“" + login + "”已被占用，请另选一个"));
    }
    if (creditCode != null) {
      accounts.boundTo(creditCode).stream().filter(s -> s.disabled() && userExists(s.userId())).findFirst()
          .ifPresent(s ->
          conflicts.add(new FieldError("creditCode", "统一社会信用代码（creditCode）" + creditCode + " 绑定的账号 "
              + s.userId() + " 已停用，不能为其开通新账号；请联系园区管委会")));
    }
    return conflicts;
  }

  private boolean userExists(String login) {
    return asSystem(() -> identityService.createUserQuery().userId(login).count() > 0
        || identityService.createUserQuery().userId(login.toLowerCase(java.util.Locale.ROOT)).count() > 0);
  }

  /**
   * Opens the account: a Camunda user in group {@code enterprise} bound to the code, with a random initial password
   * sent to the applicant's e-mail ({@code about} names the case the notice belongs to), to be changed first.
   */
  @Transactional
  public Account open(Registration.Application a, String createdBy, String registrationNumber,
      CaseNotices.Case about) {
    String password = initialPassword();
    accounts.forget(a.login()); // a deleted account's state must not pass to a new one of the same login
    asSystem(() -> {
      User user = identityService.newUser(a.login());
      user.setFirstName(a.enterpriseName());
      user.setLastName(a.contactPerson());
      user.setEmail(a.email());
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(a.login(), Department.ENTERPRISE.groupId());
      return null;
    });
    accounts.bind(a.login(), a.creditCode());
    accounts.opened(a.login(), createdBy, registrationNumber, password);
    record(a.login(), createdBy, "开通企业账户，绑定统一社会信用代码 " + a.creditCode()
        + (registrationNumber == null ? "（系统管理员创建）" : "（注册申请 " + registrationNumber + " 核验通过）")
        + "；初始密码已发送至 " + a.email() + "，首次登录须修改");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("enterpriseName", a.enterpriseName());
    model.put("contactPerson", a.contactPerson());
    model.put("creditCode", a.creditCode());
    model.put("login", a.login());
    model.put("password", password);
    model.put("fromRegistration", registrationNumber != null);
    model.put("registrationNumber", registrationNumber == null ? "" : registrationNumber);
    model.put("baseUrl", baseUrl);
    caseNotices.send(about, RegistrationProcess.Notices.ACCOUNT_OPENED, "opened", List.of(a.email()),
        Department.PARK_ADMIN.groupId(), model);
    // not read back: inside a task completion the engine flushes the new user only when the command ends
    return new Account(a.login(), a.enterpriseName(), a.contactPerson(), a.email(), a.creditCode(), false, true,
        registrationNumber);
  }

  @Transactional
  public Account setDisabled(String login, boolean disabled, String actor) {
    Account account = get(login);
    if (account.creditCode() == null) {
      throw new cn.parkflow.casefile.CaseStateException("账号 " + login + " 尚未绑定统一社会信用代码，请先绑定");
    }
    if (account.disabled() != disabled) {
      accounts.setDisabled(login, disabled);
      record(login, actor, disabled ? "停用企业账户：不能再登录 /api、/engine-rest 和管理界面" : "启用企业账户");
    }
    return get(login);
  }

  /** Binds the account to another code (or binds one made in Camunda Admin for the first time), on its record. */
  @Transactional
  public Account rebind(String login, String creditCode, String reason, String actor) {
    Account account = get(login);
    accounts.bind(login, creditCode);
    record(login, actor, (account.creditCode() == null ? "绑定统一社会信用代码 " + creditCode
        : "变更绑定的统一社会信用代码：" + account.creditCode() + " → " + creditCode) + "；理由：" + reason);
    return get(login);
  }

  /** The account chooses its own password; the problems with {@code newPassword}, empty when it was changed. */
  @Transactional
  public List<FieldError> changePassword(String userId, String newPassword) {
    List<FieldError> problems = new ArrayList<>();
    int length = newPassword.codePointCount(0, newPassword.length());
    if (length < MIN_PASSWORD || length > MAX_PASSWORD || !newPassword.chars().anyMatch(Character::isLetter)
        || !newPassword.chars().anyMatch(Character::isDigit)) {
      problems.add(new FieldError("newPassword", "新密码（newPassword）须为 " + MIN_PASSWORD + "–" + MAX_PASSWORD
          + " 个字符，且同时含字母和数字"));
    } else if (newPassword.toLowerCase(java.util.Locale.ROOT).contains(userId.toLowerCase(java.util.Locale.ROOT))) {
      problems.add(new FieldError("newPassword", "新密码（newPassword）不能包含登录名"));
    } else if (accounts.isInitialPassword(userId, newPassword)) {
      problems.add(new FieldError("newPassword", "新密码（newPassword）不能与初始密码相同"));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    asSystem(() -> {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      user.setPassword(newPassword);
      identityService.saveUser(user);
      return null;
    });
    boolean enterprise = accounts.state(userId).isPresent();
    accounts.passwordChanged(userId);
    if (enterprise) {
      record(userId, userId, "账户本人修改了密码");
    }
    return problems;
  }

  public Account get(String login) {
    User user = asSystem(() -> identityService.createUserQuery().userId(login)
        .memberOfGroup(Department.ENTERPRISE.groupId()).singleResult());
    if (user == null) {
      throw new CaseItemNotFoundException("没有企业账号 " + login);
    }
    return account(user);
  }

  /** Enterprise accounts by login, one page. */
  public List<Account> page(int limit, int offset) {
    return asSystem(() -> identityService.createUserQuery().memberOfGroup(Department.ENTERPRISE.groupId())
        .orderByUserId().asc().listPage(offset, limit)).stream().map(this::account).toList();
  }

  public long count() {
    return asSystem(() -> identityService.createUserQuery().memberOfGroup(Department.ENTERPRISE.groupId()).count());
  }

  /** The account's record, oldest first. */
  public List<CaseEvent> record(String login) {
    return caseRecord.of(recordCode(login));
  }

  private Account account(User user) {
    EnterpriseAccounts.State state = accounts.state(user.getId()).orElse(null);
    return new Account(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
        state == null ? accounts.creditCodeOf(user.getId()).orElse(null) : state.creditCode(),
        state != null && state.disabled(), state != null && state.passwordChangeRequired(),
        state == null ? null : state.registrationNumber());
  }

  private void record(String login, String actor, String detail) {
    caseRecord.add(CaseEvent.of(recordCode(login), RECORD_KEY, null, CaseEvent.STATUS_CHANGED)
        .step("account", "企业账户", null, Department.PARK_ADMIN.groupId()).by(actor, null).detail(detail));
  }

  private String initialPassword() {
    StringBuilder password = new StringBuilder();
    while (password.length() < INITIAL_PASSWORD_LENGTH || password.chars().noneMatch(Character::isDigit)
        || password.chars().noneMatch(Character::isLetter)) {
      if (password.length() >= INITIAL_PASSWORD_LENGTH) {
        password.setLength(0);
      }
      password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
    }
    return password.toString();
  }

  /**
   * Runs identity work as the system: a clerk verifying a registration (or an administrator's API call) has no
   * authorization of its own to create users; the use case decides who may do this, not the engine.
   */
  private <T> T asSystem(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
