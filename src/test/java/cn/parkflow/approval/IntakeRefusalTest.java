package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectCases.smallElectronics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 9 item 7: 不予受理 is its own status, on the grounds of 行政许可法 Art. 32. */
@IntegrationTest
class IntakeRefusalTest {
  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("outside competence: status 不予受理, the notice and the case view name the competent organ")
  void outsideCompetenceNamesTheCompetentOrgan() {
    String code = cases.apply(smallElectronics());
    cases.refuseIntake(cases.task(code, Elements.INTAKE_REVIEW), "该项目属省级核准事项。", "outside-competence",
        "江西省发展和改革委员会");
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.NOT_ACCEPTED);
    cases.executeJobs(code);
    assertThat(cases.view(code).status()).isEqualTo("不予受理");
    assertThat(cases.bodies(code, "【不予受理通知】")).singleElement().asString()
        .contains("请向江西省发展和改革委员会申请", "不属于本行政机关职权范围", "第三十二条", "该项目属省级核准事项");
  }

  @Test
  @DisplayName("competentAuthority missing, or no ground: 400 naming the field on REST and Tasklist, the engine refuses"
      + " too, the task stays open")
  void missingCompetentAuthorityIs400() throws Exception {
    String code = cases.apply(smallElectronics());
    Task intake = cases.task(code, Elements.INTAKE_REVIEW);
    Http http = new Http(port);
    String noAuthority = "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"非本机关职权。\"},"
        + "\"refusalGround\":{\"value\":\"outside-competence\"}}}";
    String noGround = "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"不予受理。\"}}}";
    String badGround = "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"opinion\":{\"value\":\"不予受理。\"},"
        + "\"refusalGround\":{\"value\":\"not-in-industry-plan\"}}}";
    for (String[] c : new String[][] {{noAuthority, "competentAuthority"}, {noGround, "refusalGround"},
        {badGround, "refusalGround"}}) {
      HttpResponse<String> res = http.post("/engine-rest/task/" + intake.getId() + "/complete", "park-admin-clerk",
          c[0]);
      assertThat(res.statusCode()).as(c[0]).isEqualTo(400);
      JsonNode problem = mapper.readTree(res.body());
      assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(c[1]);
      assertThat(problem.get("message").asText()).contains(c[1]);
    }
    HttpResponse<String> tasklist = http.webappSession("tasklist", "park-admin-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/" + intake.getId() + "/submit-form", noAuthority);
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(tasklist.body()).get("message").asText()).contains("competentAuthority");
    assertThatThrownBy(() -> cases.refuseIntake(intake, "非本机关职权。", "outside-competence", null))
        .hasMessageContaining("competentAuthority");
    assertThat(cases.task(code, Elements.INTAKE_REVIEW).getId()).isEqualTo(intake.getId());
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.ACCEPTING);
  }
}
