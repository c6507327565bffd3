package cn.parkflow.account;

import static cn.parkflow.account.AccountFixtures.errorFields;
import static cn.parkflow.account.AccountFixtures.json;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** {@code POST /api/enterprise-registrations}: anonymous, every bad field named, conflicts, rate limit, idempotency. */
@IntegrationTest
class RegistrationApiTest extends AccountHttpTest {
  static final String PATH = "/api/enterprise-registrations";

  @Autowired TaskService taskService;
  @Value("${parkflow.registration.rate-limit.requests}") int requests;
  @Value("${parkflow.registration.rate-limit.window}") Duration window;

  private long stored(String login) {
    return jdbc.queryForObject("select count(*) from pf_enterprise_registration where login = ?", Long.class, login);
  }

  @Test
  @DisplayName("anonymous: 201 with the registration number, Location, 待核验, and park-admin's verification task")
  void registers() {
    ObjectNode body = AccountFixtures.registration();
    body.put("creditCode", body.get("creditCode").asText().toLowerCase());
    HttpResponse<String> res = http.post(PATH, null, body.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    JsonNode r = json(res);
    String number = r.get("registrationNumber").asText();
    assertThat(number).matches("ZC-\\d{4}-\\d{4,}");
    assertThat(res.headers().firstValue("Location")).hasValue(PATH + "/" + number);
    assertThat(r.get("status").asText()).isEqualTo("待核验");
    assertThat(r.get("creditCode").asText()).isEqualTo(body.get("creditCode").asText().toUpperCase());
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_verifyEnterprise");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo("park-admin"));
    assertThat(task.getDueDate()).isNotNull();
    assertThat(json(http.get(PATH + "/" + number, "park-admin-clerk")).get("login").asText())
        .isEqualTo(body.get("login").asText());
    assertThat(http.get(PATH + "/" + number, "enterprise-a").statusCode()).isEqualTo(403);
    assertThat(http.get(PATH + "/" + number, null).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "enterpriseName|\"\"", "enterpriseName|12", "enterpriseName|null",
      "creditCode|\"91360124MA39PFL7XD\"", "creditCode|\"91360124MA39PFL7X\"", "creditCode|\"91360124MA39PFL7XI\"",
      "contactPerson|\"李\"", "contactPerson|null", "email|\"not-an-address\"", "email|\"a@b\"",
      "phone|\"12345\"", "phone|\"23907912345\"", "phone|13907912345", "phone|\"0791-123\"",
      "login|\"ab\"", "login|\"-abc\"", "login|\"有中文\"", "login|\"a_b.c\"", "unknownField|1"})
  @DisplayName("each field wrong alone is named by its JSON path, in Chinese, and nothing is stored")
  void eachFieldAlone(String field, String value) throws Exception {
    ObjectNode body = AccountFixtures.registration();
    body.set(field, mapper.readTree(value));
    List<String> fields = errorFields(http.post(PATH, null, body.toString()), 400);
    assertThat(fields).containsExactly(field);
    assertThat(stored(body.get("login").asText())).isZero();
  }

  @Test
  @DisplayName("landlines with an area code are phones too")
  void landline() {
    ObjectNode body = AccountFixtures.registration();
    body.put("phone", "0791-88886666");
    assertThat(http.post(PATH, null, body.toString()).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("every bad field at once, each named; nothing stored")
  void everyFieldAtOnce() {
    ObjectNode body = mapper.createObjectNode();
    body.put("enterpriseName", "");
    body.put("creditCode", "91360124MA39PFL7XD");
    body.put("contactPerson", 5);
    body.put("email", "x");
    body.put("phone", "110");
    body.put("login", "a b");
    assertThat(errorFields(http.post(PATH, null, body.toString()), 400)).containsExactlyInAnyOrder(
        "enterpriseName", "creditCode", "contactPerson", "email", "phone", "login");
    assertThat(stored("a b")).isZero();
  }

  @Test
  @DisplayName("a login taken by a user, or waiting in another registration, is 409 naming login; nothing stored")
  void duplicateLogin() {
    ObjectNode taken = AccountFixtures.registration();
    taken.put("login", "enterprise-a");
    assertThat(errorFields(http.post(PATH, null, taken.toString()), 409)).containsExactly("login");
    assertThat(stored("enterprise-a")).isZero();

    ObjectNode first = AccountFixtures.registration();
    assertThat(http.post(PATH, null, first.toString()).statusCode()).isEqualTo(201);
    ObjectNode second = AccountFixtures.registration();
    second.put("login", first.get("login").asText().toUpperCase());
    assertThat(errorFields(http.post(PATH, null, second.toString()), 409)).containsExactly("login");
    assertThat(stored(second.get("login").asText())).isZero();
  }

  @Test
  @DisplayName("too many calls from one address: 429 with Retry-After and a Chinese problem; the next window is open")
  void rateLimited() {
    for (int i = 0; i < requests; i++) {
      assertThat(http.post(PATH, null, "{}").statusCode()).isEqualTo(400);
    }
    ObjectNode body = AccountFixtures.registration();
    HttpResponse<String> refused = http.post(PATH, null, body.toString());
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(window.toSeconds());
    assertThat(json(refused).get("detail").asText()).contains("请求过于频繁");
    assertThat(stored(body.get("login").asText())).isZero();

    passTime(window);
    assertThat(http.post(PATH, null, body.toString()).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("Idempotency-Key: a repeat answers the first registration; the same key for another body is 409")
  void idempotency() {
    String key = "reg-" + UUID.randomUUID();
    ObjectNode body = AccountFixtures.registration();
    HttpResponse<String> first = http.post(PATH, null, body.toString(), key);
    HttpResponse<String> again = http.post(PATH, null, body.toString(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json(again).get("registrationNumber")).isEqualTo(json(first).get("registrationNumber"));
    assertThat(stored(body.get("login").asText())).isEqualTo(1);

    ObjectNode other = AccountFixtures.registration();
    assertThat(http.post(PATH, null, other.toString(), key).statusCode()).isEqualTo(409);
    assertThat(stored(other.get("login").asText())).isZero();
  }

  @Test
  @DisplayName("the process cannot be started through the engine: a registration comes in through the API only")
  void noEngineStart() {
    HttpResponse<String> res = http.post("/engine-rest/process-definition/key/enterprise-registration/start",
        "park-admin-clerk", "{\"variables\":{}}");
    assertThat(res.statusCode()).as(res.body()).isBetween(400, 403);
  }
}
