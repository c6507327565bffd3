package cn.parkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.onboarding.OnboardingProcess.Elements;
import cn.parkflow.support.Http;
import cn.parkflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The onboarding tasks completed as Tasklist submits their forms ({@code POST /engine-rest/task/{id}/submit-form}):
 * the preliminary assessment with its site visit, the admission decision with its incentives (the Tasklist trial found
 * both refused as foreign variables).
 */
@IntegrationTest
class OnboardingTasklistCompletionTest {
  @LocalServerPort int port;
  @Autowired AdmissionCases cases;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper mapper;

  private HttpResponse<String> submit(String taskId, String user, String variables) {
    return new Http(port).post("/engine-rest/task/" + taskId + "/submit-form", user,
        "{\"variables\":{" + variables + "}}");
  }

  @Test
  @DisplayName("site visit and incentives go through Tasklist's submit-form; a wrong type is 400 naming the field")
  void formFieldsAreTaken() throws Exception {
    String number = cases.apply(cases.passing());
    String preliminary = cases.task(number, Elements.PRELIMINARY_ASSESSMENT).getId();
    HttpResponse<String> done = submit(preliminary, "investment-promotion-clerk",
        "\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意。\"},"
            + "\"siteVisit\":{\"value\":\"考察南昌现有工厂\",\"type\":\"String\"}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(cases.jdbc.queryForList("select distinct text_ from act_hi_varinst where name_ = 'siteVisit' and"
        + " proc_inst_id_ = ?", String.class, cases.admission(number).processInstanceId()))
        .containsExactly("考察南昌现有工厂");

    cases.approve(cases.task(number, Elements.ADMISSION_ASSESSMENT));
    String decision = cases.task(number, Elements.ADMISSION_DECISION).getId();
    HttpResponse<String> wrong = submit(decision, "park-admin-clerk",
        "\"decision\":{\"value\":\"approve\"},\"incentiveAmount\":{\"value\":\"很多\"}");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
    assertThat(mapper.readTree(wrong.body()).toString()).contains("incentiveAmount");
    HttpResponse<String> decided = submit(decision, "park-admin-clerk",
        "\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意入园。\"},"
            + "\"incentives\":{\"value\":\"一厂一策\"},\"incentiveAmount\":{\"value\":800,\"type\":\"Long\"},"
            + "\"oneFactoryOnePolicy\":{\"value\":true}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
    assertThat(cases.admission(number).incentivesEscalated()).isTrue();
  }
}
