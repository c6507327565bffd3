package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7, items 4 and 6: bodies that are not one clean JSON value of valid text are refused with 400 naming the
 * field (415 for another media type), on {@code /api} and on task completion, and nothing is started or stored.
 */
@IntegrationTest
class StrictInputTest {
  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired ProjectCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  private final HttpClient client = HttpClient.newHttpClient();

  /** A valid application of enterprise-a as the API takes it. */
  private ObjectNode application() {
    return mapper.valueToTree(ProjectCases.smallElectronics());
  }

  private HttpResponse<String> post(String path, String user, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private HttpResponse<String> apply(String contentType, String body) throws Exception {
    return post("/api/projects", "enterprise-a", contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from pf_project", Long.class)
        + jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
  }

  /** The fields named by a 400 problem+json answer; every message Chinese. */
  private List<String> fields(HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    JsonNode errors = mapper.readTree(res.body()).get("errors");
    errors.forEach(e -> assertThat(e.get("message").asText()).matches("(?s).*\\p{IsHan}.*"));
    return errors.findValuesAsText("field");
  }

  @Test
  @DisplayName("item 4: a NUL or control character in a text field is 400 naming each field, nothing stored")
  void controlCharacters() throws Exception {
    long before = stored();
    ObjectNode body = application();
    body.put("projectName", "复合材料\u0000项目");
    body.put("location", "进贤县\u0007产业园区");
    body.put("enterpriseName", "赣江\u0085新材料");
    assertThat(fields(apply("application/json", body.toString())))
        .containsExactlyInAnyOrder("projectName", "location", "enterpriseName");

    // an unescaped control character is a parse error, still named by its field
    String raw = application().put("projectName", "PLACEHOLDER").toString().replace("PLACEHOLDER", "项目\u0001名");
    assertThat(fields(apply("application/json", raw))).containsExactly("projectName");

    // tab, line feed and carriage return are ordinary text
    ObjectNode fine = application();
    fine.put("location", "进贤县\t产业园区\r\n新材料片区");
    assertThat(apply("application/json", fine.toString()).statusCode()).isEqualTo(201);
    assertThat(stored()).isEqualTo(before + 2);
  }

  @Test
  @DisplayName("item 4: 1e400 and -1e400 are 400 naming the field, nothing stored")
  void numbersBeyondDoubleRange() throws Exception {
    long before = stored();
    String body = application().put("totalInvestment", 1).put("landArea", 2).toString()
        .replace("\"totalInvestment\":1", "\"totalInvestment\":1e400")
        .replace("\"landArea\":2", "\"landArea\":-1e400");
    HttpResponse<String> res = apply("application/json", body);
    assertThat(fields(res)).containsExactlyInAnyOrder("totalInvestment", "landArea");
    // a number too small for a double is not read as 0 (which landArea would accept)
    String tiny = application().put("landArea", 2).toString().replace("\"landArea\":2", "\"landArea\":1e-400");
    assertThat(fields(apply("application/json", tiny))).containsExactly("landArea");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  @DisplayName("items 4 and 6: */*, application/json-patch+json and another charset are 415; charset=UTF-8 is fine")
  void onlyApplicationJson() throws Exception {
    long before = stored();
    for (String type : List.of("*/*", "application/json-patch+json", "application/merge-patch+json",
        "text/plain", "application/json; charset=ISO-8859-1", "application/json; version=2")) {
      HttpResponse<String> res = apply(type, application().toString());
      assertThat(res.statusCode()).as(type + ": " + res.body()).isEqualTo(415);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
          assertThat(v).startsWith("application/problem+json"));
      assertThat(mapper.readTree(res.body()).get("detail").asText()).contains("application/json").contains(type);
    }
    assertThat(post("/api/projects", "enterprise-a", null, application().toString().getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(415);
    assertThat(stored()).isEqualTo(before);
    assertThat(apply("application/json;charset=UTF-8", application().toString()).statusCode()).isEqualTo(201);
    assertThat(apply("Application/JSON; charset=\"utf-8\"", application().toString()).statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("item 6: trailing data, a lone surrogate and a name twice are 400 naming the field, nothing stored")
  void oneCleanJsonValue() throws Exception {
    long before = stored();
    ObjectNode a = application();
    assertThat(fields(apply("application/json", a + a.toString()))).containsExactly("$");
    assertThat(fields(apply("application/json", a + " x"))).containsExactly("$");

    String surrogate = application().put("projectName", "PLACEHOLDER").toString()
        .replace("PLACEHOLDER", "项目\\ud800名");
    HttpResponse<String> res = apply("application/json", surrogate);
    assertThat(fields(res)).containsExactly("projectName");
    assertThat(res.body()).contains("U+D800");

    String twice = a.toString().replace("{", "{\"landArea\":1,");
    assertThat(fields(apply("application/json", twice))).containsExactly("landArea");

    // bytes that are not UTF-8 (here 0xFF, an overlong '/', an encoded surrogate) are refused, never replaced
    for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})) {
      String[] halves = application().put("location", "SPLIT").toString().split("SPLIT");
      byte[] body = concat(halves[0].getBytes(StandardCharsets.UTF_8), bad, halves[1].getBytes(StandardCharsets.UTF_8));
      assertThat(fields(post("/api/projects", "enterprise-a", "application/json", body))).containsExactly("location");
    }
    // a number that no decimal can hold is named, not a 500
    String overflow = application().put("landArea", 2).toString().replace("\"landArea\":2", "\"landArea\":1E+2147483648");
    assertThat(fields(apply("application/json", overflow))).containsExactly("landArea");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  @DisplayName("the same reading on a supplement: the JSON path inside changes is named")
  void nestedPaths() throws Exception {
    String code = cases.apply(ProjectCases.smallElectronics());
    String body = "{\"note\":\"补\\u0007正\",\"changes\":{\"location\":\"进贤\\u0000县\",\"landArea\":1}}";
    HttpResponse<String> res = post("/api/projects/" + code + "/supplement", "enterprise-a", "application/json",
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(fields(res)).containsExactlyInAnyOrder("note", "changes.location");
    String huge = "{\"note\":\"补正\",\"changes\":{\"landArea\":1e400}}";
    assertThat(fields(post("/api/projects/" + code + "/supplement", "enterprise-a", "application/json",
        huge.getBytes(StandardCharsets.UTF_8)))).containsExactly("changes.landArea");
    String dup = "{\"note\":\"补正\",\"changes\":{\"landArea\":1,\"landArea\":2}}";
    assertThat(fields(post("/api/projects/" + code + "/supplement", "enterprise-a", "application/json",
        dup.getBytes(StandardCharsets.UTF_8)))).containsExactly("changes.landArea");
  }

  @Test
  @DisplayName("task completion: a NUL, a lone surrogate or trailing data is 400 naming the field and the task stays"
      + " open; an unknown task is 404")
  void taskCompletion() throws Exception {
    String code = cases.apply(ProjectCases.smallElectronics());
    Task task = cases.task(code, ProjectApprovalProcess.Elements.INTAKE_REVIEW);
    long events = jdbc.queryForObject("select count(*) from pf_case_event", Long.class);
    for (String[] bad : List.of(
        new String[] {"{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"不\\u0000同意\"}}}",
            "variables.opinion.value"},
        new String[] {"{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"\\ud800\"},"
            + "\"missingItems\":{\"value\":\"营业执照\"}}}", "variables.opinion.value"},
        new String[] {"{\"variables\":{\"decision\":{\"value\":\"approve\"}}}{}", "$"},
        new String[] {"{\"variables\":{\"decision\":{\"value\":-1e400}}}", "variables.decision.value"},
        new String[] {"{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"Object\"}}}", "decision"})) {
      for (String action : List.of("complete", "submit-form")) {
        HttpResponse<String> res = post("/engine-rest/task/" + task.getId() + "/" + action, "park-admin-clerk",
            "application/json", bad[0].getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(bad[0] + " " + res.body()).isEqualTo(400);
        assertThat(mapper.readTree(res.body()).get("message").asText()).contains(bad[1]);
      }
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from pf_case_event", Long.class)).isEqualTo(events);

    HttpResponse<String> unknown = post("/engine-rest/task/" + UUID.randomUUID() + "/complete", "park-admin-clerk",
        "application/json", "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}".getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(mapper.readTree(unknown.body()).get("message").asText()).contains("任务不存在");
  }
}
