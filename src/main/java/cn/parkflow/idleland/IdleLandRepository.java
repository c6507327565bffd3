package cn.parkflow.idleland;

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

/** {@code pf_idle_land_case} and {@code pf_idle_land_document}. Writes join the caller's transaction. */
@Repository
public class IdleLandRepository implements CaseSource<IdleLandCase> {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final ObjectMapper mapper;
  private final JsonText json;

  public IdleLandRepository(JdbcTemplate jdbc, EngineClock clock, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.mapper = mapper;
    this.json = new JsonText(mapper, "pf_idle_land_case");
  }

  /** One document the case issued: its kind, title, issuing organ, number and date. */
  public record Document(String kind, String title, String organ, String number, Instant issuedAt) {}

  /** Stores a new open case; the unique index refuses a second open case of the parcel. */
  public long insert(String parcelCode, String branch, String holderCreditCode, String holderName, ObjectNode facts,
      String startedBy, String startedFrom) {
    Timestamp now = Timestamp.from(clock.now());
    Long id = jdbc.queryForObject("""
        insert into pf_idle_land_case (parcel_code, branch, status, holder_credit_code, holder_name, facts,
          started_by, started_from, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, parcelCode, branch,
        IdleLandStatus.INVESTIGATING.label(), holderCreditCode, holderName, write(facts), startedBy, startedFrom, now,
        now);
    return id;
  }

  public boolean hasOpenCase(String parcelCode) {
    Integer n = jdbc.queryForObject("select count(*) from pf_idle_land_case where parcel_code = ? and open",
        Integer.class, parcelCode);
    return n != null && n > 0;
  }

  public void linkInstance(long id, String processInstanceId) {
    jdbc.update("update pf_idle_land_case set process_instance_id = ?, updated_at = ? where id = ?",
        processInstanceId, Timestamp.from(clock.now()), id);
  }

  public void updateStatus(long id, IdleLandStatus status) {
    jdbc.update("update pf_idle_land_case set status = ?, updated_at = ? where id = ?", status.label(),
        Timestamp.from(clock.now()), id);
  }

  public void close(long id) {
    Timestamp now = Timestamp.from(clock.now());
    jdbc.update("update pf_idle_land_case set open = false, closed_at = ?, updated_at = ? where id = ? and open", now,
        now, id);
  }

  public void recordCause(long id, JsonNode cause) {
    update(id, "cause", cause);
  }

  public void recordStatement(long id, JsonNode statement) {
    update(id, "statement", statement);
  }

  public void recordDraft(long id, JsonNode draft) {
    update(id, "draft", draft);
  }

  public void recordOutcome(long id, ObjectNode outcome) {
    update(id, "outcome", outcome);
  }

  private void update(long id, String column, JsonNode value) {
    jdbc.update("update pf_idle_land_case set " + column + " = ?, updated_at = ? where id = ?", write(value),
        Timestamp.from(clock.now()), id);
  }

  public void insertDocument(long caseId, Document d) {
    jdbc.update("insert into pf_idle_land_document (case_id, kind, title, organ, number, issued_at)"
        + " values (?, ?, ?, ?, ?, ?)", caseId, d.kind(), d.title(), d.organ(), d.number(),
        Timestamp.from(d.issuedAt()));
  }

  public List<Document> documents(long caseId) {
    return jdbc.query("select * from pf_idle_land_document where case_id = ? order by issued_at, id",
        (rs, i) -> new Document(rs.getString("kind"), rs.getString("title"), rs.getString("organ"),
            rs.getString("number"), rs.getTimestamp("issued_at").toInstant()), caseId);
  }

  /** When the parcel's next idle-land case was created after {@code c}, if any. */
  public Optional<Instant> nextCreated(IdleLandCase c) {
    return jdbc.query("select created_at from pf_idle_land_case where parcel_code = ? and (created_at > ? or"
        + " (created_at = ? and id > ?)) order by created_at, id limit 1", (rs, i) -> rs.getTimestamp(1).toInstant(),
        c.parcelCode(), Timestamp.from(c.createdAt()), Timestamp.from(c.createdAt()), c.id()).stream().findFirst();
  }

  /** The parcel's latest case (its open one, if any). */
  public Optional<IdleLandCase> latest(String parcelCode) {
    return jdbc.query("select * from pf_idle_land_case where parcel_code = ? order by open desc, created_at desc, id"
        + " desc limit 1", this::map, parcelCode).stream().findFirst();
  }

  public IdleLandCase get(long id) {
    return jdbc.query("select * from pf_idle_land_case where id = ?", this::map, id).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No idle-land case " + id));
  }

  /** The parcel's open case, locked until the caller's transaction ends (the holder against a clerk or a timer). */
  public Optional<IdleLandCase> lockOpen(String parcelCode) {
    return jdbc.query("select * from pf_idle_land_case where parcel_code = ? and open for update", this::map,
        parcelCode).stream().findFirst();
  }

  public Optional<IdleLandCase> byInstance(String processInstanceId) {
    return jdbc.query("select * from pf_idle_land_case where process_instance_id = ?", this::map, processInstanceId)
        .stream().findFirst();
  }

  @Override
  public List<IdleLandCase> ofEnterprise(String creditCode, int limit, int offset) {
    return jdbc.query("select * from pf_idle_land_case where holder_credit_code = ? order by created_at desc, id desc"
        + " limit ? offset ?", this::map, creditCode, limit, offset);
  }

  @Override
  public List<IdleLandCase> ofProcessInstances(List<String> ids) {
    return CaseRows.ofProcessInstances(jdbc, "select * from pf_idle_land_case where process_instance_id = any(?)"
        + " order by created_at desc, id desc", ids, this::map);
  }

  @Override
  public List<IdleLandCase> all(int limit, int offset) {
    return jdbc.query("select * from pf_idle_land_case order by created_at desc, id desc limit ? offset ?", this::map,
        limit, offset);
  }

  private IdleLandCase map(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    JsonNode outcome = read(rs.getString("outcome"));
    return new IdleLandCase(rs.getLong("id"), rs.getString("parcel_code"), rs.getString("process_instance_id"),
        rs.getString("branch"), IdleLandStatus.ofLabel(rs.getString("status")), rs.getString("holder_credit_code"),
        rs.getString("holder_name"), (ObjectNode) read(rs.getString("facts")), read(rs.getString("cause")),
        read(rs.getString("statement")), read(rs.getString("draft")),
        outcome instanceof ObjectNode o ? o : mapper.createObjectNode(), rs.getString("started_by"),
        rs.getString("started_from"), rs.getBoolean("open"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(), closed == null ? null : closed.toInstant());
  }

  private String write(JsonNode node) {
    return json.write(node);
  }

  private JsonNode read(String text) {
    return json.read(text);
  }
}
