package cn.parkflow.account;

import cn.parkflow.casefile.CaseSource;
import cn.parkflow.time.EngineClock;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code pf_enterprise_registration}. Writes join the caller's transaction (the engine's, inside delegates). */
@Repository
public class RegistrationRepository implements CaseSource<Registration> {
  private static final RowMapper<Registration> ROW = (rs, i) -> new Registration(rs.getString("registration_number"),
      rs.getString("process_instance_id"), rs.getString("enterprise_name"), rs.getString("credit_code"),
      rs.getString("contact_person"), rs.getString("email"), rs.getString("phone"), rs.getString("login"),
      RegistrationStatus.ofLabel(rs.getString("status")), rs.getString("opinion"), rs.getString("decided_by"),
      rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
      rs.getTimestamp("created_at").toInstant());

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public RegistrationRepository(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The next registration sequence number (never reused, so a number is never drawn twice). */
  public long nextSequence() {
    Long next = jdbc.queryForObject("select nextval('pf_enterprise_registration_seq')", Long.class);
    return next == null ? 0 : next;
  }

  public boolean exists(String number) {
    Integer n = jdbc.queryForObject("select count(*) from pf_enterprise_registration where registration_number = ?",
        Integer.class, number);
    return n != null && n > 0;
  }

  /** Whether a registration other than {@code except} waits for verification with this login (without case). */
  public boolean loginPending(String login, String except) {
    Integer n = jdbc.queryForObject("select count(*) from pf_enterprise_registration where lower(login) = lower(?)"
        + " and status = ? and registration_number <> ?", Integer.class, login, RegistrationStatus.PENDING.label(),
        except == null ? "" : except);
    return n != null && n > 0;
  }

  public void insert(String number, Registration.Application a, String clientAddress) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("""
        insert into pf_enterprise_registration (registration_number, enterprise_name, credit_code, contact_person,
          email, phone, login, status, client_address, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", number, a.enterpriseName(), a.creditCode(), a.contactPerson(),
        a.email(), a.phone(), a.login(), RegistrationStatus.PENDING.label(), clientAddress, now, now);
  }

  public void linkInstance(String number, String processInstanceId) {
    jdbc.update("update pf_enterprise_registration set process_instance_id = ?, updated_at = ?"
        + " where registration_number = ?", processInstanceId, Timestamp.from(clock.now()), number);
  }

  public void updateStatus(String number, RegistrationStatus status, String opinion, String decidedBy) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update pf_enterprise_registration set status = ?, opinion = ?, decided_by = ?, decided_at = ?,"
        + " updated_at = ? where registration_number = ?", status.label(), opinion, decidedBy, now, now, number);
  }

  public Optional<Registration> find(String number) {
    return jdbc.query("select * from pf_enterprise_registration where registration_number = ?", ROW, number)
        .stream().findFirst();
  }

  public Registration get(String number) {
    return find(number).orElseThrow(() -> new IllegalStateException("No registration " + number));
  }

  @Override
  public List<Registration> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_enterprise_registration where credit_code = ? order by created_at desc,"
        + " registration_number limit ? offset ?", ROW, creditCode, limit, offset);
  }

  @Override
  public List<Registration> all(int limit, int offset) {
    return jdbc.query("select * from pf_enterprise_registration order by created_at desc, registration_number"
        + " limit ? offset ?", ROW, limit, offset);
  }

  @Override
  public List<Registration> ofProcessInstances(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return new NamedParameterJdbcTemplate(jdbc).query("select * from pf_enterprise_registration where"
        + " process_instance_id in (:ids) order by created_at desc, registration_number",
        new MapSqlParameterSource("ids", processInstanceIds), ROW);
  }
}
