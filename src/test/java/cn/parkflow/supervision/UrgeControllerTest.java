package cn.parkflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.deadline.DeadlineSpec;
import cn.parkflow.deadline.Deadlines;
import cn.parkflow.deadline.ReminderTestProcess;
import cn.parkflow.deadline.TaskNotices;
import cn.parkflow.mail.OutboxSender;
import cn.parkflow.mail.ReceivedMail;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import cn.parkflow.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/supervision/tasks/{taskId}/urge}: mail, task comment and case record; supervisors only. */
@IntegrationTest
class UrgeControllerTest {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Deadlines deadlines;
  @Autowired TaskNotices notices;
  @Autowired CaseRecord caseRecord;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  String caseCode;
  Task task;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    ReminderTestProcess.deploy(repositoryService);
    caseCode = ReminderTestProcess.newCaseCode();
    Instant due = deadlines.calendar().due(Instant.now(), DeadlineSpec.ofWorkingDays(5));
    task = ReminderTestProcess.openTask(taskService,
        ReminderTestProcess.start(runtimeService, caseCode, due).getId());
  }

  JsonNode urge(String taskId, String user, String body, int expectedStatus) throws Exception {
    var res = http.post("/api/supervision/tasks/" + taskId + "/urge", user, body);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(expectedStatus);
    return json.readTree(res.body());
  }

  List<String> queuedFor(String reasonPrefix) {
    return jdbc.queryForList("select recipient from pf_outbox where starts_with(reason_key, ?) order by recipient",
        String.class, reasonPrefix);
  }

  List<CaseEvent> urgings() {
    return caseRecord.of(caseCode).stream().filter(e -> CaseEvent.URGED.equals(e.kind())).toList();
  }

  @Test
  @DisplayName("a supervisor urges: e-mail to the department, a comment on the task, an entry in the case record")
  void supervisorUrges() throws Exception {
    JsonNode answer = urge(task.getId(), "supervisor", "{\"note\": \"请于本周五前办结并反馈\"}", 200);

    List<String> drc = notices.groupEmails("drc");
    assertThat(answer.get("taskId").asText()).isEqualTo(task.getId());
    assertThat(json.convertValue(answer.get("notified"), List.class)).containsExactlyInAnyOrderElementsOf(drc);
    String comment = answer.get("comment").asText();
    assertThat(comment).startsWith(Urging.COMMENT_PREFIX).contains("请于本周五前办结并反馈", "督查室 孙督查");

    assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly(comment);
    assertThat(queuedFor("urge:" + task.getId() + ":")).containsExactlyInAnyOrderElementsOf(drc);
    assertThat(urgings()).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("supervisor");
      assertThat(e.detail()).isEqualTo("请于本周五前办结并反馈");
      assertThat(e.taskId()).isEqualTo(task.getId());
      assertThat(e.department()).isEqualTo("drc");
      assertThat(e.stepName()).isEqualTo(ReminderTestProcess.REVIEW_NAME);
    });

    while (sender.sendDue() > 0) {
      // deliver the whole backlog of the shared database, ours included
    }
    List<MimeMessage> mails = ReceivedMail.withReason(greenMail, "urge:" + task.getId() + ":");
    assertThat(mails).hasSize(drc.size());
    assertThat(ReceivedMail.subject(mails.get(0))).isEqualTo("【督查催办】" + caseCode + " " + ReminderTestProcess.REVIEW_NAME);
    assertThat((String) mails.get(0).getContent()).contains("请于本周五前办结并反馈", caseCode,
        ReminderTestProcess.ENTERPRISE, "发展和改革局", "绿灯", "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  @Test
  @DisplayName("urging twice sends twice; a claimed task's urging goes to its assignee only")
  void repeatedUrgingOfAnAssignedTask() throws Exception {
    taskService.setAssignee(task.getId(), "drc-clerk");
    urge(task.getId(), "supervisor", "{\"note\": \"第一次催办\"}", 200);
    JsonNode second = urge(task.getId(), "supervisor", "{\"note\": \"第二次催办\"}", 200);

    assertThat(json.convertValue(second.get("notified"), List.class)).containsExactly("drc-clerk@parkflow.local");
    assertThat(queuedFor("urge:" + task.getId() + ":")).containsExactly("drc-clerk@parkflow.local",
        "drc-clerk@parkflow.local");
    assertThat(taskService.getTaskComments(task.getId())).hasSize(2);
    assertThat(urgings()).extracting(CaseEvent::detail).containsExactly("第一次催办", "第二次催办");

    while (sender.sendDue() > 0) {
      // deliver the whole backlog of the shared database, ours included
    }
    Map<String, Long> received = ReceivedMail.countByReason(greenMail, "urge:" + task.getId() + ":");
    assertThat(received).hasSize(2);
    assertThat(received.values()).containsOnly(1L);
  }

  @Test
  @DisplayName("a retried urging with the same Idempotency-Key urges once and answers the same")
  void idempotencyKey() throws Exception {
    String body = "{\"note\": \"请尽快办理\"}";
    var first = http.post("/api/supervision/tasks/" + task.getId() + "/urge", "supervisor", body, "urge-" + caseCode);
    var retry = http.post("/api/supervision/tasks/" + task.getId() + "/urge", "supervisor", body, "urge-" + caseCode);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertThat(taskService.getTaskComments(task.getId())).hasSize(1);
    assertThat(urgings()).hasSize(1);
    assertThat(queuedFor("urge:" + task.getId() + ":")).hasSameSizeAs(notices.groupEmails("drc"));
  }

  @Test
  @DisplayName("a suspended task cannot be urged (409)")
  void suspendedTask() throws Exception {
    runtimeService.suspendProcessInstanceById(task.getProcessInstanceId());
    urge(task.getId(), "supervisor", "{\"note\": \"催办\"}", 409);
    assertThat(urgings()).isEmpty();
  }

  @Test
  @DisplayName("only the supervision office may urge: a clerk, an enterprise and an administrator get 403")
  void othersGet403() throws Exception {
    assertThat(urge(task.getId(), "drc-clerk", "{\"note\": \"催办\"}", 403).get("detail").asText())
        .contains("督查室");
    urge(task.getId(), "enterprise-a", "{\"note\": \"催办\"}", 403);
    urge(task.getId(), "admin", "{\"note\": \"催办\"}", 403);
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();
    assertThat(urgings()).isEmpty();
    assertThat(queuedFor("urge:" + task.getId() + ":")).isEmpty();
  }

  @Test
  @DisplayName("the note is required and at most 500 characters; an unknown task is 404")
  void badInput() throws Exception {
    for (String body : List.of("{\"note\": \"  \"}", "{}", "", "{\"note\": \"" + "催".repeat(501) + "\"}")) {
      JsonNode problem = urge(task.getId(), "supervisor", body, 400);
      assertThat(problem.get("errors").findValuesAsText("field")).as(body).containsExactly("note");
    }
    urge(task.getId(), "supervisor", "{\"note\": \"" + "催".repeat(500) + "\"}", 200);
    urge("no-such-task", "supervisor", "{\"note\": \"催办\"}", 404);
  }
}
