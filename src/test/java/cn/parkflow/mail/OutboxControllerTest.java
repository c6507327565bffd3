package cn.parkflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/admin/outbox}: administrators only, newest first, filters and paging. */
@IntegrationTest
class OutboxControllerTest {
  @LocalServerPort int port;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String to;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    to = "outbox-api-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
    // Three messages to one recipient, queued one after the other: sent, failed, queued.
    for (String status : List.of("sent", "failed", "queued")) {
      outbox.enqueue(List.of(to), new MailTemplates.RenderedMail("主题 " + status, "正文 " + status),
          "test:api:" + to + ":" + status, "RT-API");
    }
    jdbc.update("update pf_outbox set status = 'sent', attempts = 1, sent_at = now() where reason_key = ?",
        "test:api:" + to + ":sent|" + to);
    jdbc.update("update pf_outbox set status = 'failed', attempts = 20, last_error = 'SMTP 550' "
        + "where reason_key = ?", "test:api:" + to + ":failed|" + to);
  }

  JsonNode get(String query, String user, int expectedStatus) throws Exception {
    var res = http.get("/api/admin/outbox" + query, user);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(expectedStatus);
    return json.readTree(res.body());
  }

  @Test
  @DisplayName("an administrator sees one recipient's messages newest first, with every field")
  void filterByRecipient() throws Exception {
    JsonNode list = get("?to=" + to.toUpperCase(), "admin", 200);
    assertThat(list).hasSize(3);
    assertThat(list.findValuesAsText("status")).containsExactly("queued", "failed", "sent");
    JsonNode sent = list.get(2);
    assertThat(sent.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "to", "subject", "body", "reasonKey",
        "status", "attempts", "lastError", "createdAt", "sentAt", "caseCode");
    assertThat(sent.get("to").asText()).isEqualTo(to);
    assertThat(sent.get("subject").asText()).isEqualTo("主题 sent");
    assertThat(sent.get("body").asText()).isEqualTo("正文 sent");
    assertThat(sent.get("reasonKey").asText()).isEqualTo("test:api:" + to + ":sent|" + to);
    assertThat(sent.get("caseCode").asText()).isEqualTo("RT-API");
    assertThat(sent.get("attempts").asInt()).isEqualTo(1);
    assertThat(OffsetDateTime.parse(sent.get("createdAt").asText()).getOffset().getTotalSeconds())
        .isEqualTo(8 * 3600);
    assertThat(sent.get("sentAt").isNull()).isFalse();
    assertThat(list.get(0).get("sentAt").isNull()).isTrue();
    assertThat(list.get(1).get("lastError").asText()).isEqualTo("SMTP 550");
    assertThat(list.get(0).get("id").asLong()).isGreaterThan(list.get(1).get("id").asLong());
  }

  @Test
  @DisplayName("status filter and paging")
  void filterByStatusAndPage() throws Exception {
    assertThat(get("?to=" + to + "&status=failed", "admin", 200)).singleElement()
        .satisfies(e -> assertThat(e.get("subject").asText()).isEqualTo("主题 failed"));
    assertThat(get("?to=" + to + "&limit=1", "admin", 200)).singleElement()
        .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("queued"));
    assertThat(get("?to=" + to + "&limit=1&offset=1", "admin", 200)).singleElement()
        .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("failed"));
    assertThat(get("?status=queued&limit=500", "admin", 200)).isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("status").asText()).isEqualTo("queued"));
  }

  @Test
  @DisplayName("bad filters get 400 naming every bad field")
  void badInput() throws Exception {
    JsonNode problem = get("?status=lost&limit=501", "admin", 400);
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("status", "limit");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("queued");
    assertThat(get("?limit=abc", "admin", 400).get("errors").findValuesAsText("field")).containsExactly("limit");
    assertThat(get("?limit=0", "admin", 400).get("errors").findValuesAsText("field")).containsExactly("limit");
  }

  @Test
  @DisplayName("only administrators: clerks and supervisors 403, anonymous 401")
  void administratorsOnly() throws Exception {
    assertThat(get("", "drc-clerk", 403).get("detail").asText()).contains("系统管理员");
    get("", "supervisor", 403);
    get("", "enterprise-a", 403);
    assertThat(http.get("/api/admin/outbox", null).statusCode()).isEqualTo(401);
  }
}
