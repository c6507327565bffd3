package cn.parkflow.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.identity.CreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registrations, fresh logins and credit codes, and the initial password an account was sent. */
final class AccountFixtures {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final Pattern PASSWORD = Pattern.compile("初始密码：(\\S+)");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AccountFixtures() {}

  /** The answer's body as JSON. */
  static JsonNode json(HttpResponse<String> res) {
    try {
      return MAPPER.readTree(res.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }

  /** The fields a problem answer of {@code status} names, after checking it is problem+json with Chinese messages. */
  static List<String> errorFields(HttpResponse<String> res, int status) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    json(res).get("errors").forEach(e -> assertThat(e.get("message").asText()).matches(".*\\p{IsHan}.*"));
    return json(res).get("errors").findValuesAsText("field");
  }

  /** A valid unified social credit code no other test uses. */
  static String newCreditCode() {
    StringBuilder first17 = new StringBuilder("91360124");
    while (first17.length() < 17) {
      first17.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
    }
    return first17.toString() + CreditCode.checkCharacter(first17.toString());
  }

  static String newLogin() {
    return "qy-" + Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
  }

  /** A registration every rule accepts, for a fresh login and code. */
  static ObjectNode registration() {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("enterpriseName", "南昌瑞丰精密机械有限公司");
    r.put("creditCode", newCreditCode());
    r.put("contactPerson", "李红");
    r.put("email", "lihong@ruifeng.example.com");
    r.put("phone", "13907912345");
    r.put("login", newLogin());
    return r;
  }

  /** The initial password the outbox holds for {@code login} (the newest account-opened notice). */
  static String initialPassword(JdbcTemplate jdbc, String login) {
    List<String> bodies = jdbc.queryForList("select body from pf_outbox where reason_key like ? and body like ?"
        + " order by id desc", String.class, "%:account-opened:%", "%登录名：" + login + "\n%");
    Matcher m = PASSWORD.matcher(bodies.get(0));
    if (!m.find()) {
      throw new AssertionError("no initial password in " + bodies.get(0));
    }
    return m.group(1);
  }
}
