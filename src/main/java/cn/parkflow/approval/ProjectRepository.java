package cn.parkflow.approval;

import cn.parkflow.casefile.CaseRows;
import cn.parkflow.casefile.CaseSource;
import cn.parkflow.time.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code pf_project}. Writes join the caller's transaction (the engine's, inside delegates). */
@Repository
public class ProjectRepository implements CaseSource<Project> {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public ProjectRepository(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean exists(String projectCode) {
    Integer n = jdbc.queryForObject("select count(*) from pf_project where project_code = ?", Integer.class,
        projectCode);
    return n != null && n > 0;
  }

  public void insert(String projectCode, String processInstanceId, ProjectApplication a, String createdBy) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("""
        insert into pf_project (project_code, process_instance_id, enterprise_name, credit_code, project_name,
          industry_code, location, total_investment, fixed_asset_investment, land_area, annual_energy_tce,
          hazardous_chemicals, expected_annual_tax, contact_email, construction_scale_and_content,
          industrial_policy_declaration, annual_electricity_kwh, status, stage, created_by, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        projectCode, processInstanceId, a.enterpriseName(), a.creditCode(), a.projectName(), a.industryCode(),
        a.location(), a.totalInvestment(), a.fixedAssetInvestment(), a.landArea(), a.annualEnergyTce(),
        a.hazardousChemicals(), a.expectedAnnualTax(), a.contactEmail(), a.constructionScaleAndContent(),
        a.industrialPolicyDeclaration(), a.annualElectricityKwh(), ProjectStatus.ACCEPTING.label(),
        ProjectStage.INTAKE, createdBy, now, now);
  }

  /** The admission case the application named (issue 11); {@code null} leaves the project without one. */
  public void linkAdmission(String projectCode, String admissionNumber) {
    if (admissionNumber != null) {
      jdbc.update("update pf_project set admission_number = ? where project_code = ?", admissionNumber, projectCode);
    }
  }

  /** The case's process instance, once its start reached the registration step. */
  public void linkInstance(String projectCode, String processInstanceId) {
    jdbc.update("update pf_project set process_instance_id = ?, updated_at = ? where project_code = ?",
        processInstanceId, Timestamp.from(clock.now()), projectCode);
  }

  public void updateApplication(String projectCode, ProjectApplication a) {
    jdbc.update("""
        update pf_project set enterprise_name = ?, credit_code = ?, project_name = ?, industry_code = ?, location = ?,
          total_investment = ?, fixed_asset_investment = ?, land_area = ?, annual_energy_tce = ?,
          hazardous_chemicals = ?, expected_annual_tax = ?, contact_email = ?, construction_scale_and_content = ?,
          industrial_policy_declaration = ?, annual_electricity_kwh = ?, updated_at = ?
        where project_code = ?""",
        a.enterpriseName(), a.creditCode(), a.projectName(), a.industryCode(), a.location(), a.totalInvestment(),
        a.fixedAssetInvestment(), a.landArea(), a.annualEnergyTce(), a.hazardousChemicals(), a.expectedAnnualTax(),
        a.contactEmail(), a.constructionScaleAndContent(), a.industrialPolicyDeclaration(), a.annualElectricityKwh(),
        Timestamp.from(clock.now()), projectCode);
  }

  public void updateStatus(String projectCode, ProjectStatus status, String stage) {
    jdbc.update("update pf_project set status = ?, stage = ?, updated_at = ?, decided_at = case when ? then"
            + " coalesce(decided_at, ?) else decided_at end where project_code = ?",
        status.label(), stage, Timestamp.from(clock.now()), status.closed(), Timestamp.from(clock.now()),
        projectCode);
  }

  public void markAccepted(String projectCode, Instant acceptedAt, Instant jointReviewDue, boolean deemed) {
    jdbc.update("""
        update pf_project set status = ?, stage = ?, accepted_at = ?, joint_review_due = ?,
          deemed_accepted = deemed_accepted or ?, updated_at = ?
        where project_code = ?""",
        ProjectStatus.REVIEWING.label(), ProjectStage.DEPARTMENT_REVIEW, Timestamp.from(acceptedAt),
        Timestamp.from(jointReviewDue), deemed, Timestamp.from(clock.now()), projectCode);
  }

  public void markDeemedAccepted(String projectCode) {
    jdbc.update("update pf_project set deemed_accepted = true, updated_at = ? where project_code = ?",
        Timestamp.from(clock.now()), projectCode);
  }

  public void extendJointReview(String projectCode, Instant newDue) {
    jdbc.update("update pf_project set joint_review_due = ?, joint_review_extended = true, updated_at = ?"
        + " where project_code = ?", Timestamp.from(newDue), Timestamp.from(clock.now()), projectCode);
  }

  /** The joint limit moved (a clock pause ended, 行政许可法 Art. 45); whether it was extended stays. */
  public void moveJointReviewDue(String projectCode, Instant newDue) {
    jdbc.update("update pf_project set joint_review_due = ?, updated_at = ? where project_code = ?",
        Timestamp.from(newDue), Timestamp.from(clock.now()), projectCode);
  }

  /** The joint limit of the case of {@code processInstanceId}, when it is {@code oldDue}, becomes {@code newDue}. */
  public void moveJointReviewDue(String processInstanceId, Instant oldDue, Instant newDue) {
    jdbc.update("update pf_project set joint_review_due = ?, updated_at = ? where process_instance_id = ?"
        + " and joint_review_due = ?", Timestamp.from(newDue), Timestamp.from(clock.now()), processInstanceId,
        Timestamp.from(oldDue));
  }

  public void markLandSupplyRequired(String projectCode) {
    jdbc.update("update pf_project set land_supply_required = true, updated_at = ? where project_code = ?",
        Timestamp.from(clock.now()), projectCode);
  }

  public void markWithdrawn(String projectCode, String reason) {
    jdbc.update("update pf_project set withdrawal_reason = ? where project_code = ?", reason, projectCode);
    updateStatus(projectCode, ProjectStatus.WITHDRAWN, ProjectStage.CLOSED);
  }

  public Optional<Project> find(String projectCode) {
    return jdbc.query("select * from pf_project where project_code = ?", ProjectRepository::map, projectCode)
        .stream().findFirst();
  }

  /**
   * The case, locked until the caller's transaction ends: an applicant's request and a clerk's decision on the same
   * case then happen one after the other, and each sees the other's result.
   */
  public Project lock(String projectCode) {
    return jdbc.query("select * from pf_project where project_code = ? for update", ProjectRepository::map,
        projectCode).stream().findFirst().orElseThrow(() -> new IllegalStateException("No project " + projectCode));
  }

  public Project get(String projectCode) {
    return find(projectCode).orElseThrow(() -> new IllegalStateException("No project " + projectCode));
  }

  /** An enterprise's cases, newest first. */
  @Override
  public List<Project> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_project where credit_code = ? order by created_at desc, project_code"
        + " limit ? offset ?", ProjectRepository::map, creditCode, limit, offset);
  }

  /** The cases of these process instances, newest first. */
  @Override
  public List<Project> ofProcessInstances(List<String> processInstanceIds) {
    return CaseRows.ofProcessInstances(jdbc, "select * from pf_project where process_instance_id = any(?)"
        + " order by created_at desc, project_code", processInstanceIds, ProjectRepository::map);
  }

  /** Every case, newest first (staff). */
  @Override
  public List<Project> all(int limit, int offset) {
    return jdbc.query("select * from pf_project order by created_at desc, project_code limit ? offset ?",
        ProjectRepository::map, limit, offset);
  }

  private static Project map(ResultSet rs, int row) throws SQLException {
    ProjectApplication a = new ProjectApplication(rs.getString("enterprise_name"), rs.getString("credit_code"),
        rs.getString("project_name"), rs.getString("industry_code"), rs.getString("location"),
        plain(rs.getBigDecimal("total_investment")), plain(rs.getBigDecimal("fixed_asset_investment")),
        plain(rs.getBigDecimal("land_area")), plain(rs.getBigDecimal("annual_energy_tce")),
        rs.getBoolean("hazardous_chemicals"), plain(rs.getBigDecimal("expected_annual_tax")),
        rs.getString("contact_email"), rs.getString("construction_scale_and_content"),
        rs.getBoolean("industrial_policy_declaration"), plain(rs.getBigDecimal("annual_electricity_kwh")));
    return new Project(rs.getString("project_code"), rs.getString("process_instance_id"), a,
        ProjectStatus.ofLabel(rs.getString("status")), rs.getString("stage"), rs.getString("created_by"),
        instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "accepted_at"),
        rs.getBoolean("deemed_accepted"), instant(rs, "joint_review_due"), rs.getBoolean("joint_review_extended"),
        rs.getBoolean("land_supply_required"), instant(rs, "decided_at"), rs.getString("withdrawal_reason"),
        rs.getString("admission_number"));
  }

  /** {@code 20000.000000} → {@code 20000} (never {@code 2E+4}, which JSON clients read badly). */
  static java.math.BigDecimal plain(java.math.BigDecimal value) {
    if (value == null) {
      return null;
    }
    java.math.BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
