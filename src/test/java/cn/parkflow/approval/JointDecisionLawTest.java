package cn.parkflow.approval;

import static cn.parkflow.approval.ProjectCases.chemicalPlant;
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

/** Issue 9 item 1: the joint decision delivers the departments' decisions and cannot override a refused licence. */
@IntegrationTest
class JointDecisionLawTest {
  static final String APPROVE = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意。\"}}}";

  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("a department rejects its EIA: approve is refused on Tasklist, REST and the Java API; reject delivers"
      + " the EIA department's refusal as its own act")
  void aRefusedLicenceCannotBeApproved() throws Exception {
    String code = cases.apply(chemicalPlant());
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    cases.complete(cases.reviewNamed(code, "环境影响"), "reject", "项目选址位于饮用水水源保护区。", null);
    cases.tasks(code, Elements.DEPARTMENT_REVIEW).forEach(cases::approve);
    cases.executeJobs(code);
    Task decision = cases.task(code, Elements.JOINT_DECISION);
    Http http = new Http(port);

    for (String path : new String[] {"/engine-rest/task/" + decision.getId() + "/complete",
        "/engine-rest/task/" + decision.getId() + "/submit-form"}) {
      HttpResponse<String> res = http.post(path, "park-admin-clerk", APPROVE);
      assertThat(res.statusCode()).as(path).isEqualTo(400);
      JsonNode problem = mapper.readTree(res.body());
      assertThat(problem.get("errors").findValuesAsText("field")).as(path).containsExactly("decision");
      assertThat(problem.get("message").asText()).contains("生态环境分局", "环境影响报告书审批");
    }
    HttpResponse<String> tasklist = http.webappSession("tasklist", "park-admin-clerk", "demo")
        .post("/camunda/api/engine/engine/default/task/" + decision.getId() + "/submit-form", APPROVE);
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(tasklist.body()).get("message").asText()).contains("decision", "生态环境分局");
    assertThatThrownBy(() -> cases.complete(decision, "approve", "同意。", null))
        .hasMessageContaining("decision").hasMessageContaining("生态环境分局");
    assertThat(cases.task(code, Elements.JOINT_DECISION).getId()).isEqualTo(decision.getId());
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.REVIEWING);

    cases.complete(decision, "reject", "环境影响报告书审批未获通过，统一出件不予批准。", null);
    cases.executeJobs(code);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.NOT_APPROVED);
    assertThat(cases.bodies(code, "【不予批准通知】")).singleElement().asString()
        .contains("环境影响报告书审批：进贤县生态环境分局依法作出决定——不予通过。理由：项目选址位于饮用水水源保护区")
        .contains("作出不予许可决定的机关：进贤县生态环境分局")
        .contains("作出决定的机关：进贤县生态环境分局", "六十日内向进贤县人民政府申请行政复议", "六个月内向进贤县人民法院提起行政诉讼")
        .contains("进贤县应急管理局依法作出决定——同意");
  }
}
