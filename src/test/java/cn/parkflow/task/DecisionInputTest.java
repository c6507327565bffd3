package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.DecisionTaskModel;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A decision task's completion with fields of the wrong type or too long: 400 naming the field on every way in (engine
 * REST, Tasklist's engine API), refused by the engine itself on the Java API, and the task stays open.
 */
@IntegrationTest
class DecisionInputTest {
  static boolean deployed;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;
  Task task;

  @BeforeEach
  void setUp(@Autowired RepositoryService repositoryService) {
    if (!deployed) {
      repositoryService.createDeployment().name("decision-input-test").addString("decision-input-test.bpmn",
          DecisionTaskModel.bpmn("decision-input-test", "办理输入测试", false)).deploy();
      deployed = true;
    }
    http = new Http(port);
    String instance = runtimeService.startProcessInstanceByKey("decision-input-test", "IN-" + UUID.randomUUID())
        .getId();
    task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  static String variables(String decision, String field, String variable) {
    return "{\"variables\":{\"decision\":" + decision + ",\"" + field + "\":" + variable + "}}";
  }

  static Stream<Arguments> badBodies() {
    String approve = "{\"value\":\"approve\"}";
    String ret = "{\"value\":\"return\"}";
    return Stream.of(
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":5}")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":true}")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":{\"text\":\"同意\"}}")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":5,\"type\":\"Integer\"}")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":\"5\",\"type\":\"Integer\"}")),
        Arguments.of("opinion", variables(approve, "opinion", "\"同意\"")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":\"" + "意".repeat(1_000_000) + "\"}")),
        Arguments.of("opinion", variables(approve, "opinion", "{\"value\":\"" + "意".repeat(2001) + "\"}")),
        Arguments.of("missingItems", variables(ret, "missingItems", "{\"value\":7}")),
        Arguments.of("missingItems", variables(ret, "missingItems", "{\"value\":[\"营业执照\"]}")),
        Arguments.of("missingItems", variables(ret, "missingItems", "{\"value\":\"" + "缺".repeat(4001) + "\"}")),
        Arguments.of("decision", variables("{\"value\":1}", "opinion", "{\"value\":\"同意\"}")),
        Arguments.of("decision", variables("{\"value\":false,\"type\":\"Boolean\"}", "opinion", "{\"value\":\"同意\"}")));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void aCompletionWithABadFieldAnswers400NamingIt(String field, String body) throws Exception {
    for (String path : new String[] {"/engine-rest/task/" + task.getId() + "/complete",
        "/engine-rest/task/" + task.getId() + "/submit-form",
        "/engine-rest/engine/default/task/" + task.getId() + "/complete"}) {
      HttpResponse<String> res = http.post(path, "drc-clerk", body);
      assertThat(res.statusCode()).as(path).isEqualTo(400);
      JsonNode problem = mapper.readTree(res.body());
      assertThat(problem.get("errors").findValuesAsText("field")).as(path).contains(field);
      assertThat(problem.get("message").asText()).contains(field);
      assertThat(res.body().length()).as("the answer does not echo the value").isLessThan(2000);
    }
    HttpResponse<String> tasklist = http.webappSession("tasklist", "drc-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", body);
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(tasklist.body()).get("message").asText()).contains(field);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void textsUpToTheLimitsAreAccepted() {
    String body = "{\"variables\":{\"decision\":{\"value\":\"return\",\"type\":\"String\"},"
        + "\"opinion\":{\"value\":\"" + "意".repeat(DecisionRules.MAX_OPINION) + "\"},"
        + "\"missingItems\":{\"value\":\"" + "缺".repeat(DecisionRules.MAX_MISSING_ITEMS) + "\"}}}";
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", "drc-clerk", body).statusCode())
        .isEqualTo(204);
  }

  @Test
  void theEngineRefusesABadTypeOrLengthFromTheJavaApi() {
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "approve", "opinion", 5)))
        .hasMessageContaining("opinion").hasMessageContaining("必须是文字");
    assertThatThrownBy(() -> taskService.complete(task.getId(),
            Map.of("decision", "reject", "opinion", "意".repeat(DecisionRules.MAX_OPINION + 1))))
        .hasMessageContaining("opinion").hasMessageContaining("2000");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "return", "opinion", "缺材料",
            "missingItems", Boolean.TRUE)))
        .hasMessageContaining("missingItems");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
