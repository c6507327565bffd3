package cn.parkflow.casefile;

import cn.parkflow.time.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * A case's permanent record (steps, decisions, opinions, who and when, notices, urging) in ParkFlow's own table, so
 * it outlives the engine's history cleanup. Writes join the caller's transaction (the engine's, inside delegates and
 * listeners), so a rolled-back step leaves no trace.
 */
@Component
public class CaseRecord {
  private static final RowMapper<CaseEvent> ROW = (rs, i) -> new CaseEvent(rs.getLong("id"), rs.getString("case_code"),
      rs.getString("process_key"), rs.getString("process_instance_id"), rs.getString("kind"),
      rs.getString("step_key"), rs.getString("step_name"), rs.getString("task_id"), rs.getString("department"),
      rs.getString("decision"), rs.getString("opinion"), rs.getString("missing_items"), rs.getString("actor"),
      rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant());

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public CaseRecord(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void add(CaseEvent e) {
    Instant at = e.occurredAt() != null ? e.occurredAt() : clock.now();
    jdbc.update("""
        insert into pf_case_event (case_code, process_key, process_instance_id, kind, step_key, step_name, task_id,
          department, decision, opinion, missing_items, actor, detail, occurred_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.caseCode(), e.processKey(), e.processInstanceId(), e.kind(), e.stepKey(), e.stepName(), e.taskId(),
        e.department(), e.decision(), e.opinion(), e.missingItems(), e.actor(), e.detail(), Timestamp.from(at));
  }

  /** The case's record, oldest first. */
  public List<CaseEvent> of(String caseCode) {
    return jdbc.query("select * from pf_case_event where case_code = ? order by occurred_at, id", ROW, caseCode);
  }
}
