package cn.parkflow.onboarding;

import cn.parkflow.casefile.CaseRows;
import cn.parkflow.casefile.CaseSource;
import cn.parkflow.casefile.JsonText;
import cn.parkflow.time.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code pf_admission}. Writes join the caller's transaction (the engine's, inside delegates). */
@Repository
public class AdmissionRepository implements CaseSource<Admission> {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  /** Decimals are read back exactly as they were stored. */
  private final JsonText json;

  public AdmissionRepository(JdbcTemplate jdbc, EngineClock clock, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = new JsonText(mapper, "pf_admission");
  }

  public boolean exists(String number) {
    Integer n = jdbc.queryForObject("select count(*) from pf_admission where admission_number = ?", Integer.class,
        number);
    return n != null && n > 0;
  }

  public void insert(String number, AdmissionApplication a, String createdBy) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("""
        insert into pf_admission (admission_number, credit_code, enterprise_name, project_name, application, status,
          stage, created_by, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, a.creditCode(), a.enterpriseName(), a.projectName(), json.write(a.fields()),
        AdmissionStatus.PRELIMINARY.label(), AdmissionStage.SCREENING, createdBy, now, now);
  }

  public void linkInstance(String number, String processInstanceId) {
    jdbc.update("update pf_admission set process_instance_id = ?, updated_at = ? where admission_number = ?",
        processInstanceId, Timestamp.from(clock.now()), number);
  }

  public void updateStatus(String number, AdmissionStatus status, String stage) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update pf_admission set status = ?, stage = ?, updated_at = ?, decided_at = case when ? then"
        + " coalesce(decided_at, ?) else decided_at end where admission_number = ?",
        status.label(), stage, now, status.closed() || status == AdmissionStatus.SIGNED, now, number);
  }

  public void recordScreening(String number, String result, String reasons) {
    jdbc.update("update pf_admission set screening_result = ?, screening_reasons = ?, updated_at = ?"
        + " where admission_number = ?", result, reasons, Timestamp.from(clock.now()), number);
  }

  public void markIncentivesEscalated(String number) {
    jdbc.update("update pf_admission set incentives_escalated = true, updated_at = ? where admission_number = ?",
        Timestamp.from(clock.now()), number);
  }

  public void recordAgreement(String number, JsonNode agreement) {
    jdbc.update("update pf_admission set agreement = ?, updated_at = ? where admission_number = ?",
        json.write(agreement), Timestamp.from(clock.now()), number);
  }

  public void recordLiaison(String number, String liaison, String leader) {
    jdbc.update("update pf_admission set liaison = ?, leader = ?, updated_at = ? where admission_number = ?",
        liaison, leader, Timestamp.from(clock.now()), number);
  }

  public void recordWithdrawalReason(String number, String reason) {
    jdbc.update("update pf_admission set withdrawal_reason = ? where admission_number = ?", reason, number);
  }

  /** One reported milestone. */
  public record MilestoneReport(String milestone, java.time.LocalDate agreed, java.time.LocalDate reported,
      java.math.BigDecimal investedAmount, String note, String progressColour, java.math.BigDecimal actualTax) {}

  public void insertMilestone(String number, MilestoneReport r, String reportedBy) {
    jdbc.update("""
        insert into pf_admission_milestone (admission_number, milestone, agreed_date, reported_date, invested_amount,
          note, progress_colour, reported_by, reported_at, actual_tax, actual_tax_reported_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", number, r.milestone(), r.agreed(), r.reported(), r.investedAmount(),
        r.note(), r.progressColour(), reportedBy, Timestamp.from(clock.now()), r.actualTax(),
        r.actualTax() == null ? null : Timestamp.from(clock.now()));
  }

  /** The first year's tax at full output, reported after the full-output milestone itself. */
  public void recordActualTax(String number, String milestone, java.math.BigDecimal actualTax) {
    jdbc.update("update pf_admission_milestone set actual_tax = ?, actual_tax_reported_at = ? where admission_number = ?"
        + " and milestone = ?", actualTax, Timestamp.from(clock.now()), number, milestone);
  }

