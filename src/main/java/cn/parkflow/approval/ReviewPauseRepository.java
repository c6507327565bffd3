package cn.parkflow.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code pf_review_pause}: each clock pause of a department review (行政许可法 Art. 45), open or ended. */
@Repository
public class ReviewPauseRepository {
  private final JdbcTemplate jdbc;

  public ReviewPauseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One pause. {@code jointPausedFrom} is when the joint limit stopped for it; {@code resumedAt} is null while it
   * lasts; {@code dueBefore}/{@code dueAfter} are the review's limit before the pause and after its resumption.
   */
  public record Row(long id, String projectCode, String processInstanceId, String taskId, String reviewKey,
      String reviewName, String department, PauseKind kind, String reason, int expectedWorkingDays,
      Instant expectedEnd, Instant startedAt, String startedBy, Instant jointPausedFrom, Instant dueBefore,
      Instant resumedAt, String resumedBy, Integer pausedWorkingDays, Instant dueAfter, Instant overdueNotifiedAt) {

    public boolean open() {
      return resumedAt == null;
    }
  }

  public long insert(Row r) {
    Long id = jdbc.queryForObject("""
        insert into pf_review_pause (project_code, process_instance_id, task_id, review_key, review_name, department,
          kind, reason, expected_working_days, expected_end, started_at, started_by, joint_paused_from, due_before)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
        r.projectCode(), r.processInstanceId(), r.taskId(), r.reviewKey(), r.reviewName(), r.department(),
        r.kind().value(), r.reason(), r.expectedWorkingDays(), ts(r.expectedEnd()), ts(r.startedAt()),
        r.startedBy(), ts(r.jointPausedFrom()), ts(r.dueBefore()));
    return id == null ? 0 : id;
  }

  /** Ends a pause. */
  public void resume(long id, Instant at, String by, int pausedWorkingDays, Instant dueAfter) {
    jdbc.update("update pf_review_pause set resumed_at = ?, resumed_by = ?, paused_working_days = ?, due_after = ?"
        + " where id = ? and resumed_at is null", ts(at), by, pausedWorkingDays, ts(dueAfter), id);
  }

  public void markOverdueNotified(long id, Instant at) {
    jdbc.update("update pf_review_pause set overdue_notified_at = ? where id = ?", ts(at), id);
  }

  /** The open pause of a task, if any. */
  public Optional<Row> openOfTask(String taskId) {
    return jdbc.query("select * from pf_review_pause where task_id = ? and resumed_at is null",
        ReviewPauseRepository::map, taskId).stream().findFirst();
  }

  /** The open pauses of a case's process instance. */
  public List<Row> openOfInstance(String processInstanceId) {
    return jdbc.query("select * from pf_review_pause where process_instance_id = ? and resumed_at is null"
        + " order by started_at, id", ReviewPauseRepository::map, processInstanceId);
  }

  /** Every pause of a case, oldest first. */
  public List<Row> ofCase(String projectCode) {
    return jdbc.query("select * from pf_review_pause where project_code = ? order by started_at, id",
        ReviewPauseRepository::map, projectCode);
  }

  /** Working days an earlier {@code kind} pause of the task's review already took, in the case. */
  public int usedWorkingDays(String processInstanceId, String reviewKey, PauseKind kind) {
    Integer n = jdbc.queryForObject("select coalesce(sum(paused_working_days), 0) from pf_review_pause"
        + " where process_instance_id = ? and review_key = ? and kind = ? and resumed_at is not null",
        Integer.class, processInstanceId, reviewKey, kind.value());
    return n == null ? 0 : n;
  }

  /** Open pauses past their expected end whose supervision notice has not gone out. */
  public List<Row> overdueUnnotified(Instant now) {
    return jdbc.query("select * from pf_review_pause where resumed_at is null and overdue_notified_at is null"
        + " and expected_end <= ? order by expected_end, id", ReviewPauseRepository::map, ts(now));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Row map(ResultSet rs, int row) throws SQLException {
    Integer paused = rs.getObject("paused_working_days", Integer.class);
    return new Row(rs.getLong("id"), rs.getString("project_code"), rs.getString("process_instance_id"),
        rs.getString("task_id"), rs.getString("review_key"), rs.getString("review_name"), rs.getString("department"),
        PauseKind.of(rs.getString("kind")).orElseThrow(), rs.getString("reason"), rs.getInt("expected_working_days"),
        instant(rs, "expected_end"), instant(rs, "started_at"), rs.getString("started_by"),
        instant(rs, "joint_paused_from"), instant(rs, "due_before"), instant(rs, "resumed_at"),
        rs.getString("resumed_by"), paused, instant(rs, "due_after"),
        instant(rs, "overdue_notified_at"));
  }
}
