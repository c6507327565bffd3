package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.identity.Department;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 9 item 3 over HTTP: {@code POST /api/reviews/{taskId}/pause} and {@code .../resume}. */
@IntegrationTest
class ReviewPauseApiTest {
  private static final String PAUSE = """
      {"reason": "委托工程咨询机构评估项目申请报告", "kind": "expert-evaluation", "expectedWorkingDays": 10}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper mapper;
  @Autowired ProjectCases cases;
  Http http;

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  /** The answer's body as JSON (a problem, a pause or a case). */
  private JsonNode json(HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).isPresent();
    try {
      return mapper.readTree(answer.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("the answer is no JSON: " + answer.body(), e);
    }
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  /** A 核准 project (industry 25, hazardous): drc-approval, eia-report and safety-review are open. */
  private String accepted() {
    String code = cases.apply(ProjectCases.application("25", "20000", "0", "100", true));
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    return code;
  }

  @Test
  @DisplayName("the department pauses and resumes its review; pausing twice or resuming a running review is 409")
  void pauseAndResume() {
    String code = accepted();
    String taskId = cases.review(code, Department.DRC.groupId()).getId();

    HttpResponse<String> resumeRunning = http.post("/api/reviews/" + taskId + "/resume", "drc-clerk", "{}");
    assertThat(resumeRunning.statusCode()).as(resumeRunning.body()).isEqualTo(409);

    HttpResponse<String> paused = http.post("/api/reviews/" + taskId + "/pause", "drc-clerk", PAUSE);
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(json(paused).path("kind").asText()).isEqualTo("expert-evaluation");
    assertThat(json(paused).path("resumedAt").isNull()).isTrue();

    HttpResponse<String> again = http.post("/api/reviews/" + taskId + "/pause", "drc-clerk", PAUSE);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/problem+json"));

    JsonNode view = json(http.get("/api/projects/" + code, "enterprise-a"));
    assertThat(view.path("pauses")).hasSize(1);
    assertThat(view.path("pauses").get(0).path("kindLabel").asText()).isEqualTo("专家评审");
    assertThat(view.path("openSteps").findValues("paused")).extracting(JsonNode::asBoolean).contains(true);

    HttpResponse<String> resumed = http.post("/api/reviews/" + taskId + "/resume", "drc-clerk",
        "{\"note\": \"评估报告已收到\"}");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(json(resumed).path("resumedAt").isNull()).isFalse();
    assertThat(http.post("/api/reviews/" + taskId + "/resume", "drc-clerk", "{}").statusCode()).isEqualTo(409);
  }

  @Test
  @DisplayName("another department's task, an applicant, or no task at all: 404")
  void anotherDepartmentsTaskIsNotFound() {
    String code = accepted();
    String taskId = cases.review(code, Department.DRC.groupId()).getId();
    assertThat(http.post("/api/reviews/" + taskId + "/pause", "ecology-environment-clerk", PAUSE).statusCode())
        .isEqualTo(404);
    assertThat(http.post("/api/reviews/" + taskId + "/resume", "ecology-environment-clerk", "{}").statusCode())
        .isEqualTo(404);
    assertThat(http.post("/api/reviews/" + taskId + "/pause", "enterprise-a", PAUSE).statusCode()).isEqualTo(404);
    assertThat(http.post("/api/reviews/no-such-task/pause", "drc-clerk", PAUSE).statusCode()).isEqualTo(404);
    String intake = cases.task(cases.apply(ProjectCases.smallElectronics()), Elements.INTAKE_REVIEW).getId();
    assertThat(http.post("/api/reviews/" + intake + "/pause", "park-admin-clerk", PAUSE).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("a bad kind is 400 naming kind, with every other bad field at once; 核准's evaluation is at most 30 wd")
  void badInput() {
    String code = accepted();
    String taskId = cases.review(code, Department.DRC.groupId()).getId();
    HttpResponse<String> bad = http.post("/api/reviews/" + taskId + "/pause", "drc-clerk",
        "{\"kind\": \"lunch-break\", \"expectedWorkingDays\": 0, \"colour\": \"red\"}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(fields(json(bad))).contains("kind", "reason", "expectedWorkingDays", "colour");
    assertThat(bad.body()).contains("lunch-break", "expert-evaluation");

    HttpResponse<String> tooLong = http.post("/api/reviews/" + taskId + "/pause", "drc-clerk",
        PAUSE.replace("10}", "31}"));
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(fields(json(tooLong))).containsExactly("expectedWorkingDays");
    assertThat(tooLong.body()).contains("30 个工作日");

    String eia = cases.reviewNamed(code, "环境影响").getId();
    HttpResponse<String> testing = http.post("/api/reviews/" + eia + "/pause", "ecology-environment-clerk",
        "{\"reason\": \"委托监测\", \"kind\": \"testing\", \"expectedWorkingDays\": 40}");
    assertThat(testing.statusCode()).as(testing.body()).isEqualTo(200);
  }
}
