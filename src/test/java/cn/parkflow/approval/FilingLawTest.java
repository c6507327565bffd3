package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.approval.ProjectApprovalProcess.Elements;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 6: a filing is complete at acceptance and never refused; its only negative outcome is Order 673 Art. 15,
 * which the DRC tells the enterprise and the departments concerned through {@code POST /api/projects/{code}/filing-correction}.
 */
@IntegrationTest
class FilingLawTest {
  @LocalServerPort int port;
  @Autowired ProjectCases cases;
  @Autowired CaseRecord caseRecord;
  final ObjectMapper mapper = new ObjectMapper();

  private String filed() {
    String code = cases.apply(ProjectCases.smallElectronics());
    cases.approve(cases.task(code, Elements.INTAKE_REVIEW));
    cases.executeJobs(code);
    assertThat(cases.project(code).status()).isEqualTo(ProjectStatus.FILED);
    return code;
  }

  @Test
  @DisplayName("a filed project found to need 核准: the DRC tells the enterprise (with its rights) and the departments"
      + " concerned; the case stays 已备案 and shows the finding")
  void art15TellsEnterpriseAndDepartments() throws Exception {
    String code = filed();
    Http http = new Http(port);
    HttpResponse<String> view = http.get("/api/projects/" + code, "enterprise-a");
    assertThat(mapper.readTree(view.body()).get("status").asText()).isEqualTo("已备案");

    HttpResponse<String> res = http.post("/api/projects/" + code + "/filing-correction", "drc-clerk",
        "{\"ground\":\"needs-approval\",\"reasons\":\"项目实际建设内容含自备燃煤电站，属核准目录范围。\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(mapper.readTree(res.body()).get("status").asText()).isEqualTo("已备案");
    assertThat(cases.bodies(code, "【备案项目纠正告知】")).singleElement().asString()
        .contains("进贤县发展和改革局", "依法应当实行核准管理", "自备燃煤电站", "第十五条", "六十日内向进贤县人民政府申请行政复议")
        .containsPattern("园审备纠〔20\\d\\d〕\\d+号");
    assertThat(cases.recipients(code, "【备案项目纠正告知】")).containsExactly("apply@ganjiang.example.com");
    assertThat(cases.recipients(code, "【备案项目纠正通知】")).contains("park-admin-clerk@parkflow.local",
        "housing-construction-clerk@parkflow.local", "ecology-environment-clerk@parkflow.local")
        .doesNotContain("drc-clerk@parkflow.local");
    assertThat(caseRecord.of(code)).anyMatch(e -> FilingCorrection.STEP.equals(e.stepKey())
        && "needs-approval".equals(e.decision()));
  }

  @Test
  @DisplayName("only the DRC may do it (403), the ground is checked (400 naming it), and a case without a filing"
      + " answers 409")
  void art15Refusals() throws Exception {
    String code = filed();
    Http http = new Http(port);
    String body = "{\"ground\":\"prohibited\",\"reasons\":\"属于淘汰类项目。\"}";
    assertThat(http.post("/api/projects/" + code + "/filing-correction", "enterprise-a", body).statusCode())
        .isEqualTo(403);
    assertThat(http.post("/api/projects/" + code + "/filing-correction", "park-admin-clerk", body).statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad = http.post("/api/projects/" + code + "/filing-correction", "drc-clerk",
        "{\"ground\":\"refuse\",\"reasons\":\"不予备案。\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problem = mapper.readTree(bad.body());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("ground");
    assertThat(cases.subjects(code)).noneMatch(s -> s.startsWith("【备案项目纠正告知】"));

    String approval = cases.apply(ProjectCases.application("25", "20000", "50", "1500", true));
    cases.approve(cases.task(approval, Elements.INTAKE_REVIEW));
    cases.executeJobs(approval);
    assertThat(http.post("/api/projects/" + approval + "/filing-correction", "drc-clerk", body).statusCode())
        .isEqualTo(409);
  }
}
