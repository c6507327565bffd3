package cn.parkflow.construction;

import cn.parkflow.casefile.CaseRows;
import cn.parkflow.casefile.CaseSource;
import cn.parkflow.parcel.ParcelContract;
import cn.parkflow.time.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

/** {@code pf_construction_watch} and {@code pf_construction_report}. Writes join the caller's transaction. */
@Repository
public class ConstructionRepository implements CaseSource<ConstructionWatch> {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final ObjectMapper mapper;
  private final ObjectReader exact;

  public ConstructionRepository(JdbcTemplate jdbc, EngineClock clock, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.mapper = mapper;
    this.exact = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  public long insert(ParcelContract contract, LocalDate titleRegisteredOn) {
    Timestamp now = Timestamp.from(clock.now());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("""
          insert into pf_construction_watch (parcel_code, land_case_key, holder_credit_code, holder_name,
            title_number, contract, status, title_registered_on, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setString(1, contract.parcelCode());
      ps.setString(2, contract.landCaseKey());
      ps.setString(3, contract.holderCreditCode());
      ps.setString(4, contract.holderName());
      ps.setString(5, contract.titleNumber());
      ps.setString(6, write(contract));
      ps.setString(7, ConstructionStatus.NOT_STARTED.label());
      ps.setObject(8, titleRegisteredOn);
      ps.setTimestamp(9, now);
      ps.setTimestamp(10, now);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void linkInstance(long id, String processInstanceId) {
    update("process_instance_id = ?", id, processInstanceId);
  }

  public void updateStatus(long id, ConstructionStatus status) {
    update("status = ?", id, status.label());
  }

  public void recordConfirmedStart(long id, LocalDate start, String permitNumber) {
    update("confirmed_start = ?, permit_number = ?", id, start, permitNumber);
  }

  public void recordIdleCheck(long id, String result, String reason, LocalDate on) {
    update("idle_result = ?, idle_reason = ?, idle_checked_on = ?", id, result, reason, on);
  }

  /** Marks the warning sent; false when it already was (the caller sends nothing then). */
  public boolean markStartWarned(long id) {
    return jdbc.update("update pf_construction_watch set start_warned_at = ? where id = ? and start_warned_at is null",
        Timestamp.from(clock.now()), id) == 1;
  }

  public boolean markCompletionWarned(long id) {
    return jdbc.update("update pf_construction_watch set completion_warned_at = ? where id = ?"
        + " and completion_warned_at is null", Timestamp.from(clock.now()), id) == 1;
  }

  public void recordVerification(long id, String verification, BigDecimal penalty, LocalDate on) {
    update("verification = ?, penalty = ?, verified_on = ?", id, verification, penalty, on);
  }

  private void update(String set, long id, Object... values) {
    Object[] args = new Object[values.length + 2];
    System.arraycopy(values, 0, args, 0, values.length);
    args[values.length] = Timestamp.from(clock.now());
    args[values.length + 1] = id;
    jdbc.update("update pf_construction_watch set " + set + ", updated_at = ? where id = ?", args);
  }

  public void insertReport(long watchId, ReportKind kind, LocalDate date, BigDecimal builtAreaM2,
      BigDecimal investedAmount, String note, String reportedBy) {
    jdbc.update("""
        insert into pf_construction_report (watch_id, kind, report_date, built_area_m2, invested_amount, note,
          reported_by, reported_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", watchId, kind.value(), date, builtAreaM2, investedAmount, note,
        reportedBy, Timestamp.from(clock.now()));
  }

  /** The watch's reports, oldest first. */
  public List<ConstructionReport> reports(long watchId) {
    return jdbc.query("select * from pf_construction_report where watch_id = ? order by id",
        (rs, i) -> new ConstructionReport(rs.getLong("id"), ReportKind.of(rs.getString("kind")).orElseThrow(),
            rs.getObject("report_date", LocalDate.class), rs.getBigDecimal("built_area_m2"),
            rs.getBigDecimal("invested_amount"), rs.getString("note"), rs.getString("reported_by"),
            rs.getTimestamp("reported_at").toInstant()), watchId);
  }

  /** The parcel's latest watch. */
  public Optional<ConstructionWatch> find(String parcelCode) {
    return jdbc.query("select * from pf_construction_watch where parcel_code = ? order by id desc limit 1", this::map,
        parcelCode).stream().findFirst();
  }

  /** The parcel's latest watch, locked until the caller's transaction ends (a report against a clerk's step). */
  public ConstructionWatch lock(String parcelCode) {
    return jdbc.query("select * from pf_construction_watch where parcel_code = ? order by id desc limit 1 for update",
        this::map, parcelCode).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No construction watch of " + parcelCode));
  }

  public ConstructionWatch get(String parcelCode) {
    return find(parcelCode).orElseThrow(() -> new IllegalStateException("No construction watch of " + parcelCode));
  }

  /** The watches the daily check classifies: every one not yet verified nor superseded. */
  public List<String> open() {
    return jdbc.queryForList("select parcel_code from pf_construction_watch where status not in (?, ?) order by id",
        String.class, ConstructionStatus.VERIFIED.label(), ConstructionStatus.SUPERSEDED.label());
  }

  @Override
  public List<ConstructionWatch> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_construction_watch where holder_credit_code = ? order by created_at desc, id"
        + " limit ? offset ?", this::map, creditCode, limit, offset);
  }

  @Override
  public List<ConstructionWatch> all(int limit, int offset) {
    return jdbc.query("select * from pf_construction_watch order by created_at desc, id limit ? offset ?", this::map,
        limit, offset);
  }

  @Override
  public List<ConstructionWatch> ofProcessInstances(List<String> ids) {
    return CaseRows.ofProcessInstances(jdbc, "select * from pf_construction_watch where process_instance_id = any(?)"
        + " order by created_at desc, id", ids, this::map);
  }

  private ConstructionWatch map(ResultSet rs, int row) throws SQLException {
    return new ConstructionWatch(rs.getLong("id"), rs.getString("parcel_code"), rs.getString("process_instance_id"),
        read(rs.getString("contract")), ConstructionStatus.ofLabel(rs.getString("status")),
        rs.getObject("title_registered_on", LocalDate.class), rs.getObject("confirmed_start", LocalDate.class),
        rs.getString("permit_number"), rs.getString("idle_result"), rs.getString("idle_reason"),
        rs.getObject("idle_checked_on", LocalDate.class), instant(rs.getTimestamp("start_warned_at")),
        instant(rs.getTimestamp("completion_warned_at")), rs.getString("verification"), rs.getBigDecimal("penalty"),
        rs.getObject("verified_on", LocalDate.class), rs.getTimestamp("created_at").toInstant());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private String write(ParcelContract contract) {
    try {
      return mapper.writeValueAsString(contract);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ParcelContract read(String json) {
    try {
      return exact.forType(ParcelContract.class).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("pf_construction_watch holds an invalid contract", e);
    }
  }
}
