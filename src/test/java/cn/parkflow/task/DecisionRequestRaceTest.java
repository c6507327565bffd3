package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.web.FieldErrors;
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
 * The decision check reads task variables a rule asks for; when a withdrawal ends the task at that moment, the engine
 * may fail inside its own command (a NullPointerException restoring the deleted instance) instead of reporting the
 * task as gone. The check then leaves the completion to the engine instead of answering 500 — as
 * {@code ConcurrentDecisionTest.anApplicantWithdrawingWhileTheClerkDecides} saw once in a full run.
 */
class DecisionRequestRaceTest {
  private static final String TASK = "task-1";
  private static final byte[] BODY = "{\"variables\":{\"decision\":{\"value\":\"reject\"}}}"
      .getBytes(StandardCharsets.UTF_8);

  private static Matcher completion() {
    Matcher m = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$").matcher("/engine-rest/task/" + TASK
        + "/complete");
    assertThat(m.matches()).isTrue();
    return m;
  }

  /** A task service whose task is found, whose variable reads fail like the race, and whose task then is gone. */
  private static TaskService racingTaskService(long countAfterwards) {
    TaskService taskService = mock(TaskService.class);
    TaskQuery query = mock(TaskQuery.class);
    Task task = mock(Task.class);
    when(task.getProcessDefinitionId()).thenReturn("project-approval:1:x");
    when(task.getTaskDefinitionKey()).thenReturn("userTask_intakeReview");
    when(taskService.createTaskQuery()).thenReturn(query);
    when(query.taskId(anyString())).thenReturn(query);
    when(query.singleResult()).thenReturn(task);
    when(query.count()).thenReturn(countAfterwards);
    when(taskService.getVariable(anyString(), anyString())).thenThrow(new NullPointerException(
        "Cannot invoke \"ExecutionEntity.restoreProcessInstance(…)\" because \"processInstance\" is null"));
    return taskService;
  }

  private static DecisionRules rulesReadingAVariable() {
    DecisionRules rules = mock(DecisionRules.class);
    when(rules.allowedDecisions(anyString(), anyString())).thenReturn(List.of("approve", "return", "reject"));
    when(rules.extraVariables(anyString(), anyString())).thenReturn(Set.of());
    when(rules.check(anyString(), anyString(), any(), any(), any(), any(), any())).thenAnswer(call -> {
      DecisionConstraint.TaskVariables variables = call.getArgument(3);
      variables.get(cn.parkflow.variable.Variable.text("intakeOutcome"));
      return new FieldErrors();
    });
    return rules;
  }

  @Test
  @DisplayName("the task ended while its variables were read: no refusal, the engine answers the completion")
  void endedTask() {
    var filter = new DecisionRequestFilter.Filter(rulesReadingAVariable(), racingTaskService(0), new ObjectMapper());
    assertThat(filter.refusal(completion(), BODY)).isNull();
  }

  @Test
  @DisplayName("a failure while the task still exists is not hidden")
  void taskStillThere() {
    var filter = new DecisionRequestFilter.Filter(rulesReadingAVariable(), racingTaskService(1), new ObjectMapper());
    assertThatThrownBy(() -> filter.refusal(completion(), BODY)).isInstanceOf(NullPointerException.class);
  }
}
