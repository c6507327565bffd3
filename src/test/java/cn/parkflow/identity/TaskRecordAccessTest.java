package cn.parkflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.deadline.DeadlineSpec;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.ReminderTestProcess;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task's comments, attachments and identity links follow the task's own visibility, through the engine REST API
 * and the webapps' engine API; supervisors read them and write only by urging. The case has a task for the DRC and
 * one for the natural-resources bureau, so both departments share it.
 */
@IntegrationTest
class TaskRecordAccessTest {
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  final ObjectMapper mapper = new ObjectMapper();
  Http http;
  ProcessInstance instance;
  Task drcTask;
  Task landTask;

  @BeforeEach
  void startCase() {
    http = new Http(port);
    TwoDepartmentCase started = TwoDepartmentCase.start(repositoryService, runtimeService, taskService);
    instance = started.instance();
    drcTask = started.drcTask();
    landTask = started.landTask();
    identityService.setAuthentication("drc-clerk", List.of("drc"));
    try {
      taskService.createComment(drcTask.getId(), instance.getId(), "发改内部意见");
      taskService.createAttachment("url", drcTask.getId(), instance.getId(), "发改附件", "内部材料", "http://x.invalid/a");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  @DisplayName("another department's clerk gets 404 on a task's comments, attachments and identity links, read or write")
  void anotherDepartmentGets404OnTheTasksRecord() throws Exception {
    String task = "/engine-rest/task/" + drcTask.getId();
    for (String path : new String[] {"/comment", "/attachment", "/identity-links"}) {
      var res = http.get(task + path, "natural-resources-clerk");
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
          assertThat(v).startsWith("application/problem+json"));
      assertThat(res.body()).doesNotContain("发改");
    }
    assertThat(http.post(task + "/comment/create", "natural-resources-clerk", "{\"message\":\"越权留言\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.post(task + "/attachment/create", "natural-resources-clerk", "{}").statusCode()).isEqualTo(404);
    assertThat(http.post(task + "/identity-links", "natural-resources-clerk",
        "{\"groupId\":\"natural-resources\",\"type\":\"candidate\"}").statusCode()).isEqualTo(404);
    assertThat(taskService.getTaskComments(drcTask.getId())).extracting(Comment::getFullMessage)
        .containsExactly("发改内部意见");
    assertThat(taskService.getIdentityLinksForTask(drcTask.getId())).noneMatch(l ->
        "natural-resources".equals(l.getGroupId()));

    // The department that works the task reads and writes its record as before.
    assertThat(http.get(task + "/comment", "drc-clerk").body()).contains("发改内部意见");
    assertThat(http.get(task + "/attachment", "drc-clerk").body()).contains("发改附件");
    assertThat(http.get(task + "/identity-links", "drc-clerk").statusCode()).isEqualTo(200);
    assertThat(http.post(task + "/comment/create", "drc-clerk", "{\"message\":\"补充说明\"}").statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("the webapps' engine API answers the same, in Camunda's error format")
  void theWebappsEngineApiAnswersTheSame() throws Exception {
    WebappSession land = new WebappSession(port);
    assertThat(land.login("tasklist", "natural-resources-clerk", "demo")).isEqualTo(200);
    String task = WEBAPP_ENGINE + "/task/" + drcTask.getId();
    for (String path : new String[] {"/comment", "/attachment", "/identity-links"}) {
      HttpResponse<String> res = land.get(task + path);
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(mapper.readTree(res.body()).get("message").asText()).contains("任务不存在");
    }
    assertThat(land.post(task + "/comment/create", "{\"message\":\"越权留言\"}").statusCode()).isEqualTo(404);
    assertThat(land.get(WEBAPP_ENGINE + "/task/" + landTask.getId() + "/comment").statusCode()).isEqualTo(200);

    WebappSession supervisor = new WebappSession(port);
    assertThat(supervisor.login("cockpit", "supervisor", "demo")).isEqualTo(200);
    assertThat(supervisor.get(task + "/comment").body()).contains("发改内部意见");
    HttpResponse<String> write = supervisor.post(task + "/comment/create", "{\"message\":\"督查留言\"}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(mapper.readTree(write.body()).get("message").asText()).contains("催办");
    assertThat(taskService.getTaskComments(drcTask.getId())).hasSize(1);
  }

  @Test
  @DisplayName("a case's comment list leaves out the comments on another department's task")
  void caseCommentsLeaveOutOtherDepartmentsTasks() throws Exception {
    taskService.createComment(null, instance.getId(), "案件说明");
    String comments = "/engine-rest/process-instance/" + instance.getId() + "/comment";
    assertThat(http.get(comments, "drc-clerk").body()).contains("发改内部意见", "案件说明");
    var land = http.get(comments, "natural-resources-clerk");
    assertThat(land.statusCode()).isEqualTo(200);
    assertThat(land.body()).contains("案件说明").doesNotContain("发改内部意见");
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", "natural-resources-clerk", "demo")).isEqualTo(200);
    assertThat(cockpit.get(WEBAPP_ENGINE + "/process-instance/" + instance.getId() + "/comment").body())
        .contains("案件说明").doesNotContain("发改内部意见");
  }

  @Test
  @DisplayName("supervisors read a task's comments but write only by urging, which still comments and notifies")
  void supervisorsWriteOnlyByUrging(@Autowired Deadlines deadlines) throws Exception {
    ReminderTestProcess.deploy(repositoryService);
    Instant due = deadlines.calendar().due(Instant.now(), DeadlineSpec.ofWorkingDays(5));
    Task review = ReminderTestProcess.openTask(taskService,
        ReminderTestProcess.start(runtimeService, ReminderTestProcess.newCaseCode(), due).getId());
    String task = "/engine-rest/task/" + review.getId();

    var direct = http.post(task + "/comment/create", "supervisor", "{\"message\":\"请尽快办理\"}");
    assertThat(direct.statusCode()).isEqualTo(403);
    assertThat(direct.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
        assertThat(v).startsWith("application/problem+json"));
    assertThat(http.post(task + "/attachment/create", "supervisor", "{}").statusCode()).isEqualTo(403);
    assertThat(taskService.getTaskComments(review.getId())).isEmpty();

    var urged = http.post("/api/supervision/tasks/" + review.getId() + "/urge", "supervisor",
        "{\"note\":\"请尽快办理\"}");
    assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
    assertThat(mapper.readTree(urged.body()).get("notified")).isNotEmpty();
    assertThat(http.get(task + "/comment", "supervisor").body()).contains("请尽快办理");
    assertThat(http.get(task + "/comment", "drc-clerk").body()).contains("请尽快办理");
    assertThat(http.get(task + "/comment", "finance-clerk").statusCode()).isEqualTo(404);
  }
}
