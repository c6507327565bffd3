package cn.parkflow.casefile;

import cn.parkflow.time.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links between cases of different processes, so each case shows the cases it is linked to (CONTRACT: "Each case
 * shows the cases it is linked to"). Writes join the caller's transaction, like {@link CaseRecord}; writing the same
 * link twice keeps one.
 */
@Component
public class CaseLinks {
  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public CaseLinks(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that case {@code fromKey} of {@code fromProcess} started or names case {@code toKey}. */
  public void link(String fromProcess, String fromKey, String toProcess, String toKey, String relation) {
    jdbc.update("""
        insert into pf_case_link (from_process, from_key, to_process, to_key, relation, created_at)
        values (?, ?, ?, ?, ?, ?) on conflict on constraint pf_case_link_once do nothing""",
        fromProcess, fromKey, toProcess, toKey, relation, Timestamp.from(clock.now()));
  }

  /**
   * A case's key changed (a land case started from a project is found by the project code until its parcel is
   * designated): its links follow it.
   */
  public void rekey(String process, String oldKey, String newKey) {
    jdbc.update("update pf_case_link set from_key = ? where from_process = ? and from_key = ?", newKey, process, oldKey);
    jdbc.update("update pf_case_link set to_key = ? where to_process = ? and to_key = ?", newKey, process, oldKey);
  }

  /**
   * The links of one case among several of the same process and key (a parcel supplied, watched or taken back again
   * keeps its code): those written from the case's creation ({@code since}) until the next case under the key was
   * created ({@code until}, exclusive; null while it is the newest). A starting step writes the link after the case
   * it starts, so each link falls in the window of the case it belongs to.
   */
  public List<CaseLink> of(String process, String key, Instant since, Instant until) {
    return of(process, key).stream().filter(l -> !l.createdAt().isBefore(since)
        && (until == null || l.createdAt().isBefore(until))).toList();
  }

  /** Every link of the case, both directions, oldest first. */
  public List<CaseLink> of(String process, String key) {
    return jdbc.query("""
        select to_process as process, to_key as key, relation, true as outgoing, created_at, id
          from pf_case_link where from_process = ? and from_key = ?
        union all
        select from_process, from_key, relation, false, created_at, id
          from pf_case_link where to_process = ? and to_key = ?
        order by created_at, id""",
        (rs, i) -> new CaseLink(rs.getString("process"), rs.getString("key"), rs.getString("relation"),
            rs.getBoolean("outgoing"), rs.getTimestamp("created_at").toInstant()),
        process, key, process, key);
  }
}
