package cn.parkflow.land;

import cn.parkflow.casefile.CaseRows;
import cn.parkflow.casefile.CaseSource;
import cn.parkflow.casefile.JsonText;
import cn.parkflow.time.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code pf_land_case} and {@code pf_land_payment}. Writes join the caller's transaction (the engine's, in steps). */
@Repository
public class LandCaseRepository implements CaseSource<LandCase> {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final JsonText json;

  public LandCaseRepository(JdbcTemplate jdbc, EngineClock clock, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = new JsonText(mapper, "pf_land_case");
  }

  /** What a case starts with. */
  public record NewCase(String caseKey, String parcelCode, String projectCode, String admissionNumber,
      String creditCode, String enterpriseName, ParcelFacts parcel, BigDecimal areaMu, String createdBy) {}

  public long insert(NewCase c) {
    Timestamp now = Timestamp.from(clock.now());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          insert into pf_land_case (case_key, parcel_code, project_code, admission_number, status, stage, credit_code,
            enterprise_name, location, area_mu, land_grade, industry_code, planned_use, created_by, created_at,
            updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ParcelFacts p = c.parcel();
      ps.setString(1, c.caseKey());
      ps.setString(2, c.parcelCode());
      ps.setString(3, c.projectCode());
      ps.setString(4, c.admissionNumber());
      ps.setString(5, LandStatus.DESIGNATING.label());
      ps.setString(6, LandStage.DESIGNATION);
      ps.setString(7, c.creditCode());
      ps.setString(8, c.enterpriseName());
      ps.setString(9, p == null ? null : p.location());
      ps.setBigDecimal(10, p == null ? c.areaMu() : p.areaMu());
      ps.setObject(11, p == null ? null : p.landGrade());
      ps.setString(12, p == null ? null : p.industryCode());
      ps.setString(13, p == null ? null : p.plannedUse());
      ps.setString(14, c.createdBy());
      ps.setTimestamp(15, now);
      ps.setTimestamp(16, now);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public void linkInstance(long id, String processInstanceId) {
    update(id, "process_instance_id = ?", processInstanceId);
  }

  public void updateStatus(long id, LandStatus status, String stage, boolean ends) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update pf_land_case set status = ?, stage = ?, updated_at = ?,"
        + " ended_at = case when ? then ? else ended_at end where id = ?", status.label(), stage, now, ends, now, id);
  }

