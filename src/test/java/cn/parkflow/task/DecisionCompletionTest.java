package cn.parkflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.parkflow.support.DecisionTaskModel;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.web.FieldError;
import cn.parkflow.web.FieldRefusalLogFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A decision task's completion over HTTP is checked once, by the engine's guard: a valid one reaches the engine's
 * completion without any engine command before it that reads the task or its variables, and an invalid one is answered
 * with the guard's own refusal, naming each field, on {@code /engine-rest} (problem+json) and on Tasklist's engine API
 * (Camunda's format), without an error in the log.
 */
@IntegrationTest
class DecisionCompletionTest {
  static boolean deployed;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp(@Autowired RepositoryService repositoryService) {
    if (!deployed) {
      repositoryService.createDeployment().name("decision-completion-test").addString("decision-completion-test.bpmn",
          DecisionTaskModel.bpmn("decision-completion-test", "办理一次校验测试", false)).deploy();
      deployed = true;
    }
    http = new Http(port);
  }

  Task newTask() {
    String instance = runtimeService.startProcessInstanceByKey("decision-completion-test", "DC-" + UUID.randomUUID())
        .getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  /** The engine commands that request threads ran while {@code request} was answered, by class name, in order. */
  List<String> commandsOnRequestThreads(Supplier<HttpResponse<String>> request, int expectedStatus) {
    List<String> commands = Collections.synchronizedList(new ArrayList<>());
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CommandInterceptor first = (CommandInterceptor) configuration.getCommandExecutorTxRequired();
    CommandExecutor chain = first.getNext();
    CommandInterceptor recorder = new CommandInterceptor() { // inserted after the chain's first interceptor
      @Override
      public <T> T execute(Command<T> command) {
        if (Thread.currentThread().getName().startsWith("http-")) {
          commands.add(command.getClass().getSimpleName());
        }
        return chain.execute(command);
      }
    };
    first.setNext(recorder);
    try {
      assertThat(request.get().statusCode()).isEqualTo(expectedStatus);
    } finally {
      first.setNext(chain);
    }
    return List.copyOf(commands);
  }

  static List<String> before(List<String> commands, String completion) {
    assertThat(commands).contains(completion);
    return commands.subList(0, commands.indexOf(completion));
  }

  @Test
  void aValidCompletionReadsNeitherTheTaskNorItsVariablesBeforeTheEngineCompletesIt() {
    String body = "{\"variables\":{\"decision\":{\"value\":\"return\"},\"opinion\":{\"value\":\"缺营业执照\"},"
        + "\"missingItems\":{\"value\":\"营业执照\"}}}";
    Task rest = newTask();
    List<String> overRest = commandsOnRequestThreads(
        () -> http.post("/engine-rest/task/" + rest.getId() + "/complete", "drc-clerk", body), 204);
    assertThat(before(overRest, "CompleteTaskCmd")).as(overRest.toString())
        .noneMatch(c -> c.startsWith("TaskQuery") || c.contains("Variable"));

    Task tasklist = newTask();
    Http.WebappSession session = http.webappSession("tasklist", "drc-clerk", "demo");
    List<String> overTasklist = commandsOnRequestThreads(() -> session.post(
        "/camunda/api/engine/engine/default/task/" + tasklist.getId() + "/submit-form", body), 204);
    assertThat(before(overTasklist, "SubmitTaskFormCmd")).as(overTasklist.toString())
        .noneMatch(c -> c.startsWith("TaskQuery") || c.contains("Variable"));
    assertThat(taskService.createTaskQuery().taskId(tasklist.getId()).count()).isZero();
  }

  @Test
  void anInvalidCompletionIsAnsweredWithTheEnginesRefusalNamingTheField() throws Exception {
    Task task = newTask();
    DecisionRefused refused = refusalOf(catchThrowable(() -> taskService.complete(task.getId(),
        Map.of("decision", "reject"))));
    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("opinion");

    // as when logback is configured again (another application context in this JVM): its filters are gone
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()
        .removeIf(f -> f instanceof FieldRefusalLogFilter);
    ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
    Logger engineContext = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    engineLog.start();
    engineContext.addAppender(engineLog);
    try {
      answersTheRefusal(task, refused);
    } finally {
      engineContext.detachAppender(engineLog);
    }
    assertThat(engineLog.list).as("a clerk's input error is no error of the application")
        .noneMatch(e -> e.getLevel() == Level.ERROR);
  }

  void answersTheRefusal(Task task, DecisionRefused refused) throws Exception {
    String body = "{\"variables\":{\"decision\":{\"value\":\"reject\"}}}";
    HttpResponse<String> rest = http.post("/engine-rest/task/" + task.getId() + "/complete", "drc-clerk", body);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(rest.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = mapper.readTree(rest.body());
    assertThat(problem.get("detail").asText()).isEqualTo(refused.getMessage());
    assertThat(problem.get("message").asText()).isEqualTo(refused.getMessage());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("opinion");
    assertThat(problem.get("errors").findValuesAsText("message")).containsExactly(refused.errors().get(0).message());

    HttpResponse<String> tasklist = http.webappSession("tasklist", "drc-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", body);
    assertThat(tasklist.statusCode()).isEqualTo(400);
    JsonNode camunda = mapper.readTree(tasklist.body());
    assertThat(camunda.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(camunda.get("message").asText()).isEqualTo(refused.getMessage());
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void theGuardRunsBeforeTheModelsOwnCompleteListener(@Autowired RepositoryService repositoryService) {
    // The model's listener names a bean that does not exist: it fails whenever it runs.
    String model = DecisionTaskModel.bpmn("decision-guard-first-test", "校验先于模型监听器测试", false)
        .replace("</bpmn:extensionElements>", "<camunda:taskListener event=\"complete\" "
            + "expression=\"${noSuchStepListener.notify(task)}\"/></bpmn:extensionElements>");
    repositoryService.createDeployment().name("decision-guard-first-test")
        .addString("decision-guard-first-test.bpmn", model).deploy();
    String instance = runtimeService.startProcessInstanceByKey("decision-guard-first-test").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

    Throwable refused = catchThrowable(() -> taskService.complete(task.getId(), Map.of("decision", "reject")));
    assertThat(refusalOf(refused).errors()).extracting(FieldError::field).containsExactly("opinion");

    Throwable valid = catchThrowable(() -> taskService.complete(task.getId(), Map.of("decision", "approve")));
    assertThat(valid).as("a valid decision reaches the model's listener").hasMessageContaining("noSuchStepListener");
  }

  static DecisionRefused refusalOf(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof DecisionRefused refused) {
        return refused;
      }
    }
    throw new AssertionError("not refused by the decision guard", thrown);
  }
}
