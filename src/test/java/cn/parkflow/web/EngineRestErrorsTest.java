package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.DecisionTaskModel;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the engine REST APIs answer where Camunda's REST layer answers 500: two clerks completing one task at once, a
 * task that is gone, deleting a task. The case: a DRC decision task, then a follow-up task, so a second completion
 * would show as a second follow-up.
 */
@IntegrationTest
class EngineRestErrorsTest {
  static final String APPROVE = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意\"}}}";
  static boolean deployed;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp(@Autowired RepositoryService repositoryService) {
    if (!deployed) {
      repositoryService.createDeployment().name("engine-errors-test").addString("engine-errors-test.bpmn",
          DecisionTaskModel.bpmn("engine-errors-test", "并发办理测试", true)).deploy();
      deployed = true;
    }
    http = new Http(port);
  }

  /** A fresh case; answers its open DRC decision task. */
  Task newCase() {
    String instance = runtimeService.startProcessInstanceByKey("engine-errors-test", "ERR-" + UUID.randomUUID())
        .getId();
    return taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(DecisionTaskModel.DECISION_TASK).singleResult();
  }

  JsonNode json(HttpResponse<String> res) {
    try {
      return mapper.readTree(res.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }

  @Test
  @DisplayName("two clerks completing one task at once: one 204, the other 409 or 404 in Chinese, never 500")
  void concurrentCompletions() throws Exception {
    Http.WebappSession tasklist = http.webappSession("tasklist", "drc-clerk", "demo");
    for (int round = 0; round < 16; round++) {
      Task task = newCase();
      String engineRest = "/engine-rest/task/" + task.getId() + (round % 2 == 0 ? "/complete" : "/submit-form");
      String webapp = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
      // Every third round one of the two clicks comes from Tasklist.
      Supplier<HttpResponse<String>> first = () -> http.post(engineRest, "drc-clerk", APPROVE);
      Supplier<HttpResponse<String>> second = round % 3 == 0 ? () -> tasklist.post(webapp, APPROVE)
          : () -> http.post(engineRest, "drc-clerk", APPROVE);
      CyclicBarrier start = new CyclicBarrier(2);
      var a = CompletableFuture.supplyAsync(() -> await(start, first));
      var b = CompletableFuture.supplyAsync(() -> await(start, second));
      List<HttpResponse<String>> answers = List.of(a.get(), b.get());

      List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
      assertThat(statuses).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
          .containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404);
      HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() != 204).findFirst().orElseThrow();
      assertThat(json(loser).get("message").asText()).containsAnyOf("他人办理", "已办结");
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .taskDefinitionKey(DecisionTaskModel.FOLLOW_UP_TASK).count()).as("follow-ups after round %d", round)
          .isEqualTo(1);
    }
  }

  private static HttpResponse<String> await(CyclicBarrier barrier, Supplier<HttpResponse<String>> request) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return request.get();
  }

  @Test
  void aConflictOnEngineRestIsProblemJsonInChinese() throws Exception {
    Task task = newCase();
    assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", "drc-clerk", APPROVE).statusCode())
        .isEqualTo(204);
    var again = http.post("/engine-rest/task/" + task.getId() + "/complete", "drc-clerk", APPROVE);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    assertThat(json(again).get("title").asText()).isEqualTo("未找到");
    assertThat(json(again).get("detail").asText()).contains("已办结").contains(task.getId());
  }

  @Test
  void completingAnUnknownTaskAnswers404NamingTheTask() {
    for (String path : List.of("/complete", "/submit-form")) {
      var res = http.post("/engine-rest/task/no-such-task" + path, "drc-clerk", APPROVE);
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(json(res).get("message").asText()).contains("no-such-task");
    }
    var tasklist = http.webappSession("tasklist", "drc-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/no-such-task/submit-form", APPROVE);
    assertThat(tasklist.statusCode()).isEqualTo(404);
    assertThat(json(tasklist).get("message").asText()).contains("任务不存在");
  }

  @Test
  void anotherDepartmentsTaskAnswers404AsIfItDidNotExist() {
    Task task = newCase();
    var res = http.post("/engine-rest/task/" + task.getId() + "/complete", "finance-clerk", APPROVE);
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void deletingATaskAnswers404Or403AsItsVisibilitySaysNever500() {
    Task task = newCase();
    String path = "/engine-rest/task/" + task.getId();
    var stranger = http.delete(path, "finance-clerk");
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(json(stranger).get("detail").asText()).contains("任务不存在");
    var clerk = http.delete(path, "drc-clerk");
    assertThat(clerk.statusCode()).isEqualTo(403);
    assertThat(json(clerk).get("detail").asText()).contains("不能删除");
    assertThat(http.delete(path, "supervisor").statusCode()).isEqualTo(403);
    assertThat(http.delete(path, "admin").statusCode()).isEqualTo(403);
    assertThat(http.delete("/engine-rest/task/no-such-task", "drc-clerk").statusCode()).isEqualTo(404);
    var webapp = http.webappSession("tasklist", "finance-clerk", "demo")
        .delete("/camunda/api/engine/engine/default/task/" + task.getId());
    assertThat(webapp.statusCode()).isEqualTo(404);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
