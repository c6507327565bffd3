package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import cn.parkflow.support.IntegrationTest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The answers {@link EngineRestErrors} gives, with a real engine where the answer depends on the task. */
@IntegrationTest
class EngineRestErrorsMappingTest {
  @Autowired TaskService taskService;

  static UriInfo uri(String base, String path) {
    UriInfo info = mock(UriInfo.class);
    when(info.getPath()).thenReturn(path);
    when(info.getRequestUri()).thenReturn(URI.create("http://localhost" + base + "/" + path));
    return info;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> body(Response res) {
    return (Map<String, Object>) res.getEntity();
  }

  @Test
  void anEngineRefusalThatCamundaWrapsAs500Answers400WithItsMessage() {
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new NotValidException("退回补正时必须逐行列明需补正的材料（missingItems，一次性告知）"), "Cannot submit");
    Response res = EngineRestErrors.answer(wrapped, uri("/camunda/api/engine", "engine/default/process-definition/x/submit-form"),
        "POST", true);
    assertThat(res.getStatus()).isEqualTo(400);
    assertThat(body(res)).containsEntry("type", "InvalidRequestException")
        .hasEntrySatisfying("message", m -> assertThat(m.toString()).contains("missingItems"));
  }

  /** A refusal naming its fields, as the decision guard throws it (task.DecisionRefused). */
  static final class Refused extends NotValidException implements FieldRefusal {
    Refused(String message) {
      super(message);
    }

    @Override
    public List<FieldError> errors() {
      return List.of(new FieldError("opinion", getMessage()));
    }
  }

  @Test
  void aRefusalNamingFieldsAnswers400NamingThemWhereverCamundaWrappedIt() {
    Task task = taskService.newTask();
    taskService.saveTask(task);
    try {
      String message = "选择“不予受理”时必须填写意见（opinion），写明理由";
      var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
          new ProcessEngineException("Exception while invoking TaskListener: " + message, new Refused(message)),
          "Cannot complete task " + task.getId() + ": " + message);
      Response rest = EngineRestErrors.answer(wrapped, uri("/engine-rest", "task/" + task.getId() + "/complete"),
          "POST", true);
      assertThat(rest.getStatus()).isEqualTo(400);
      assertThat(rest.getMediaType().toString()).startsWith("application/problem+json");
      assertThat(body(rest)).containsEntry("status", 400).containsEntry("detail", message)
          .containsEntry("message", message)
          .containsEntry("errors", List.of(new FieldError("opinion", message)));

      Response tasklist = EngineRestErrors.answer(new Refused(message),
          uri("/camunda/api/engine", "engine/default/task/" + task.getId() + "/submit-form"), "POST", false);
      assertThat(tasklist.getStatus()).isEqualTo(400);
      assertThat(body(tasklist)).containsEntry("type", "InvalidRequestException").containsEntry("message", message);
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  /**
   * A refusal of a task that is gone by the time it is answered lost a race (the applicant withdrew while the clerk
   * completed, and the guard found the case's variables already deleted): 404, as any other request on a gone task.
   */
  @Test
  void aRefusalOfATaskThatIsGoneAnswers404() {
    String message = "请选择办理结论（decision）";
    Response rest = EngineRestErrors.answer(new ProcessEngineException(message, new Refused(message)),
        uri("/engine-rest", "task/no-such-task/complete"), "POST", true);
    assertThat(rest.getStatus()).isEqualTo(404);
  }


  @Test
  void optimisticLockingAnswers409ProblemJsonOnEngineRest() {
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[1]' failed."), "Cannot complete");
    Response res = EngineRestErrors.answer(wrapped, uri("/engine-rest", "process-instance/1/modification"), "POST",
        true);
    assertThat(res.getStatus()).isEqualTo(409);
    assertThat(res.getMediaType().toString()).startsWith("application/problem+json");
    assertThat(body(res)).containsEntry("title", "当前状态不允许此操作")
        .containsEntry("detail", EngineRestErrors.CONCURRENT_CHANGE);
  }

  @Test
  void otherErrorsAreLeftToCamunda() {
    assertThat(EngineRestErrors.answer(new ProcessEngineException("boom"), uri("/engine-rest", "deployment/create"),
        "POST", false)).isNull();
  }
}
