package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import cn.parkflow.web.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The request filter in front of a decision task's completion asks the engine nothing for a body of well-formed
 * decision variables (the engine's guard checks the rules, once), and looks the task up once only for what the engine
 * cannot see: variables the task does not take, or decision variables the engine REST API cannot hand over as text.
 */
class DecisionRequestFilterTest {
  private static final String TASK = "task-1";

  private static Matcher completion() {
    Matcher m = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$").matcher("/engine-rest/task/" + TASK
        + "/complete");
    assertThat(m.matches()).isTrue();
    return m;
  }

  private static byte[] body(String variables) {
    return ("{\"variables\":" + variables + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** A task service that fails the test on any use. */
  private static TaskService unusable() {
    return mock(TaskService.class, call -> {
      throw new AssertionError("the filter asked the engine: " + call.getMethod().getName());
    });
  }

  /** A task service whose only use is one query finding {@code task} (or none). */
  private static TaskService finding(Task task) {
    TaskService taskService = mock(TaskService.class);
    TaskQuery query = mock(TaskQuery.class);
    when(taskService.createTaskQuery()).thenReturn(query);
    when(query.taskId(anyString())).thenReturn(query);
    when(query.singleResult()).thenReturn(task);
    return taskService;
  }

  private static Task decisionTask() {
    Task task = mock(Task.class);
    when(task.getProcessDefinitionId()).thenReturn("project-approval:1:x");
    when(task.getTaskDefinitionKey()).thenReturn("userTask_intakeReview");
    return task;
  }

  private static DecisionRules rules() {
    return new DecisionRules(null, null) {
      @Override
      public List<String> allowedDecisions(String processDefinitionId, String taskDefinitionKey) {
        return List.of("approve", "return", "reject");
      }

      @Override
      public Set<String> extraVariables(String processDefinitionId, String taskDefinitionKey) {
        return Set.of("refusalGrounds");
      }
    };
  }

  @Test
  @DisplayName("decision variables only, valid or not: no engine call, the engine's guard answers")
  void decisionVariablesPassWithoutAnEngineCall() {
    var filter = new DecisionRequestFilter.Filter(rules(), unusable(), new ObjectMapper());
    for (String variables : List.of(
        "{\"decision\":{\"value\":\"approve\"}}",
        "{\"decision\":{\"value\":\"return\",\"type\":\"String\"},\"opinion\":{\"value\":\"缺材料\"},"
            + "\"missingItems\":{\"value\":\"营业执照\"}}",
        "{\"decision\":{\"value\":\"reject\"}}",
        "{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":5}}",
        "{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":null,\"type\":\"String\"}}",
        "{}")) {
      assertThat(filter.refusal(completion(), body(variables))).as(variables).isNull();
    }
    assertThat(filter.refusal(completion(), new byte[0])).isNull();
    assertThat(filter.refusal(completion(), "not json".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  @DisplayName("a variable the task does not take: one task query, and 400 naming it")
  void foreignVariableIsRefusedAfterOneQuery() {
    TaskService taskService = finding(decisionTask());
    var filter = new DecisionRequestFilter.Filter(rules(), taskService, new ObjectMapper());
    var refusal = filter.refusal(completion(), body("{\"decision\":{\"value\":\"approve\"},"
        + "\"refusalGrounds\":{\"value\":\"无\"},\"projectCode\":{\"value\":\"X\"}}"));
    assertThat(refusal).isNotNull();
    assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("projectCode");
    assertThat(refusal.message()).contains("不接受：projectCode").contains("refusalGrounds");
    verify(taskService, times(1)).createTaskQuery();
    verifyNoMoreInteractions(taskService);
  }

  @Test
  @DisplayName("the task's own extra variables are accepted after the one query")
  void extraVariablesPass() {
    TaskService taskService = finding(decisionTask());
    var filter = new DecisionRequestFilter.Filter(rules(), taskService, new ObjectMapper());
    assertThat(filter.refusal(completion(), body("{\"decision\":{\"value\":\"reject\"},"
        + "\"refusalGrounds\":{\"value\":\"无\"}}"))).isNull();
    verify(taskService, times(1)).createTaskQuery();
    verifyNoMoreInteractions(taskService);
  }

  @Test
  @DisplayName("a decision variable the engine REST API cannot hand over: 400 naming it, no variable read")
  void unreadableDecisionVariableIsRefused() {
    for (String opinion : List.of("\"同意\"", "{\"value\":{\"text\":\"同意\"}}", "{\"value\":[\"同意\"]}",
        "{\"value\":\"同意\",\"type\":\"Object\"}", "{\"value\":5,\"type\":\"Integer\"}",
        "{\"value\":5,\"type\":\"String\"}")) {
      TaskService taskService = finding(decisionTask());
      var filter = new DecisionRequestFilter.Filter(rules(), taskService, new ObjectMapper());
      var refusal = filter.refusal(completion(), body("{\"decision\":{\"value\":\"approve\"},\"opinion\":" + opinion
          + "}"));
      assertThat(refusal).as(opinion).isNotNull();
      assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("opinion");
      assertThat(refusal.message()).isEqualTo("意见（opinion）必须是文字（String）");
      verify(taskService, times(1)).createTaskQuery();
      verifyNoMoreInteractions(taskService);
    }
  }

  @Test
  @DisplayName("the task ended (e.g. withdrawn) or is not the caller's to see: no refusal, the engine answers")
  void goneTaskIsLeftToTheEngine() {
    var filter = new DecisionRequestFilter.Filter(rules(), finding(null), new ObjectMapper());
    assertThat(filter.refusal(completion(), body("{\"projectCode\":{\"value\":\"X\"}}"))).isNull();
  }
}
