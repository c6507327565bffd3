package cn.parkflow.identity;

import cn.parkflow.time.EngineClock;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Binds an enterprise account to its enterprise's unified social credit code (stored as Camunda user info, mirrored in
 * {@code pf_enterprise_account} so accounts can be found by code) and keeps what Camunda's users do not hold: whether
 * the account is disabled and whether it must change its initial password first. A change of either publishes
 * {@link AccountChanged}, so a cached login forgets it.
 */
@Component
public class EnterpriseAccounts {
  static final String CREDIT_CODE_KEY = "creditCode";
  private static final String SYSTEM = "system";
  private static final RowMapper<State> STATE = (rs, i) -> new State(rs.getString("user_id"),
      rs.getString("credit_code"), rs.getBoolean("disabled"), rs.getBoolean("password_change_required"),
      rs.getString("registration_number"));
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  public EnterpriseAccounts(IdentityService identityService, JdbcTemplate jdbc, EngineClock clock,
      ApplicationEventPublisher events) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** An account's state as ParkFlow keeps it. */
  public record State(String userId, String creditCode, boolean disabled, boolean passwordChangeRequired,
      String registrationNumber) {}

  /** Published when an account is disabled, enabled, re-bound or its password changes. */
  public record AccountChanged(String userId) {}

  public Optional<String> creditCodeOf(String userId) {
    return Optional.ofNullable(identityService.getUserInfo(userId, CREDIT_CODE_KEY));
  }

  /** Binds (or re-binds) {@code userId} to {@code creditCode}; the account keeps its other state. */
  public void bind(String userId, String creditCode) {
    if (!CreditCode.isValid(creditCode)) {
      throw new IllegalArgumentException("统一社会信用代码校验位不正确: " + creditCode);
    }
    identityService.setUserInfo(userId, CREDIT_CODE_KEY, creditCode);
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("""
        insert into pf_enterprise_account (user_id, credit_code, created_by, created_at, updated_at)
        values (?, ?, ?, ?, ?)
        on conflict (user_id) do update set credit_code = excluded.credit_code, updated_at = excluded.updated_at""",
        userId, creditCode, SYSTEM, now, now);
    events.publishEvent(new AccountChanged(userId));
  }

  /**
   * Records a new account's origin (who made it, from which registration) and that it must change its initial
   * password, whose salted digest is kept until then so the change cannot keep it.
   */
  public void opened(String userId, String createdBy, String registrationNumber, String initialPassword) {
    jdbc.update("update pf_enterprise_account set created_by = ?, registration_number = ?,"
        + " password_change_required = true, initial_password_digest = ?, updated_at = ? where user_id = ?",
        createdBy, registrationNumber, PasswordDigest.of(initialPassword), Timestamp.from(clock.now()), userId);
  }

  /** Whether {@code password} is the account's initial password (false once it has been changed). */
  public boolean isInitialPassword(String userId, String password) {
    return jdbc.queryForList("select initial_password_digest from pf_enterprise_account where user_id = ?"
        + " and initial_password_digest is not null", String.class, userId).stream()
        .anyMatch(d -> PasswordDigest.matches(d, password));
  }

  public Optional<State> state(String userId) {
    return jdbc.query("select * from pf_enterprise_account where user_id = ?", STATE, userId).stream().findFirst();
  }

  public void setDisabled(String userId, boolean disabled) {
    jdbc.update("update pf_enterprise_account set disabled = ?, updated_at = ? where user_id = ?", disabled,
        Timestamp.from(clock.now()), userId);
    events.publishEvent(new AccountChanged(userId));
  }

  /** The account chose its own password: the initial one is no longer asked to be changed. */
  public void passwordChanged(String userId) {
    jdbc.update("update pf_enterprise_account set password_change_required = false, initial_password_digest = null,"
        + " updated_at = ? where user_id = ?", Timestamp.from(clock.now()), userId);
    events.publishEvent(new AccountChanged(userId));
  }

  /** Forgets what ParkFlow kept about a login whose Camunda user is gone (deleted in Camunda Admin). */
  public void forget(String userId) {
    jdbc.update("delete from pf_enterprise_account where user_id = ?", userId);
  }

  /** The accounts bound to {@code creditCode}, disabled ones too. */
  public List<State> boundTo(String creditCode) {
    return jdbc.query("select * from pf_enterprise_account where credit_code = ? order by user_id", STATE,
        creditCode);
  }
}
