package cn.parkflow.mail;

import cn.parkflow.mail.OutboxController.OutboxEntry;
import cn.parkflow.time.Beijing;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reading {@code pf_outbox} for the administrators' view. */
@Repository
public class OutboxRepository {
  private final JdbcTemplate jdbc;

  public OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first; {@code to} (case-insensitive) and {@code status} filter when not null. */
  public List<OutboxEntry> list(String to, String status, int limit, int offset) {
    StringBuilder sql = new StringBuilder("select * from pf_outbox where true");
    List<Object> args = new ArrayList<>();
    if (to != null) {
      sql.append(" and lower(recipient) = lower(?)");
      args.add(to);
    }
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status);
    }
    sql.append(" order by created_at desc, id desc limit ? offset ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), (rs, i) -> new OutboxEntry(rs.getLong("id"), rs.getString("recipient"),
        rs.getString("subject"), rs.getString("body"), rs.getString("reason_key"), rs.getString("status"),
        rs.getInt("attempts"), rs.getString("last_error"), beijing(rs.getTimestamp("created_at")),
        beijing(rs.getTimestamp("sent_at")), rs.getString("case_code")), args.toArray());
  }

  private static OffsetDateTime beijing(Timestamp t) {
    return t == null ? null : Beijing.offset(t.toInstant());
  }
}
