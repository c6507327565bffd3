package cn.parkflow.casefile;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reading a slice's case table the same way in every repository. */
public final class CaseRows {
  private CaseRows() {}

  /**
   * The rows of {@code sql} for the given process instances ({@link CaseSource#ofProcessInstances}); none for none.
   *
   * @param sql a query with one parameter, the instances as an array, e.g.
   *     {@code ... where process_instance_id = any(?) order by ...}
   */
  public static <T> List<T> ofProcessInstances(JdbcTemplate jdbc, String sql, List<String> processInstanceIds,
      RowMapper<T> rows) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(sql, ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar",
        processInstanceIds.toArray())), rows);
  }
}
