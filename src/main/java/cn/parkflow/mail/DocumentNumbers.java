package cn.parkflow.mail;

import cn.parkflow.time.Beijing;
import java.time.Instant;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Document numbers (文号) of notices, one sequence per kind and year in {@code pf_document_sequence}: the counter is
 * raised with one atomic upsert in the caller's transaction, so two nodes never hand out the same number (a rolled back
 * notice may leave a gap). The pattern is {@code parkflow.documents.<kind>.pattern} ({@code {year}} and {@code {seq}}),
 * by default the caller's. A document issued on a case is entered in {@code pf_case_document} ({@link #register}).
 */
@Component
public class DocumentNumbers {
  private final JdbcTemplate jdbc;
  private final Environment environment;

  public DocumentNumbers(JdbcTemplate jdbc, Environment environment) {
    this.jdbc = jdbc;
    this.environment = environment;
  }

  /** A document issued on a case: its kind, the matter it decides (a licence's or filing's name, or null), organ. */
  public record Issued(String kind, String matter, String organ, String number, Instant issuedAt) {}

  /** Enters an issued document in the case's register (发文登记), in the caller's transaction. */
  public void register(String caseCode, Issued document) {
    jdbc.update("insert into pf_case_document (case_code, kind, matter, organ, document_number, issued_at)"
        + " values (?, ?, ?, ?, ?, ?)", caseCode, document.kind(), document.matter(), document.organ(),
        document.number(), java.sql.Timestamp.from(document.issuedAt()));
  }

  /** The case's documents, oldest first. */
  public java.util.List<Issued> issued(String caseCode) {
    return jdbc.query("select * from pf_case_document where case_code = ? order by issued_at, id",
        (rs, n) -> new Issued(rs.getString("kind"), rs.getString("matter"), rs.getString("organ"),
            rs.getString("document_number"), rs.getTimestamp("issued_at").toInstant()), caseCode);
  }

  /** The next number of {@code kind} in the Beijing year of {@code at}, e.g. 园审受〔2026〕7号. */
  public String next(String kind, String defaultPattern, Instant at) {
    int year = at.atZone(Beijing.ZONE).getYear();
    Long seq = jdbc.queryForObject("""
        insert into pf_document_sequence (kind, year, last_value) values (?, ?, 1)
        on conflict (kind, year) do update set last_value = pf_document_sequence.last_value + 1
        returning last_value""", Long.class, kind, year);
    String pattern = environment.getProperty("parkflow.documents." + kind + ".pattern", defaultPattern);
    return pattern.replace("{year}", Integer.toString(year)).replace("{seq}", Long.toString(seq));
  }
}
