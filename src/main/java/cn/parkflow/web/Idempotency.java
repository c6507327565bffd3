package cn.parkflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract's {@code Idempotency-Key}: a creating {@code POST} sent again with the same key by the same user gets
 * the first answer and creates nothing more. The key is claimed in {@code pf_idempotency} in the same transaction as
 * the work (the engine joins it), so a concurrent repeat waits for the first request and then reads its answer, and a
 * request that fails (bad input, conflict) leaves the key free. The same key with a different request (method, path
 * or body) is refused with 409.
 */
@Component
public class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 200;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper objectMapper;
  private final ObjectMapper exactReader;

  public Idempotency(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactionManager);
    this.objectMapper = objectMapper;
    this.exactReader = objectMapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /**
   * Runs {@code work} in one transaction, once per {@code (user, key)}; a repeat answers the first response's JSON
   * text as it was sent.
   *
   * @param key     the header's value; {@code null} or blank: no idempotency, {@code work} simply runs
   * @param request what identifies the request (e.g. method, path and body), to refuse a key used for another one
   */
  public ResponseEntity<?> execute(String user, String key, String request,
      Supplier<? extends ResponseEntity<?>> work) {
    if (key == null || key.isBlank()) {
      return tx.execute(status -> work.get());
    }
    String k = key.strip();
    if (k.length() > MAX_KEY_LENGTH) {
      throw InvalidInputException.of(HEADER, "Idempotency-Key 不得超过 " + MAX_KEY_LENGTH + " 个字符");
    }
    String hash = sha256(request);
    return tx.execute(status -> {
      int claimed = jdbc.update("""
          insert into pf_idempotency (user_id, idempotency_key, request_hash) values (?, ?, ?)
          on conflict (user_id, idempotency_key) do nothing""", user, k, hash);
      if (claimed == 0) {
        return replay(user, k, hash);
      }
      ResponseEntity<?> answer = work.get();
      URI location = answer.getHeaders().getLocation();
      jdbc.update("update pf_idempotency set status = ?, location = ?, body = ? where user_id = ? and"
              + " idempotency_key = ?", answer.getStatusCode().value(), location == null ? null : location.toString(),
          write(answer.getBody()), user, k);
      return answer;
    });
  }

  /** {@link #execute} for handlers that answer a JSON tree; a repeat answers the stored JSON as a tree. */
  @SuppressWarnings("unchecked")
  public ResponseEntity<JsonNode> run(String user, String key, String request,
      Supplier<ResponseEntity<JsonNode>> work) {
    ResponseEntity<?> answer = execute(user, key, request, work);
    if (answer.getBody() instanceof String text) {
      return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(read(text));
    }
    return (ResponseEntity<JsonNode>) answer;
  }

  /** The stored answer, its body as the JSON text first sent (so numbers and dates read exactly the same). */
  private ResponseEntity<?> replay(String user, String key, String hash) {
    List<ResponseEntity<String>> stored = jdbc.query(
        "select request_hash, status, location, body from pf_idempotency where user_id = ? and idempotency_key = ?",
        (rs, i) -> {
          if (!hash.equals(rs.getString("request_hash"))) {
            throw new ConflictException("此 Idempotency-Key 已用于另一请求（请求地址或内容不同），请为新请求使用新的 Idempotency-Key");
          }
          HttpHeaders headers = new HttpHeaders();
          if (rs.getString("location") != null) {
            headers.setLocation(URI.create(rs.getString("location")));
          }
          headers.add("Idempotent-Replayed", "true");
          headers.setContentType(MediaType.APPLICATION_JSON);
          return ResponseEntity.status(rs.getInt("status")).headers(headers).body(rs.getString("body"));
        }, user, key);
    return stored.get(0);
  }

  private String write(Object body) {
    try {
      return body == null ? null : objectMapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    try {
      return body == null ? null : exactReader.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Forgets keys older than {@code keepFor}: a client retries within minutes, and the stored answers are copies of
   * what the case record and the API already hold.
   *
   * @return how many keys were forgotten
   */
  public int forgetOlderThan(java.time.Duration keepFor, java.time.Instant now) {
    return jdbc.update("delete from pf_idempotency where created_at < ?",
        java.sql.Timestamp.from(now.minus(keepFor)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