  public List<MilestoneReport> milestones(String number) {
    return jdbc.query("select * from pf_admission_milestone where admission_number = ? order by reported_date",
        (rs, row) -> new MilestoneReport(rs.getString("milestone"), rs.getObject("agreed_date",
            java.time.LocalDate.class), rs.getObject("reported_date", java.time.LocalDate.class),
            rs.getBigDecimal("invested_amount"), rs.getString("note"), rs.getString("progress_colour"),
            rs.getBigDecimal("actual_tax")), number);
  }

  /**
   * Records that {@code recipient} ({@code enterprise} or {@code liaison}) was warned of {@code milestone}.
   *
   * @return whether this is the first warning (false when a scan, here or on another node, already sent it)
   */
  public boolean markWarned(String number, String milestone, String recipient, java.time.LocalDate agreed) {
    return jdbc.update("""
        insert into pf_admission_milestone_warning (admission_number, milestone, recipient, agreed_date, warned_at)
        values (?, ?, ?, ?, ?) on conflict do nothing""", number, milestone, recipient, agreed,
        Timestamp.from(clock.now())) == 1;
  }

  /** A project-approval case that named this admission ({@code pf_project.admission_number}). */
  public record LinkedProject(String projectCode, String projectName, String status) {}

  /** The project-approval cases that named the admission, oldest first (read from the project slice's table). */
  public List<LinkedProject> linkedProjects(String number) {
    return jdbc.query("select project_code, project_name, status from pf_project where admission_number = ?"
        + " order by created_at, project_code", (rs, row) -> new LinkedProject(rs.getString("project_code"),
            rs.getString("project_name"), rs.getString("status")), number);
  }

  public void updateProgressColour(String number, String colour) {
    jdbc.update("update pf_admission set progress_colour = ?, updated_at = ? where admission_number = ?", colour,
        Timestamp.from(clock.now()), number);
  }

  /** The cases between the agreement and full output, whose progress is rated each month. */
  public List<Admission> inProgress() {
    return jdbc.query("select * from pf_admission where status in (?, ?, ?, ?) order by admission_number", this::map,
        AdmissionStatus.SIGNED.label(), AdmissionStatus.STARTED.label(), AdmissionStatus.COMPLETED.label(),
        AdmissionStatus.PRODUCING.label());
  }

  public Optional<Admission> find(String number) {
    return jdbc.query("select * from pf_admission where admission_number = ?", this::map, number).stream()
        .findFirst();
  }

  /** The case, locked until the caller's transaction ends (an enterprise's withdrawal against a clerk's decision). */
  public Admission lock(String number) {
    return jdbc.query("select * from pf_admission where admission_number = ? for update", this::map, number).stream()
        .findFirst().orElseThrow(() -> new IllegalStateException("No admission " + number));
  }

  public Admission get(String number) {
    return find(number).orElseThrow(() -> new IllegalStateException("No admission " + number));
  }

  @Override
  public List<Admission> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_admission where credit_code = ? order by created_at desc, admission_number"
        + " limit ? offset ?", this::map, creditCode, limit, offset);
  }

  @Override
  public List<Admission> ofProcessInstances(List<String> ids) {
    return CaseRows.ofProcessInstances(jdbc, "select * from pf_admission where process_instance_id = any(?)"
        + " order by created_at desc, admission_number", ids, this::map);
  }

  @Override
  public List<Admission> all(int limit, int offset) {
    return jdbc.query("select * from pf_admission order by created_at desc, admission_number limit ? offset ?",
        this::map, limit, offset);
  }

  private Admission map(ResultSet rs, int row) throws SQLException {
    Timestamp created = rs.getTimestamp("created_at");
    Timestamp decided = rs.getTimestamp("decided_at");
    return new Admission(rs.getString("admission_number"), rs.getString("process_instance_id"),
        new AdmissionApplication((ObjectNode) json.read(rs.getString("application"))),
        AdmissionStatus.ofLabel(rs.getString("status")), rs.getString("stage"), rs.getString("screening_result"),
        rs.getString("screening_reasons"), json.read(rs.getString("agreement")), rs.getString("liaison"),
        rs.getString("leader"), rs.getBoolean("incentives_escalated"), rs.getString("withdrawal_reason"),
        rs.getString("created_by"), created.toInstant(), decided == null ? null : decided.toInstant(),
        rs.getString("progress_colour"));
  }
}
