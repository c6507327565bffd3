package cn.parkflow.mail;

import cn.parkflow.time.Beijing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Document numbers (文号) of notices, one PostgreSQL sequence per kind and year, listed in {@code pf_document_sequence}
 * (ADR 0018). Drawing a number takes no lock that lasts beyond the draw, so notices of one kind issued at the same time
 * on different cases or nodes do not wait for each other, and two nodes never hand out the same number. A number drawn
 * by a transaction that rolls back is not handed out again: the register may show a gap, never a duplicate. The
 * pattern is {@code parkflow.documents.<kind>.pattern} ({@code {year}} and {@code {seq}}), by default the caller's. A
 * document issued on a case is entered in {@code pf_case_document} ({@link #register}).
 */
@Component
public class DocumentNumbers {
  private final JdbcTemplate jdbc;
  private final Environment environment;
  /** The configured pattern of each kind, if any, read once (a lookup walks every property source). */
  private final Map<String, Optional<String>> patterns = new ConcurrentHashMap<>();

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
    Long seq = draw(kind, year);
    String pattern = patterns
        .computeIfAbsent(kind, k -> Optional.ofNullable(environment.getProperty("parkflow.documents." + k + ".pattern")))
        .orElse(defaultPattern);
    return pattern.replace("{year}", Integer.toString(year)).replace("{seq}", Long.toString(seq));
  }

  /**
   * The next value of the kind's sequence for {@code year}. The first draw of a kind in a year creates the sequence,
   * under a transaction-scoped advisory lock on its name: a second first draw waits for the creating transaction and
   * then finds the sequence (or creates it, if that transaction rolled back).
   */
  private long draw(String kind, int year) {
    String sequence = sequenceName(kind, year);
    Long value = jdbc.queryForObject("select nextval(to_regclass(?))", Long.class, sequence);
    if (value != null) {
      return value;
    }
    jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, sequence);
    jdbc.execute("create sequence if not exists " + sequence);
    jdbc.update("insert into pf_document_sequence (kind, year, sequence_name) values (?, ?, ?)"
        + " on conflict (kind, year) do nothing", kind, year, sequence);
    return jdbc.queryForObject("select nextval(to_regclass(?))", Long.class, sequence);
  }

  /** A plain identifier, whatever the kind holds: {@code pf_docseq_} and the MD5 of kind and year in hex. */
  static String sequenceName(String kind, int year) {
    return "pf_docseq_" + DigestUtils.md5DigestAsHex((kind + ":" + year).getBytes(StandardCharsets.UTF_8));
  }
}