  /** Only the stage (a case that ends without a new status: no quota, requisition refused). */
  public void end(long id, String stage) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update pf_land_case set stage = ?, ended_at = ?, updated_at = ? where id = ?", stage, now, now, id);
  }

  public void recordParcel(long id, String caseKey, ParcelFacts p, String quota) {
    update(id, "case_key = ?, parcel_code = ?, location = ?, area_mu = ?, land_grade = ?, industry_code = ?,"
        + " planned_use = ?, quota = ?", caseKey, p.parcelCode(), p.location(), p.areaMu(), p.landGrade(),
        p.industryCode(), p.plannedUse(), quota);
  }

  /** The case record follows the case's new key (entries written under the project code before designation). */
  public void rekeyRecord(String oldKey, String newKey) {
    jdbc.update("update pf_case_event set case_code = ? where case_code = ? and process_key = ?", newKey, oldKey,
        LandSupplyProcess.KEY);
  }

  public void recordRequisition(long id, JsonNode requisition) {
    update(id, "requisition = cast(? as jsonb)", write(requisition));
  }

  public void recordPlanning(long id, JsonNode planning) {
    update(id, "planning = cast(? as jsonb)", write(planning));
  }

  public void recordReservePrice(long id, BigDecimal reservePrice, BigDecimal minimumPrice) {
    update(id, "reserve_price = ?, minimum_price = ?", reservePrice, minimumPrice);
  }

  public void countListing(long id) {
    update(id, "listings = listings + 1");
  }

  public void recordSale(long id, String winnerCreditCode, String winnerName, boolean winnerIsApplicant,
      BigDecimal salePrice, LocalDate soldOn, LocalDate publishBy) {
    update(id, "winner_credit_code = ?, winner_name = ?, winner_is_applicant = ?, sale_price = ?, sold_on = ?,"
        + " results_publish_by = ?, credit_code = ?, enterprise_name = ?", winnerCreditCode, winnerName,
        winnerIsApplicant, salePrice, soldOn, publishBy, winnerCreditCode, winnerName);
  }

  public void recordContract(long id, JsonNode contract) {
    update(id, "contract = cast(? as jsonb)", write(contract));
  }

  public void recordHandOver(long id, LocalDate actual) {
    update(id, "actual_hand_over = ?", actual);
  }

  public void recordTitle(long id, String titleNumber) {
    update(id, "title_number = ?", titleNumber);
  }

  private void update(long id, String set, Object... args) {
    Object[] all = new Object[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = Timestamp.from(clock.now());
    all[args.length + 1] = id;
    jdbc.update("update pf_land_case set " + set + ", updated_at = ? where id = ?", all);
  }

  // --- payments --------------------------------------------------------------------------------------------------

  /** One payment of the contract. {@code extendedTo}: a later date the county government allowed. */
  public record Payment(int seq, String name, LocalDate dueOn, BigDecimal amount, LocalDate extendedTo,
      LocalDate paidOn, BigDecimal paidAmount, BigDecimal penalty) {
    /** The date the payment is due now (the allowed later date, if any). */
    public LocalDate currentDue() {
      return extendedTo != null ? extendedTo : dueOn;
    }
  }

  public void insertPayment(long id, int seq, String name, LocalDate dueOn, BigDecimal amount) {
    jdbc.update("insert into pf_land_payment (land_case_id, seq, name, due_on, amount) values (?, ?, ?, ?, ?)", id,
        seq, name, dueOn, amount);
  }

  public List<Payment> payments(long id) {
    return jdbc.query("select * from pf_land_payment where land_case_id = ? order by seq", (rs, i) -> new Payment(
        rs.getInt("seq"), rs.getString("name"), rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("amount"),
        rs.getObject("extended_to", LocalDate.class), rs.getObject("paid_on", LocalDate.class),
        rs.getBigDecimal("paid_amount"), rs.getBigDecimal("penalty")), id);
  }

  public void recordPaid(long id, int seq, LocalDate paidOn, BigDecimal paidAmount, BigDecimal penalty) {
    jdbc.update("update pf_land_payment set paid_on = ?, paid_amount = ?, penalty = ?"
        + " where land_case_id = ? and seq = ?",
        paidOn, paidAmount, penalty, id, seq);
  }

  public void extendPayment(long id, int seq, LocalDate to) {
    jdbc.update("update pf_land_payment set extended_to = ? where land_case_id = ? and seq = ?", to, id, seq);
  }

  // --- reads -----------------------------------------------------------------------------------------------------

  public LandCase get(long id) {
    return jdbc.query("select * from pf_land_case where id = ?", this::map, id).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No land case " + id));
  }

  /** The case, locked until the caller's transaction ends. */
  public LandCase lock(long id) {
    return jdbc.query("select * from pf_land_case where id = ? for update", this::map, id).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No land case " + id));
  }

  /** The newest case under this key (a parcel code or, before designation, a project code). */
  public Optional<LandCase> findByKey(String key) {
    return jdbc.query("select * from pf_land_case where case_key = ? order by created_at desc, id desc limit 1",
        this::map, key).stream().findFirst();
  }

  /** When the next case under the same key was created after {@code c} (the parcel supplied again), if any. */
  public Optional<Instant> nextCreated(LandCase c) {
    return jdbc.query("select created_at from pf_land_case where case_key = ? and (created_at > ? or (created_at = ?"
        + " and id > ?)) order by created_at, id limit 1", (rs, i) -> rs.getTimestamp(1).toInstant(), c.caseKey(),
        Timestamp.from(c.createdAt()), Timestamp.from(c.createdAt()), c.id()).stream().findFirst();
  }

  /** The newest case of the project. */
  public Optional<LandCase> findByProject(String projectCode) {
    return jdbc.query("select * from pf_land_case where project_code = ? order by created_at desc, id desc limit 1",
        this::map, projectCode).stream().findFirst();
  }

  /** Whether a case still running holds this parcel code (other than {@code exceptId}). */
  public boolean openCaseHolds(String parcelCode, long exceptId) {
    Integer n = jdbc.queryForObject("select count(*) from pf_land_case where parcel_code = ? and ended_at is null"
        + " and status <> ? and id <> ?", Integer.class, parcelCode, LandStatus.WATCHED.label(), exceptId);
    return n != null && n > 0;
  }

  @Override
  public List<LandCase> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_land_case where credit_code = ? order by created_at desc, id desc"
        + " limit ? offset ?", this::map, creditCode, limit, offset);
  }

  @Override
  public List<LandCase> all(int limit, int offset) {
    return jdbc.query("select * from pf_land_case order by created_at desc, id desc limit ? offset ?", this::map,
        limit, offset);
  }

  @Override
  public List<LandCase> ofProcessInstances(List<String> ids) {
    return CaseRows.ofProcessInstances(jdbc, "select * from pf_land_case where process_instance_id = any(?)"
        + " order by created_at desc, id desc", ids, this::map);
  }

  private LandCase map(ResultSet rs, int row) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new LandCase(rs.getLong("id"), rs.getString("case_key"), rs.getString("parcel_code"),
        rs.getString("project_code"), rs.getString("admission_number"), rs.getString("process_instance_id"),
        LandStatus.ofLabel(rs.getString("status")), rs.getString("stage"), rs.getString("credit_code"),
        rs.getString("enterprise_name"), rs.getString("location"), plain(rs.getBigDecimal("area_mu")),
        (Integer) rs.getObject("land_grade"), rs.getString("industry_code"), rs.getString("planned_use"),
        rs.getString("quota"), read(rs.getString("requisition")), read(rs.getString("planning")),
        rs.getBigDecimal("reserve_price"), rs.getBigDecimal("minimum_price"), rs.getInt("listings"),
        rs.getString("winner_credit_code"), rs.getString("winner_name"), (Boolean) rs.getObject("winner_is_applicant"),
        rs.getBigDecimal("sale_price"), rs.getObject("sold_on", LocalDate.class),
        rs.getObject("results_publish_by", LocalDate.class), read(rs.getString("contract")),
        rs.getObject("actual_hand_over", LocalDate.class), rs.getString("title_number"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant());
  }

  private static BigDecimal plain(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros();
  }

  private String write(JsonNode node) {
    return json.write(node);
  }

  private JsonNode read(String text) {
    return json.read(text);
  }
}
